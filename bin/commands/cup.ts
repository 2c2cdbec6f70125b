// `matchday cup <config>`: a whole tournament, headless and resumable, with a progress bar.
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ENGINE_VERSION } from '../../engine/version.js';
import { resolveTeam } from '../../policies/builtins.js';
import { CupConfigError, CupDir, cupFingerprint, loadCupConfig, reportMarkdown, runCup, type CupProgress } from '../../tournament/index.js';
import { makeCupPlay, policyHash, type LiveOptions, type MatchRunner } from '../../tournament/runner/cup-play.js';
import { checkRedisUrl } from '../../tournament/queue/redis.js';
import { RemotePool } from '../../tournament/queue/remote-pool.js';
import { LiveHub } from '../../viewer/server/live.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../viewer/protocol.js';
import type { ViewerServer } from '../../viewer/server/index.js';
import { MatchPool } from '../../tournament/runner/pool.js';
import { intOption, paceOption, UserError } from '../errors.js';
import { checkReadableFile, checkTeamArg, checkWritableDir } from '../../tournament/paths.js';
import { onShutdown } from '../shutdown.js';
import { allowOriginOption } from './http-options.js';

interface CupOptions {
  out?: string;
  workers?: string;
  resume?: boolean;
  serve?: boolean;
  pace?: string;
  port?: string;
  host?: string;
  allowOrigin?: string[];
  halfTicks?: string;
  json?: boolean;
  redis?: string;
}

/** Matches queued at once when they are played through Redis (workers take them as they free up). */
const QUEUED_AT_ONCE = 256;

/** Progress on stderr: a bar on a terminal, plain lines otherwise. */
function progressReporter(): { update(p: CupProgress): void; stop(): void } {
  const t0 = Date.now();
  if (!process.stderr.isTTY) {
    return {
      update(p) {
        if (p.event === 'finish') process.stderr.write(`[${p.done}/${p.known}] ${p.matchId} done, ${p.inFlight} in flight\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {value}/{total} matches | {inFlight} in flight | {eta_formatted} left | {last}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (!started) {
        bar.start(p.known, 0, { inFlight: 0, last: '' });
        started = true;
      }
      bar.setTotal(p.known);
      bar.update(p.done, { inFlight: p.inFlight, last: p.event === 'finish' ? p.matchId : '' });
    },
    stop() {
      if (started) bar.stop();
      process.stderr.write(`cup finished in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    },
  };
}

export function registerCup(program: Command): void {
  program
    .command('cup')
    .description('run a whole tournament from a cup config (JSON) into a cup folder')
    .argument('<config>', 'cup config file (JSON)')
    .option('--out <dir>', 'cup folder (default: cups/<config name>)')
    .option('--workers <n>', 'matches at once, one child process each (default: the config, else one per core); with --redis: matches queued at once (default 256)')
    .option('--resume', 'continue a cup that was stopped; refuses if a policy or the engine changed')
    .option('--serve', 'serve the viewer while the cup runs, to watch it live')
    .option('--pace <x>', 'with --serve: play matches at x times real time (pacing never changes a result)')
    .option('--port <n>', `with --serve: port (default ${DEFAULT_PORT}; 0 picks a free one)`)
    .option('--host <h>', `with --serve: address to bind (default ${DEFAULT_HOST})`)
    .addOption(allowOriginOption('with --serve: '))
    .option('--half-ticks <n>', 'override the config\'s ticks per half (a quick look at a cup)')
    .option('--json', 'print one JSON object as the last line of stdout')
    .option('--redis <url>', 'queue the matches on Redis for `matchday worker` processes anywhere instead of playing them here (redis:// or rediss://)')
    .action(async (configFile: string, opts: CupOptions) => {
      let config;
      checkReadableFile(configFile, 'cup config file');
      try {
        config = loadCupConfig(configFile);
      } catch (e) {
        if (e instanceof CupConfigError || e instanceof Error) throw new UserError(e.message);
        throw e;
      }
      if (opts.halfTicks !== undefined) config = { ...config, match: { ...config.match, halfTicks: intOption('--half-ticks', opts.halfTicks, 10, 1_000_000) } };
      for (const t of config.teams) checkTeamArg(t.policy);
      const outDir = resolve(checkWritableDir(opts.out ?? join('cups', basename(configFile, extname(configFile))), 'cup folder'));
      let workers: number;
      let pool: MatchRunner & { close(): Promise<void> };
      if (opts.redis !== undefined) {
        try {
          checkRedisUrl(opts.redis);
        } catch (e) {
          throw new UserError((e as Error).message);
        }
        // --workers caps the matches queued at once; the workers' own --workers says how many run.
        workers = opts.workers !== undefined ? intOption('--workers', opts.workers, 1, 10_000) : QUEUED_AT_ONCE;
        const identity = cupFingerprint(config, ENGINE_VERSION, (spec) => policyHash(spec, (s) => resolveTeam(s)));
        try {
          const stored = new CupDir(outDir);
          pool = await RemotePool.connect({ url: opts.redis, identity, notice: (line) => process.stderr.write(`queue: ${line}\n`), isStored: (id) => existsSync(stored.resultPath(id)) });
        } catch (e) {
          throw new UserError((e as Error).message);
        }
      } else {
        workers = opts.workers !== undefined ? intOption('--workers', opts.workers, 1, 64) : (config.workers ?? availableParallelism());
        pool = new MatchPool(workers);
      }
      const abort = new AbortController();
      const off = onShutdown(async () => {
        abort.abort();
        await pool.close();
      });
      const dir = new CupDir(outDir);
      let live: LiveOptions | undefined;
      let server: ViewerServer | undefined;
      if (opts.serve) {
        const hub = new LiveHub();
        // The server watches the cup folder from the start; the cup fills it.
        mkdirSync(outDir, { recursive: true });
        const pace = opts.pace !== undefined ? paceOption(opts.pace) : 0;
        // Loaded only with --serve: the server brings fastify and ws, a good part of the CLI's start-up CPU.
        const { startServer } = await import('../../viewer/server/index.js');
        const { ensureClientBuilt } = await import('../../viewer/server/client-build.js');
        await ensureClientBuilt((line) => process.stderr.write(`viewer: ${line}\n`));
        server = await startServer({
          root: outDir, kind: 'cup', live: hub, allowOrigins: opts.allowOrigin,
          port: opts.port !== undefined ? intOption('--port', opts.port, 0, 65535) : DEFAULT_PORT, host: opts.host ?? DEFAULT_HOST,
        });
        live = { sink: hub, pace };
        process.stderr.write(`watch at ${server.url}\n`);
      } else if (opts.pace !== undefined) throw new UserError('--pace needs --serve');
      else if (opts.allowOrigin !== undefined) throw new UserError('--allow-origin needs --serve');
      const progress = progressReporter();
      try {
        const { report } = await runCup({
          config,
          outDir,
          resume: opts.resume === true,
          workers,
          play: makeCupPlay(pool, (spec) => resolveTeam(spec), (id) => dir.replayPath(id), live),
          engineVersion: ENGINE_VERSION,
          policyHash: (spec) => policyHash(spec, (s) => resolveTeam(s)),
          signal: abort.signal,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        process.stdout.write(reportMarkdown(report) + '\n');
        process.stdout.write(`cup folder: ${outDir}\n`);
        if (opts.json) process.stdout.write(JSON.stringify({ champion: report.champion, matches: report.matches, hash: report.hash, out: outDir }) + '\n');
        if (server) {
          // The cup is over; keep serving its replays until interrupted.
          process.stderr.write(`cup over; still serving at ${server.url} (Ctrl-C to stop)\n`);
          const srv = server;
          onShutdown(() => srv.close());
          await new Promise<never>(() => undefined);
        }
      } catch (e) {
        progress.stop();
        if (abort.signal.aborted) throw new UserError('stopped; run again with --resume to continue', 130);
        throw new UserError(e instanceof Error ? e.message : String(e));
      } finally {
        off();
        await pool.close();
      }
    });
}
