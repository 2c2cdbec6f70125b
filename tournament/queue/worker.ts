// A queue worker: takes match jobs from Redis and plays each in the local match-process pool (sandbox,
// fault attribution, retries and freezing as on one machine), then stores the replay and what the
// replay does not hold for the coordinator. A malformed job is rejected and never played; a job from
// a coordinator of other versions is refused (its result would differ) and left for another worker.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DelayedError, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { HostFailure, MatchPool } from '../runner/pool.js';
import { probeRedis, redisClient } from './redis.js';
import { keys, parseJobData, QUEUE_NAME, RETENTION_S, type WorkerOutput } from './schema.js';
import { SourceCache } from './sources.js';
import { localVersions, versionDifferences, type QueueVersions } from './versions.js';

export interface QueueWorkerOptions {
  url: string;
  /** Matches at once (match processes). */
  slots: number;
  /** How this worker is named to coordinators and in refusals. [default: <host>-<pid>] */
  name?: string;
  /** The worker's own folder: cached sources, replays in the making. */
  dir: string;
  log: (line: string) => void;
  /** BullMQ's job lock, in ms: a killed worker's job returns to the queue after about this. [default: 30000] */
  lockMs?: number;
  /** How often workers look for stalled jobs, in ms. [default: 30000] */
  stalledMs?: number;
  /** Heartbeat period, in ms (a worker is live for three periods after each). [default: 3000] */
  heartbeatMs?: number;
  /** A refused job waits this long before any worker takes it again, in ms. [default: 1000] */
  refuseDelayMs?: number;
  /** Versions this worker claims (tests use others to see refusals). [default: localVersions()] */
  versions?: QueueVersions;
}

export interface QueueWorker {
  readonly name: string;
  readonly counts: { taken: number; done: number; failed: number; refused: number; rejected: number; handedBack: number };
  /** Jobs being played now. */
  running(): number;
  /** Stops taking jobs; the running ones finish and are stored. */
  finish(): Promise<void>;
  /** Stops at once: running jobs go back to the queue for another worker. */
  handBack(): Promise<void>;
}

export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorker> {
  await probeRedis(opts.url);
  const name = opts.name ?? `${hostname()}-${process.pid}`;
  const versions = opts.versions ?? localVersions();
  const log = opts.log;
  const redis: Redis = redisClient(opts.url, log);
  const workerConn: Redis = redisClient(opts.url, log);
  const sources = new SourceCache(redis, join(opts.dir, 'sources'));
  const replays = join(opts.dir, 'replays');
  mkdirSync(replays, { recursive: true });
  const pool = new MatchPool(opts.slots);
  const counts = { taken: 0, done: 0, failed: 0, refused: 0, rejected: 0, handedBack: 0 };
  const active = new Map<string, { job: Job; token: string | undefined }>();
  const refusedCups = new Set<string>();
  let handingBack = false;
  let serial = 0;

  const heartbeatMs = opts.heartbeatMs ?? 3000;
  const beat = async (): Promise<void> => {
    await redis
      .multi()
      .zadd(keys.workers, Date.now() + 3 * heartbeatMs, name)
      .hset(keys.workerInfo, name, JSON.stringify({ versions, slots: opts.slots, host: hostname(), pid: process.pid }))
      .exec();
  };
  await beat();
  const heartbeat = setInterval(() => void beat().catch(() => undefined), heartbeatMs);

  const processMatch = async (job: Job, token?: string): Promise<{ worker: string; playMs: number }> => {
    const id = String(job.id);
    const parsed = parseJobData(job.data);
    if (!parsed.ok) {
      counts.rejected++;
      log(`rejected ${id}: malformed job (${parsed.problem}); not played`);
      throw new UnrecoverableError(`malformed job, rejected by worker ${name}: ${parsed.problem}`);
    }
    const data = parsed.job;
    const diffs = versionDifferences(versions, data.versions);
    if (diffs.length > 0) {
      counts.refused++;
      const why = `worker ${name} refuses: ${diffs.join('; ')} (its results would differ: run the same matchday on every machine)`;
      if (!refusedCups.has(data.cup)) {
        refusedCups.add(data.cup);
        log(`refusing the jobs of cup ${data.cup}: ${diffs.join('; ')}`);
      }
      await redis.multi().hset(keys.refused(id), name, why).expire(keys.refused(id), RETENTION_S).exec();
      await job.moveToDelayed(Date.now() + (opts.refuseDelayMs ?? 1000), token);
      throw new DelayedError();
    }
    counts.taken++;
    log(`took ${id}: ${data.home.name} v ${data.away.name} (seed ${data.config.seed})`);
    active.set(id, { job, token });
    const replayFile = join(replays, `${process.pid}-${serial++}.mdr`);
    try {
      const [homeFile, awayFile] = await Promise.all([sources.fileFor(data.home), sources.fileFor(data.away)]);
      const t0 = performance.now();
      const r = await pool.run({
        config: data.config,
        home: { spec: data.home.spec, name: data.home.name, file: homeFile },
        away: { spec: data.away.spec, name: data.away.name, file: awayFile },
        out: replayFile,
        ...(data.limits ? { limits: data.limits } : {}),
        ...(data.freeze ? { freeze: data.freeze } : {}),
      });
      const playMs = performance.now() - t0;
      const replay = readFileSync(replayFile);
      const meta: WorkerOutput = { worker: name, pid: r.pid, playMs, crashes: r.crashes, setupLogs: r.setupLogs, nonReproducible: r.nonReproducible };
      await redis.multi().hset(keys.output(id), 'replay', replay, 'meta', JSON.stringify(meta)).expire(keys.output(id), RETENTION_S).exec();
      counts.done++;
      log(`done ${id}: ${r.score[0]}-${r.score[1]} in ${(playMs / 1000).toFixed(1)} s`);
      return { worker: name, playMs };
    } catch (e) {
      if (handingBack) {
        counts.handedBack++;
        log(`handed back ${id}`);
        await job.moveToWait(token);
        throw new WaitingError();
      }
      counts.failed++;
      const message = e instanceof Error ? e.message : String(e);
      log(`failed ${id}: ${message.split('\n')[0]}`);
      // A host failure repeats wherever the match runs: no other attempt.
      if (e instanceof HostFailure) throw new UnrecoverableError(`worker ${name}: ${message}`);
      throw e instanceof Error ? e : new Error(message);
    } finally {
      active.delete(id);
      rmSync(replayFile, { force: true });
    }
  };

  const worker = new Worker(QUEUE_NAME, processMatch, {
    connection: workerConn,
    concurrency: opts.slots,
    name,
    lockDuration: opts.lockMs ?? 30_000,
    stalledInterval: opts.stalledMs ?? 30_000,
    // A job whose worker was killed comes back; only one that keeps killing workers fails.
    maxStalledCount: 5,
  });
  let lastError = '';
  worker.on('error', (e: Error) => {
    if (e.message !== lastError) log(`worker error: ${e.message}`);
    lastError = e.message;
  });
  await worker.waitUntilReady();

  let closing: Promise<void> | null = null;
  const shutdown = async (): Promise<void> => {
    await worker.close();
    clearInterval(heartbeat);
    await pool.close();
    await redis.multi().zrem(keys.workers, name).hdel(keys.workerInfo, name).exec().catch(() => undefined);
    redis.disconnect();
    workerConn.disconnect();
  };
  return {
    name,
    counts,
    running: () => active.size,
    finish() {
      closing ??= shutdown();
      return closing;
    },
    async handBack() {
      handingBack = true;
      // Killing the match processes makes every running pool.run reject; each job then goes back to wait.
      await pool.close();
      closing ??= shutdown();
      return closing;
    },
  };
}
