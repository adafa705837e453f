// Trunk post-build hook: puts the SHA-256 of each inline <script> Trunk wrote into index.html
// (its module loader, whose text changes with the asset hashes) into the Content-Security-Policy,
// in place of the placeholder, in both index.html's <meta> and _headers. A strict CSP without
// 'unsafe-inline' then still lets exactly those scripts run, on any static host.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const PLACEHOLDER = "'inline-script-hashes'";
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';

const htmlPath = join(dir, 'index.html');
const html = await readFile(htmlPath, 'utf8');
const hashes = [];
// Inline scripts: a <script> tag without a src attribute.
for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
if (!html.includes(PLACEHOLDER)) {
  console.error(`csp.mjs: ${htmlPath} has no ${PLACEHOLDER} in its Content-Security-Policy`);
  process.exit(1);
}
const sources = hashes.length ? hashes.join(' ') : "'none'";
await writeFile(htmlPath, html.replaceAll(PLACEHOLDER, sources));
const headersPath = join(dir, '_headers');
const headers = await readFile(headersPath, 'utf8').catch(() => null);
if (headers !== null) await writeFile(headersPath, headers.replaceAll(PLACEHOLDER, sources));
console.log(`csp.mjs: ${hashes.length} inline script hash(es) in the Content-Security-Policy`);
