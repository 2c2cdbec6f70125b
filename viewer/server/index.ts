// The viewer server: one node http server that serves the built client and, on the same port, the
// WebSocket endpoint (WS_PATH). startServer resolves once it listens; every failure a client causes
// stays with that client.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { UserError } from '../../tournament/errors.js';
import { DEFAULT_HOST, DEFAULT_PORT, MAX_PAYLOAD_BYTES, SERVER, WS_PATH } from '../protocol.js';
import { Catalog } from './catalog.js';
import { LiveHub } from './live.js';
import { Session } from './session.js';
import { emptySource, openSource, type Source } from './sources.js';
import { staticHandler } from './static.js';

export { LiveHub, type LiveMatchMeta } from './live.js';

/** Where `npm run build:viewer` puts the client. */
export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

export interface ServerOptions {
  /** A cup folder, a scrim folder or a replay file; omit to serve only what `live` publishes. */
  root?: string;
  /** Default DEFAULT_PORT; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: only this machine can watch unless asked otherwise. */
  host?: string;
  /** Publish live matches here (e.g. `matchday cup --serve`); a new hub when omitted. */
  live?: LiveHub;
  /** Name shown when serving only live matches. */
  name?: string;
  /** Treat `root` as this kind instead of guessing; `matchday cup --serve` passes 'cup' for a folder it has only just made. */
  kind?: 'cup';
  /** The built client; default viewer/dist. */
  distDir?: string;
}

export interface ViewerServer {
  /** http://host:port/ to open in a browser. */
  url: string;
  /** ws://host:port/ws */
  wsUrl: string;
  port: number;
  live: LiveHub;
  source: Source;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') fail(new UserError(`port ${port} on ${host} is already in use; pick another with --port N, or --port 0 for any free port`));
      else if (e.code === 'EACCES') fail(new UserError(`not allowed to listen on port ${port} on ${host}; use a port above 1023`));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') fail(new UserError(`cannot listen on host ${host}: no such local address`));
      else fail(e);
    };
    const onListening = (): void => {
      server.off('error', onError);
      done();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer(opts: ServerOptions = {}): Promise<ViewerServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  const live = opts.live ?? new LiveHub();
  const source = opts.root !== undefined ? openSource(opts.root, opts.kind) : emptySource(opts.name ?? 'matchday');
  const catalog = new Catalog(source, live);
  const serveStatic = staticHandler(opts.distDir ?? DIST_DIR);

  const http = createServer((req, res) => {
    serveStatic(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    });
  });
  // The WebSocket layer drops anything above MAX_PAYLOAD_BYTES outright; the session answers the
  // smaller oversize messages (over MAX_INBOUND_BYTES) with an error and keeps the connection.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  const sessions = new Set<Session>();

  http.on('upgrade', (req, socket, head) => {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      path = '';
    }
    if (path !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const s = new Session(ws, catalog);
      sessions.add(s);
      ws.on('close', () => sessions.delete(s));
    });
  });

  // Every client hears when a match is scheduled, starts, scores or ends, so lists stay current.
  // Changes are batched: a cup announcing 64 matches reads its folder once, not 64 times.
  const changed = new Set<string>();
  let flushing = false;
  const flushStatus = (): void => {
    const ids = [...changed];
    changed.clear();
    catalog
      .list()
      .then((served) => {
        for (const match of served.matches) {
          if (!ids.includes(match.id)) continue;
          for (const s of sessions) s.send({ type: SERVER.matchStatus, match });
        }
      })
      .catch(() => {
        /* the list cannot be read right now; the next list request reports why */
      })
      .finally(() => {
        flushing = false;
        if (changed.size > 0) schedule();
      });
  };
  const schedule = (): void => {
    if (flushing) return;
    flushing = true;
    setImmediate(flushStatus);
  };
  const stopStatus = live.onStatus((matchId) => {
    changed.add(matchId);
    schedule();
  });

  await listen(http, port, host);
  const actual = (http.address() as AddressInfo).port;
  const base = `${urlHost(host)}:${actual}`;
  return {
    url: `http://${base}/`,
    wsUrl: `ws://${base}${WS_PATH}`,
    port: actual,
    live,
    source,
    close: async () => {
      stopStatus();
      for (const s of sessions) s.dispose();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
    },
  };
}
