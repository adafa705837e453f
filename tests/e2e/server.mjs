// A tiny static server for the built app (dist/), used by the end-to-end tests and the
// benchmark. It can serve the same files with or without the cross-origin-isolation headers,
// which is the difference the tests are about. Loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The Content-Security-Policy of `root`'s `_headers` (written by scripts/csp.mjs), or null.
 * A host that reads `_headers` sends it with every file; a worker's policy comes only from its
 * script's response (the page's <meta> does not reach it), so the Python worker needs it.
 */
async function headersPolicy(root) {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  return text.match(/^\s*Content-Security-Policy:\s*(.+)$/m)?.[1].trim() ?? null;
}

/**
 * Serves `root` on 127.0.0.1. `isolated` adds COOP/COEP and, like a host that reads
 * `_headers`, its Content-Security-Policy. `prefix` mounts the files below a sub-path
 * (`/repo/`, as GitHub Pages serves a project). Resolves to { url, close, requests, encodings }
 * (`requests`: every path asked for, in order; `encodings`: for each file served, its content
 * encoding — `br`, `gzip` or null — and the bytes sent).
 * Port 0 picks a free port. `hold(path)`, if given, is awaited before a file is served: a test
 * can keep a file back for a while, or fail it by resolving to an HTTP status.
 */
export function serve({ root, isolated = true, port = 0, prefix = '/', hold = null }) {
  const base = resolve(root);
  const requests = [];
  const encodings = [];
  const policy = isolated ? headersPolicy(base) : Promise.resolve(null);
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      path = `/${path.slice(prefix.length)}`;
      const status = hold ? await hold(path) : undefined;
      if (typeof status === 'number') {
        res.writeHead(status, { 'Content-Type': 'text/plain' }).end(`held back with ${status}`);
        return;
      }
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      if (!(await stat(file).catch(() => null))?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      // The build's precompressed copy (scripts/compress.mjs) when the browser takes it, as a
      // static host with precompressed files serves them.
      const accepted = String(req.headers['accept-encoding'] ?? '');
      let encoding = null;
      let body = null;
      for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (body === null && new RegExp(`\\b${name}\\b`).test(accepted)) {
          body = await readFile(file + ext).catch(() => null);
          if (body !== null) encoding = name;
        }
      }
      body ??= await readFile(file);
      encodings.push({ url: req.url, encoding, bytes: body.length });
      const csp = await policy;
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        ...(isolated ? ISOLATION_HEADERS : {}),
        ...(csp ? { 'Content-Security-Policy': csp } : {}),
      };
      res.writeHead(200, headers).end(body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      done({ url: `http://127.0.0.1:${bound}${prefix}`, close: () => new Promise((c) => server.close(c)), requests, encodings });
    });
  });
}

// `node tests/e2e/server.mjs [dist] [port] [--no-isolation]`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const isolated = !args.includes('--no-isolation');
  const [root = 'dist', port = '8080'] = args.filter((a) => !a.startsWith('--'));
  const { url } = await serve({ root, isolated, port: Number(port) });
  console.log(`Serving ${root} at ${url} (${isolated ? 'cross-origin isolated' : 'NOT isolated'})`);
}
