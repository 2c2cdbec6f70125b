// Runs a season's server: the service with its match pools, and the API mounted on an HTTP app.
import Fastify, { type FastifyInstance } from 'fastify';
import { MatchPool } from '../tournament/runner/pool.js';
import { seasonApi, type SeasonApiOptions } from './api/plugin.js';
import { SeasonService } from './service.js';
import { UserError } from '../tournament/errors.js';

export { API_PREFIX } from './api/prefix.js';
import { API_PREFIX } from './api/prefix.js';

export interface HostOptions extends SeasonApiOptions {
  /** Match processes for the season's matches. [default: 1] */
  workers?: number;
  /** Validations at once; more wait in a queue. [default: 2] */
  validators?: number;
  log?: (line: string) => void;
}

export interface SeasonHost {
  service: SeasonService;
  /** The plugin to mount at API_PREFIX on an HTTP app. */
  plugin: ReturnType<typeof seasonApi>;
  close(): Promise<void>;
}

/** Opens the season in `dir` with its pools; call `service.start()` once the API is listening. */
export function openSeasonHost(dir: string, opts: HostOptions = {}): SeasonHost {
  const matches = new MatchPool(opts.workers ?? 1);
  const validations = new MatchPool(opts.validators ?? 2);
  const opt: ConstructorParameters<typeof SeasonService>[1] = { matches, validations };
  if (opts.log) opt.log = opts.log;
  let service: SeasonService;
  try {
    service = new SeasonService(dir, opt);
  } catch (e) {
    void matches.close();
    void validations.close();
    throw e;
  }
  return {
    service,
    plugin: seasonApi(service, opts),
    close: async () => {
      service.stop();
      await Promise.allSettled([matches.close(), validations.close()]);
      await service.close();
    },
  };
}

/** A bare Fastify app with the API mounted, for tests (inject) and until the shared HTTP app serves it. */
export async function apiApp(host: SeasonHost): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(host.plugin, { prefix: API_PREFIX });
  await app.ready();
  return app;
}

/**
 * Serves the API on its own Fastify app (until the shared HTTP app mounts it). A port in use is a UserError.
 * The URL printed is the API's base: `http://host:port/api/v1`.
 */
export async function startSeasonServer(host: SeasonHost, opts: { port: number; host: string }): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const app = await apiApp(host);
  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (e) {
    await app.close().catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`port ${opts.port} on ${opts.host} is in use: pick another with --port (0 picks a free one)`);
    throw new UserError(`cannot listen on ${opts.host}:${opts.port}: ${(e as Error).message}`);
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const h = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return { url: `http://${h}:${port}${API_PREFIX}`, port, close: () => app.close() };
}
