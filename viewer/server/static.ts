// Serves the built client (viewer/dist): static files with their MIME types, index.html for client
// routes (paths without a file extension), and nothing outside the folder. Without a build it serves
// a short page that says how to make one.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.mdr': 'application/octet-stream',
};

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const NO_BUILD_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>matchday viewer: not built</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>The viewer is not built yet</h1>
<p>The server is running and its WebSocket endpoint answers at <code>/ws</code>, but the browser app has not been built.
Build it once in the matchday checkout, then reload this page:</p>
<pre>npm run build:viewer</pre>
</body></html>
`;

function plain(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(body + '\n');
}

/** True when `file` is inside `root` (or is root itself). */
function within(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function staticHandler(distDir: string): StaticHandler {
  const root = resolve(distDir);

  const sendFile = async (req: IncomingMessage, res: ServerResponse, file: string, size: number): Promise<void> => {
    // Vite puts content-hashed files under assets/: those never change; everything else is revalidated.
    const immutable = relative(root, file).startsWith('assets');
    res.writeHead(200, {
      'content-type': mimeType(file),
      'content-length': size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    await new Promise<void>((done) => {
      const s = createReadStream(file);
      s.on('error', () => {
        res.destroy();
        done();
      });
      s.on('end', done);
      s.pipe(res);
    });
  };

  /** The real file for `rel` inside root, or null; symlinks that point out of root count as outside. */
  const find = async (realRoot: string, rel: string): Promise<{ file: string; size: number } | 'outside' | null> => {
    const file = resolve(root, '.' + rel);
    if (!within(root, file)) return 'outside';
    try {
      const real = await realpath(file);
      if (!within(realRoot, real)) return 'outside';
      const st = await stat(real);
      if (st.isDirectory()) {
        const index = join(real, 'index.html');
        const ist = await stat(index);
        return { file: index, size: ist.size };
      }
      return st.isFile() ? { file: real, size: st.size } : null;
    } catch {
      return null;
    }
  };

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return plain(res, 405, 'method not allowed');
    }
    let realRoot: string;
    try {
      realRoot = await realpath(root);
    } catch {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(req.method === 'HEAD' ? undefined : NO_BUILD_PAGE);
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return plain(res, 400, 'bad request: malformed path');
    }
    if (path.includes('\0') || path.includes('\\')) return plain(res, 400, 'bad request: malformed path');
    const found = await find(realRoot, path);
    if (found === 'outside') return plain(res, 403, 'forbidden: that path is outside the viewer');
    if (found) return sendFile(req, res, found.file, found.size);
    // A client route (no extension, e.g. /cup/match/A1): the app's index.html handles it.
    if (extname(path) === '') {
      const index = await find(realRoot, '/index.html');
      if (index && index !== 'outside') return sendFile(req, res, index.file, index.size);
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(req.method === 'HEAD' ? undefined : NO_BUILD_PAGE);
    }
    return plain(res, 404, `not found: ${path}`);
  };
}
