// Trunk pre-build hook: copies the Pyodide files the lessons' Python worker (www/py-worker.js)
// loads into the build's pyodide/ folder, from npm's `pyodide` package (package-lock.json pins
// it; scripts/setup.sh installs it). Nothing of it loads before the learner's first Run.
// Only the files a run needs: the loader, the interpreter, the standard library and the lock
// file loadPyodide reads (no packages: the worker never calls loadPackage or micropip).
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
const from = 'node_modules/pyodide';
const to = join(process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist', 'pyodide');

await mkdir(to, { recursive: true });
let bytes = 0;
for (const file of FILES) {
  const source = join(from, file);
  const size = (await stat(source).catch(() => null))?.size;
  if (size === undefined) {
    console.error(`pyodide.mjs: ${source} is missing: run npm ci (scripts/setup.sh does)`);
    process.exit(1);
  }
  await copyFile(source, join(to, file));
  bytes += size;
}
console.log(`pyodide.mjs: ${FILES.length} files, ${(bytes / 1e6).toFixed(1)} MB into ${to}`);
