// Every file below a folder (paths joined to it), for the build's hooks and the benchmark.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function files(folder) {
  const out = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}
