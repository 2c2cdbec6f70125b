// `matchday worker --redis URL`: plays queued matches on this machine for any coordinator sharing the
// Redis (tournament/queue/worker.ts); prints what it does, serves nothing else. Ctrl-C lets running
// matches finish (a second Ctrl-C, or SIGTERM, hands them back to the queue at once).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { checkRedisUrl } from '../../tournament/queue/redis.js';
import { startQueueWorker } from '../../tournament/queue/worker.js';
import { checkWritableDir } from '../../tournament/paths.js';
import { intOption, UserError } from '../errors.js';

interface WorkerOptions {
  redis?: string;
  workers?: string;
  name?: string;
  dir?: string;
}

/** Test and operations knobs for BullMQ's timing, in ms (a killed worker's job returns after about the lock). */
function envMs(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 100 || Number(v) > 3_600_000) throw new UserError(`${name} must be a whole number of milliseconds between 100 and 3600000, got '${v}'`);
  return Number(v);
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('play queued matches from Redis for any `matchday cup --redis` sharing it')
    .requiredOption('--redis <url>', 'Redis URL: redis://host:6379, or rediss://:password@host:6380 (TLS) off a trusted network')
    .option('--workers <n>', 'matches at once, one child process each (default: one per core)')
    .option('--name <name>', 'name shown to coordinators and in refusals (default: <host>-<pid>)')
    .option('--dir <dir>', "this worker's folder: cached policy sources, replays in the making (default: a new temporary folder)")
    .action(async (opts: WorkerOptions) => {
      const url = opts.redis!;
      try {
        checkRedisUrl(url);
      } catch (e) {
        throw new UserError((e as Error).message);
      }
      const slots = opts.workers !== undefined ? intOption('--workers', opts.workers, 1, 64) : availableParallelism();
      if (opts.name !== undefined && !/^[A-Za-z0-9_.@-]{1,100}$/.test(opts.name)) throw new UserError(`--name must be 1-100 letters, digits, '_', '.', '@' or '-', got '${opts.name.slice(0, 120)}'`);
      const dir = opts.dir !== undefined ? resolve(checkWritableDir(opts.dir, 'worker folder')) : mkdtempSync(join(tmpdir(), 'matchday-worker-'));
      // A folder made here is removed on the way out; one given with --dir keeps its source cache.
      const removeDir = () => {
        if (opts.dir === undefined) rmSync(dir, { recursive: true, force: true });
      };
      const log = (line: string) => process.stderr.write(`worker: ${line}\n`);
      const timing = { lockMs: envMs('MATCHDAY_QUEUE_LOCK_MS'), stalledMs: envMs('MATCHDAY_QUEUE_STALLED_MS'), heartbeatMs: envMs('MATCHDAY_QUEUE_HEARTBEAT_MS') };
      let w;
      try {
        w = await startQueueWorker({
          url,
          slots,
          dir,
          log,
          ...(opts.name !== undefined ? { name: opts.name } : {}),
          ...Object.fromEntries(Object.entries(timing).filter(([, v]) => v !== undefined)),
        });
      } catch (e) {
        removeDir();
        throw new UserError((e as Error).message);
      }
      const worker = w;
      log(`${worker.name} ready: ${slots} match(es) at once, folder ${dir}`);
      const summary = () => {
        const c = worker.counts;
        return `jobs taken ${c.taken}, done ${c.done}, failed ${c.failed}, refused ${c.refused}, rejected ${c.rejected}, handed back ${c.handedBack}`;
      };
      await new Promise<void>((done) => {
        let interrupts = 0;
        const stop = (how: 'finish' | 'hand back', code: number) => {
          const end = how === 'finish' ? worker.finish() : worker.handBack();
          void end.then(() => {
            removeDir();
            log(`stopped; ${summary()}`);
            process.exitCode = code;
            done();
          });
        };
        process.on('SIGINT', () => {
          interrupts++;
          if (interrupts === 1) {
            log(`finishing ${worker.running()} running match(es); Ctrl-C again to hand them back to the queue`);
            stop('finish', 0);
          } else {
            log('handing running matches back to the queue');
            stop('hand back', 130);
          }
        });
        process.on('SIGTERM', () => {
          log('SIGTERM: handing running matches back to the queue');
          stop('hand back', 143);
        });
      });
    });
}
