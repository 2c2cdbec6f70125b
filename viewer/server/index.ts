// The viewer server: the one HTTP stack (./http/app.ts) with the viewer mounted over a cup folder, a scrim
// folder, a replay file or only what `live` publishes. startServer resolves once it listens; every
// failure a client causes stays with that client.
import { VIEWER_DIST } from '../build/stamp.js';
import { startHttpApp, type HttpApp, type HttpPlugin } from './http/app.js';
import { LiveHub } from './live.js';
import { emptySource, openSource, type Source } from './sources.js';

export { LiveHub, type LiveMatchMeta } from './live.js';
export { startHttpApp, type HttpApp, type HttpAppOptions, type HttpPlugin, type ViewerMount } from './http/app.js';

/** Where `npm run build:viewer` puts the client. */
export const DIST_DIR = VIEWER_DIST;

export interface ServerOptions {
  /** A cup folder, a scrim folder or a replay file; omit to serve only what `live` publishes. */
  root?: string;
  /** Default DEFAULT_PORT; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: only this machine can watch unless asked otherwise. */
  host?: string;
  /** Origins whose pages may connect besides loopback ones and, beyond loopback, the served page itself (--allow-origin). */
  allowOrigins?: readonly string[];
  /** Publish live matches here (e.g. `matchday cup --serve`); a new hub when omitted. */
  live?: LiveHub;
  /** Name shown when serving only live matches. */
  name?: string;
  /** Treat `root` as this kind instead of guessing; `matchday cup --serve` passes 'cup' for a folder it has only just made. */
  kind?: 'cup';
  /** The built client; default viewer/dist. */
  distDir?: string;
  /** Extra Fastify plugins (a season's API). */
  plugins?: readonly HttpPlugin[];
}

export interface ViewerServer extends HttpApp {
  live: LiveHub;
  source: Source;
}

export async function startServer(opts: ServerOptions = {}): Promise<ViewerServer> {
  const live = opts.live ?? new LiveHub();
  const source = opts.root !== undefined ? openSource(opts.root, opts.kind) : emptySource(opts.name ?? 'matchday');
  const http = await startHttpApp({
    host: opts.host,
    port: opts.port,
    allowOrigins: opts.allowOrigins,
    viewer: { source, live },
    plugins: opts.plugins,
    distDir: opts.distDir,
  });
  return { ...http, live, source };
}
