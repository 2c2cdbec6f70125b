// `matchday cup <config>`: a whole tournament, headless and resumable, with a progress bar.
import { availableParallelism } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ENGINE_VERSION } from '../../engine/version.js';
import { CupConfigError, CupDir, loadCupConfig, reportMarkdown, runCup, type CupProgress } from '../../tournament/index.js';
import { makeCupPlay, policyHash } from '../../tournament/runner/cup-play.js';
import { MatchPool } from '../../tournament/runner/pool.js';
import { intOption, UserError } from '../errors.js';
import { onShutdown } from '../shutdown.js';

interface CupOptions {
  out?: string;
  workers?: string;
  resume?: boolean;
  serve?: boolean;
  pace?: string;
  port?: string;
  json?: boolean;
}

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
    .option('--workers <n>', 'matches at once, one child process each (default: the config, else one per core)')
    .option('--resume', 'continue a cup that was stopped; refuses if a policy or the engine changed')
    .option('--serve', 'serve the viewer while the cup runs, to watch it live')
    .option('--pace <x>', 'with --serve: play matches at x times real time (pacing never changes a result)')
    .option('--port <n>', 'with --serve: port (default 8080)')
    .option('--json', 'print one JSON object as the last line of stdout')
    .action(async (configFile: string, opts: CupOptions) => {
      let config;
      try {
        config = loadCupConfig(configFile);
      } catch (e) {
        if (e instanceof CupConfigError || e instanceof Error) throw new UserError(e.message);
        throw e;
      }
      const outDir = resolve(opts.out ?? join('cups', basename(configFile, extname(configFile))));
      const workers = opts.workers !== undefined ? intOption('--workers', opts.workers, 1, 64) : (config.workers ?? availableParallelism());
      const pool = new MatchPool(workers);
      const abort = new AbortController();
      const off = onShutdown(async () => {
        abort.abort();
        await pool.close();
      });
      const progress = progressReporter();
      const dir = new CupDir(outDir);
      try {
        const { report } = await runCup({
          config,
          outDir,
          resume: opts.resume === true,
          workers,
          play: makeCupPlay(pool, (id) => dir.replayPath(id)),
          engineVersion: ENGINE_VERSION,
          policyHash,
          signal: abort.signal,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        process.stdout.write(reportMarkdown(report) + '\n');
        process.stdout.write(`cup folder: ${outDir}\n`);
        if (opts.json) process.stdout.write(JSON.stringify({ champion: report.champion, matches: report.matches, hash: report.hash, out: outDir }) + '\n');
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
