// Trunk post-build hook (after csp.mjs, which still edits index.html): writes a gzip (-9) and a
// brotli (quality 11) copy beside every text or wasm file in the build, `x.wasm.gz` and
// `x.wasm.br`, so a static host that serves precompressed files (nginx's gzip_static and
// brotli_static, Caddy's precompressed, tests/e2e/server.mjs) sends them compressed without
// compressing on each request. A copy that would not be smaller is not written.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { files } from './files.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt']);

let written = 0;
let raw = 0;
let br = 0;
for (const file of await files(dir)) {
  // Copies from an earlier build in the same folder go first: they may be stale.
  if (file.endsWith('.gz') || file.endsWith('.br')) {
    await rm(file);
    continue;
  }
  if (!COMPRESSIBLE.has(extname(file))) continue;
  const body = await readFile(file);
  const gz = gzipSync(body, { level: 9 });
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  if (gz.length < body.length) {
    await writeFile(`${file}.gz`, gz);
    written++;
  }
  if (brotli.length < body.length) {
    await writeFile(`${file}.br`, brotli);
    written++;
  }
  raw += body.length;
  br += Math.min(brotli.length, body.length);
}
console.log(`compress.mjs: ${written} precompressed copies (${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli)`);
