// Runs a season's server: the service with its match pools, and the API mounted on an HTTP app.
import Fastify, { type FastifyInstance } from 'fastify';
import type { MatchRunner } from '../tournament/runner/cup-play.js';
import { MatchPool } from '../tournament/runner/pool.js';
import { seasonApi, type SeasonApiOptions } from './api/plugin.js';
import { lockSeason } from './lock.js';
import { SeasonService } from './service.js';

export { API_PREFIX } from './api/prefix.js';
import { API_PREFIX } from './api/prefix.js';

export interface HostOptions extends SeasonApiOptions {
  /** Match processes for the season's matches. [default: 1] */
  workers?: number;
  /**
   * Plays the season's matches instead of a local pool of `workers` processes: `matchday host --redis` passes the
   * queue's RemotePool, so matchdays are played by `matchday worker` processes anywhere. Validations stay local
   * (a contestant waits on them). Closed with the host.
   */
  matches?: MatchRunner & { close(): Promise<void> };
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
  const matches = opts.matches ?? new MatchPool(opts.workers ?? 1);
  const validations = new MatchPool(opts.validators ?? 2);
  const opt: ConstructorParameters<typeof SeasonService>[1] = { matches, validations };
  if (opts.log) opt.log = opts.log;
  let service: SeasonService | undefined;
  let unlock: () => void;
  try {
    service = new SeasonService(dir, opt);
    // After the folder is known to be a season (the service checked it), before anything is fired or played.
    unlock = lockSeason(dir);
  } catch (e) {
    void matches.close();
    void validations.close();
    if (service) void service.close();
    throw e;
  }
  const s = service;
  return {
    service: s,
    plugin: seasonApi(s, opts),
    close: async () => {
      s.stop();
      await Promise.allSettled([matches.close(), validations.close()]);
      await s.close();
      unlock();
    },
  };
}

/** A bare Fastify app with the API mounted, not listening: what tests drive with inject. `matchday host` mounts the plugin on the one HTTP app. */
export async function apiApp(host: SeasonHost): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(host.plugin, { prefix: API_PREFIX });
  await app.ready();
  return app;
}

