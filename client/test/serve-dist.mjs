// Serves client/dist at / and client/dist-docs at /docs/ the way the API server will (SPA
// fallback, no API behind /graphql), with the Content Security Policy each build needs, so
// the browser smoke test can check both builds before the real server serves them.
//
//   node client/test/serve-dist.mjs [port]      (CSP=off to serve without a policy)
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = fileURLToPath(new URL('..', import.meta.url));

/** What the players' app needs: nothing inline, same-origin HTTP and websocket. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https://render.guildwars2.com",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** What GraphiQL (monaco) needs on top: inline styles and data: fonts (its workers are files). */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Resolves `urlPath` inside `root`, refusing anything that escapes it. */
function inside(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  return path === root || path.startsWith(root + sep) ? path : null;
}

export function createStaticServer({ csp = true } = {}) {
  return createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');

    if (pathname === '/graphql') {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [
            {
              message: 'No API behind this static preview',
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            },
          ],
        }),
      );
      return;
    }

    const docs = pathname === '/docs' || pathname.startsWith('/docs/');
    const root = join(clientDir, docs ? 'dist-docs' : 'dist');
    const relative = docs ? pathname.slice('/docs'.length) || '/' : pathname;
    const candidate = inside(root, relative);
    if (!candidate) {
      res.writeHead(400).end();
      return;
    }
    // Files are served as they are; anything else is the single-page app's index.html.
    const file = (await isFile(candidate)) ? candidate : join(root, 'index.html');
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (csp) headers['content-security-policy'] = docs ? DOCS_CSP : APP_CSP;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 4180);
  const server = createStaticServer({ csp: process.env.CSP !== 'off' });
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`Serving client/dist and client/dist-docs on http://127.0.0.1:${port}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
