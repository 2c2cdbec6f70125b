// `matchday host <dir>`: serves a season's API and plays its matchdays (deadlines fire on a timer; a missed one at start).
// The API is a plugin on the one HTTP app (viewer/server/http), mounted at /api/v1.
import type { Command } from 'commander';
import { intOption, paceOption, UserError } from '../errors.js';
import { onShutdown } from '../shutdown.js';

interface HostCliOptions {
  port: string;
  host: string;
  workers: string;
  validators: string;
  trustProxy?: boolean;
  rateLimit: string;
  allowOrigin: string[];
  pace?: string;
  redis?: string;
}

export function registerHost(program: Command): void {
  program
    .command('host')
    .description('serve a season: teams submit over HTTP, deadlines lock code, matchdays are played here')
    .argument('<dir>', 'a season folder made by matchday season new')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '7420')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--workers <n>', 'match processes for matchdays', '1')
    .option('--validators <n>', 'validations at once (more wait in a queue)', '2')
    .option('--rate-limit <n>', 'requests per minute per token (or per address without one)', '120')
    .option('--trust-proxy', 'rate-limit tokenless clients by X-Forwarded-For (only behind your own proxy)')
    .option('--pace <x>', 'show matchdays live at x times real time (the next match waits for the last to be shown; pacing never changes a result) [default: as fast as they are played]')
    .option('--redis <url>', 'queue the matchdays\' matches on Redis for `matchday worker` processes anywhere instead of playing them here (redis:// or rediss://); submissions are still validated here')
    .option('--allow-origin <origin>', 'a web origin whose pages may call this server (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (dir: string, opts: HostCliOptions) => {
      const port = intOption('--port', opts.port, 0, 65535);
      const [{ openSeasonHost, API_PREFIX }, { startHttpApp }] = await Promise.all([import('../../season/host.js'), import('../../viewer/server/http/app.js')]);
      const matches = opts.redis === undefined ? undefined : await seasonQueue(dir, opts.redis);
      const host = openSeasonHost(dir, {
        ...(matches ? { matches } : {}),
        workers: intOption('--workers', opts.workers, 1, 256),
        validators: intOption('--validators', opts.validators, 1, 64),
        rateLimit: { max: intOption('--rate-limit', opts.rateLimit, 1, 1_000_000), timeWindowMs: 60_000 },
        trustProxy: opts.trustProxy === true,
        log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
      });
      let server: Awaited<ReturnType<typeof startHttpApp>>;
      try {
        server = await startHttpApp({ host: opts.host, port, allowOrigins: opts.allowOrigin, name: host.service.config.name, plugins: [{ plugin: host.plugin, options: { prefix: API_PREFIX } }] });
      } catch (e) {
        // A port in use or a bad --allow-origin comes back as one plain line (a UserError); nothing was started.
        await host.close();
        throw e;
      }
      // Matches of a matchday show live in the viewer under their API ids, redacted like the public replays.
      host.service.setLive({ sink: server.live, pace: opts.pace === undefined ? 0 : paceOption(opts.pace) });
      onShutdown(async () => {
        await server.close();
        await host.close();
      });
      process.stdout.write(`matchday host serving season ${dir}\n  open ${server.url}\n  api ${server.url.replace(/\/$/, '')}${API_PREFIX}\n  (Ctrl-C to stop)\n`);
      // Resuming (a half-played matchday, deadlines missed while down) happens once the API is up.
      // A failure there is logged and leaves the host serving: `season advance` retries an unfinished matchday.
      await host.service.start().catch((e: unknown) => process.stderr.write(`matchday host: ${(e as Error).message}\n`));
    });
}

/**
 * The queue for a season's matches. Its identity names this season alone: a job id is the identity, the versions
 * and the match id, so two seasons sharing a Redis (or one made again with the same name and seed) never collect
 * each other's results. The admin token's hash is random per `season new`; the identity is hashed again (with the
 * versions) before it names a job, so none of it can be read back from Redis.
 */
async function seasonQueue(dir: string, url: string) {
  const [{ loadSeasonConfig }, { checkRedisUrl }, { RemotePool }] = await Promise.all([
    import('../../season/config.js'),
    import('../../tournament/queue/redis.js'),
    import('../../tournament/queue/remote-pool.js'),
  ]);
  const config = loadSeasonConfig(dir);
  try {
    checkRedisUrl(url);
    return await RemotePool.connect({
      url,
      identity: { season: config.name, seed: config.seed, created: config.tokenHashes.admin },
      notice: (line) => process.stderr.write(`queue: ${line}\n`),
    });
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}
