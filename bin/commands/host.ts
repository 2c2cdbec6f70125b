// `matchday host <dir>`: serves a season's API and plays its matchdays (deadlines fire on a timer; a missed one at start).
import type { Command } from 'commander';
import { intOption } from '../errors.js';
import { onShutdown } from '../shutdown.js';

interface HostCliOptions {
  port: string;
  host: string;
  workers: string;
  validators: string;
  trustProxy?: boolean;
  rateLimit: string;
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
    .action(async (dir: string, opts: HostCliOptions) => {
      const port = intOption('--port', opts.port, 0, 65535);
      const { openSeasonHost, startSeasonServer } = await import('../../season/host.js');
      const host = openSeasonHost(dir, {
        workers: intOption('--workers', opts.workers, 1, 256),
        validators: intOption('--validators', opts.validators, 1, 64),
        rateLimit: { max: intOption('--rate-limit', opts.rateLimit, 1, 1_000_000), timeWindowMs: 60_000 },
        trustProxy: opts.trustProxy === true,
        log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
      });
      const server = await startSeasonServer(host, { port, host: opts.host }).catch(async (e: unknown) => {
        await host.close();
        throw e;
      });
      onShutdown(async () => {
        await server.close();
        await host.close();
      });
      process.stdout.write(`matchday host serving season ${dir}\n  api ${server.url}\n  (Ctrl-C to stop)\n`);
      // Resuming (a half-played matchday, deadlines missed while down) happens once the API is up.
      // A failure there is logged and leaves the host serving: `season advance` retries an unfinished matchday.
      await host.service.start().catch((e: unknown) => process.stderr.write(`matchday host: ${(e as Error).message}\n`));
    });
}
