// The one HTTP stack matchday serves on (`serve`, `cup --serve`, `host`): a Fastify app with the origin
// guard, the viewer's WebSocket endpoint (over a cup, scrim or replay, or only live matches), the built client, and any
// plugins passed in (the season's /api/v1). startHttpApp resolves once it listens.
import fastifyWebsocket from '@fastify/websocket';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyPluginCallback } from 'fastify';
import { VIEWER_DIST } from '../../build/stamp.js';
import { DEFAULT_HOST, DEFAULT_PORT, MAX_PAYLOAD_BYTES, WS_PATH } from '../../protocol.js';
import { Catalog } from '../catalog.js';
import { UserError } from '../../../tournament/errors.js';
import { LiveHub } from '../live.js';
import { emptySource, type Source } from '../sources.js';
import { API_INDEX, API_PREFIX, clientFiles } from './client-files.js';
import { listen, urlHost } from './listen.js';
import { originGuard, originPolicy } from './origins.js';
import { viewerSocket } from './viewer-socket.js';

/** What the viewer's WebSocket serves: a cup, scrim or replay source and the live hub beside it. */
export interface ViewerMount {
  source: Source;
  live: LiveHub;
}

/** A Fastify plugin to mount, bare or with its register options (`{ plugin, options: { prefix: '/api/v1' } }`). */
export type HttpPlugin = FastifyPluginAsync<any> | FastifyPluginCallback<any> | { plugin: FastifyPluginAsync<any> | FastifyPluginCallback<any>; options?: Record<string, unknown> };

export interface HttpAppOptions {
  /** Default 127.0.0.1: only this machine can reach it unless asked otherwise. */
  host?: string;
  /** Default DEFAULT_PORT; 0 picks a free port. */
  port?: number;
  /** Origins (scheme://host[:port]) whose pages may call this server besides loopback ones (--allow-origin). */
  allowOrigins?: readonly string[];
  /**
   * What the viewer's WebSocket serves. Without it the endpoint still answers, over an empty list and a
   * fresh live hub (returned as `live`): the client always connects, and a season host can publish its
   * live matches there.
   */
  viewer?: ViewerMount;
  /** The name the empty list shows when no viewer source is given. [default: 'matchday'] */
  name?: string;
  /** Extra Fastify plugins, registered after the viewer's routes. */
  plugins?: readonly HttpPlugin[];
  /** The built client; default viewer/dist. */
  distDir?: string;
}

export interface HttpApp {
  /** http://host:port/ to open in a browser. */
  url: string;
  /** ws://host:port/ws */
  wsUrl: string;
  port: number;
  app: FastifyInstance;
  /** The live hub the WebSocket streams from: publish live matches here. */
  live: LiveHub;
  close(): Promise<void>;
}

export async function startHttpApp(opts: HttpAppOptions = {}): Promise<HttpApp> {
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  // Checked before anything listens: a bad --allow-origin is the person's typo, not a server failure.
  let policy: ReturnType<typeof originPolicy>;
  try {
    policy = originPolicy(host, opts.allowOrigins);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const viewer = opts.viewer ?? { source: emptySource(opts.name ?? 'matchday'), live: new LiveHub() };
  const app = Fastify({ logger: false, forceCloseConnections: true, return503OnClosing: true });
  // The WebSocket layer drops anything above MAX_PAYLOAD_BYTES outright (close 1009); the session answers
  // smaller oversize messages (over MAX_INBOUND_BYTES) with an error and keeps the connection.
  // Registered before the guards: its own onRequest hook marks upgrades (req.ws), and only a marked
  // upgrade has its socket destroyed after a refusal; otherwise a refused upgrade would hold close() open.
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_PAYLOAD_BYTES } });
  app.addHook('onRequest', originGuard(policy));
  // Upgrades anywhere but WS_PATH are refused before any route sees them.
  app.addHook('onRequest', async (req, reply) => {
    if (req.ws && req.url.split('?')[0] !== WS_PATH) await reply.code(404).type('text/plain; charset=utf-8').send('not found: WebSocket is served at ' + WS_PATH + '\n');
  });
  await app.register(viewerSocket, { catalog: new Catalog(viewer.source, viewer.live), live: viewer.live });
  const mounted: string[] = [];
  for (const p of opts.plugins ?? []) {
    if (typeof p === 'function') await app.register(p);
    else {
      await app.register(p.plugin, p.options ?? {});
      if (typeof p.options?.prefix === 'string') mounted.push(p.options.prefix);
    }
  }
  // What the client may ask for: it learns from a 200 here that there is no season, instead of from a
  // 404 the browser would log as an error.
  app.get(API_INDEX, async () => ({ apis: mounted }));
  await app.register(clientFiles, { distDir: opts.distDir ?? VIEWER_DIST });

  // Every socket, upgraded ones included (node's http server forgets those): close() ends them all, so no
  // client, however it behaves, can keep the server from stopping.
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  let actual: number;
  try {
    actual = await listen(app, port, host);
  } catch (e) {
    await app.close().catch(() => undefined);
    throw e;
  }
  const base = `${urlHost(host)}:${actual}`;
  return {
    url: `http://${base}/`,
    wsUrl: `ws://${base}${WS_PATH}`,
    port: actual,
    app,
    live: viewer.live,
    close: async () => {
      // Spectators are cut off at once rather than asked to close (a close handshake can wait 30 s).
      for (const ws of app.websocketServer.clients) ws.terminate();
      for (const socket of sockets) socket.destroy();
      await app.close();
    },
  };
}

export { API_PREFIX };
