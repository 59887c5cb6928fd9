// `logdrop serve [DIR] [--port N]`: the built static folder (npm run build) on 127.0.0.1 for people who have
// Node but no internet, with the security headers of scripts/csp.ts on every response (a worker obeys the
// policy sent with its own script). Serves files only: no directory listings, nothing outside DIR.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { SECURITY_HEADERS, cspFor } from '../../scripts/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path names inside root, or undefined (outside root, missing, or not a file). */
export function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined; // malformed escapes
  }
  if (path.includes('\0')) return undefined;
  let file = resolve(root, '.' + (path.startsWith('/') ? path : '/' + path));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Starts the server; resolves once it listens (port 0: any free port; read it from the returned address). */
export function serveStatic(dir: string, port: number): Promise<Server> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return Promise.reject(new Error(`${dir} has no index.html: build it first (npm run build)`));
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // the fetch workers' own policies (threat intel: the providers; live webhook: its origin), as `npm start` sends them
    res.setHeader('Content-Security-Policy', cspFor(req.url ?? '/'));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(root, req.url ?? '/');
    if (file === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      // assets/ names carry a content hash; the rest (the page, sw.js, the demo) is checked on every visit
      'Cache-Control': file.startsWith(join(root, 'assets') + sep) ? 'max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen(server));
  });
}
