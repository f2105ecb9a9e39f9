// A small static file server for the built page. Run as a script
// (`node scripts/serve.mjs [DIR] [PORT]`) or import serveDirectory in tests.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',  // lets the browser compile it while it downloads
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// The page's Content-Security-Policy, sent with every response: the page
// also carries it in a <meta> element (web/index.html says why each part is
// there), but a worker takes its policy from its own script's response, and
// frame-ancestors (no framing, against clickjacking) only works as a header.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types heaplab",
  "frame-ancestors 'none'",
].join('; ');

// Serves `root` on 127.0.0.1:`port` (0 picks a free port). Resolves with the
// server and the URL to open once it listens. `contentSecurityPolicy` null
// sends none (bench/startup_and_size.mjs's Pyodide page needs an inline script).
export function serveDirectory(root, port = 0, { contentSecurityPolicy = CONTENT_SECURITY_POLICY } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = normalize(join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      // no-cache with a validator: a reload asks again and gets 304 Not
      // Modified for what did not change, and the browser reuses its copy
      // (and the code it compiled from it). No compression: on localhost
      // gzip costs more time than the bytes it saves.
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
      const headers = { 'Cache-Control': 'no-cache', ETag: etag, 'X-Content-Type-Options': 'nosniff' };
      if (contentSecurityPolicy) headers['Content-Security-Policy'] = contentSecurityPolicy;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers).end();
        return;
      }
      response.writeHead(200, {
        ...headers,
        'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://localhost:${server.address().port}/`;
      resolvePromise({ server, url });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const defaultRoot = fileURLToPath(new URL('../web/dist', import.meta.url));
  const root = process.argv[2] ?? defaultRoot;
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8000);
  const { url } = await serveDirectory(root, port);
  console.log(`heaplab playground: ${url}  (Ctrl-C to stop)`);
}
