// Serves the built client (viewer/dist) with @fastify/static: files with their MIME types, index.html for
// client routes (paths without an extension), nothing outside the folder (symlinks out of it included).
// Without a build it serves a short page that says how to make one; the WebSocket still answers.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, realpath } from 'node:fs/promises';
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

/** Paths under this prefix belong to the JSON API plugins: their unknown routes are 404 in JSON, not the client's. */
export const API_PREFIX = '/api/';
/** Lists the API prefixes mounted (`{ apis: ['/api/v1'] }`); the client reads it to know whether a season is served. */
export const API_INDEX = '/api/index.json';

/** True when `file` is inside `root` (or is root itself). */
function within(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

class Forbidden extends Error {
  readonly statusCode = 403;
  constructor() {
    super('forbidden: that path is outside the viewer');
  }
}

function plain(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('x-content-type-options', 'nosniff').type('text/plain; charset=utf-8').send(body + '\n');
}

export async function clientFiles(app: FastifyInstance, opts: { distDir: string }): Promise<void> {
  const root = resolve(opts.distDir);
  await app.register(fastifyStatic, {
    root,
    // Dotfiles are never part of a build; nothing is listed; no redirects for folders.
    dotfiles: 'ignore',
    redirect: false,
    cacheControl: false,
    // The file send picked, after every path check of its own: refuse one that is a symlink leading out.
    onFile: async (file: string) => {
      const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
      if (!within(realRoot, real)) throw new Forbidden();
    },
    setHeaders: (reply, file) => {
      // Vite puts content-hashed files under assets/: those never change; everything else is revalidated.
      const immutable = relative(root, file).startsWith('assets');
      reply.header('content-type', mimeType(file));
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      reply.header('x-content-type-options', 'nosniff');
    },
  });

  app.setNotFoundHandler(async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith(API_PREFIX)) return reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${path}` });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply.header('allow', 'GET, HEAD');
      return plain(reply, 405, 'method not allowed');
    }
    // A client route (no extension, e.g. /cup/match/A1): the app's index.html handles it.
    if (extname(path) === '' || path === '/index.html') {
      if (await exists(join(root, 'index.html'))) return reply.sendFile('index.html');
      // No build: say how to make one.
      return reply.code(503).type('text/html; charset=utf-8').send(req.method === 'HEAD' ? '' : NO_BUILD_PAGE);
    }
    return plain(reply, 404, `not found: ${path.slice(0, 200)}`);
  });
}
