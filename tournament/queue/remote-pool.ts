// The coordinator's match runner over Redis: the same run()/close() the cup uses on the local pool,
// but each match becomes a BullMQ job that any `matchday worker` may play. Nothing above it knows
// where a match ran: the result comes back checked (collect.ts), the replay is written to the place
// the local pool would have written it, and a live viewer gets the same blobs (after the match).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { ReplayReader } from '../../engine/replay/reader.js';
import { canonicalJson } from '../../engine/replay/canonical-json.js';
import { atomicWrite } from '../cupdir.js';
import type { MatchJob, RunResult } from '../runner/job.js';
import { HostFailure, type RunHooks } from '../runner/pool.js';
import { resultFromOutput } from './collect.js';
import { probeRedis, redactUrl, redisClient } from './redis.js';
import { JOB_FORMAT, jobIdFor, jobIdPrefix, keys, QUEUE_NAME, RETENTION_S, type JobData, type WorkerOutput } from './schema.js';
import { SourcePublisher } from './sources.js';
import { localVersions, versionsDigest, type QueueVersions } from './versions.js';

export interface RemotePoolOptions {
  /** redis:// or rediss:// URL, with a password where the network is not trusted. */
  url: string;
  /** Identity of the cup (or season): any JSON; with the versions it names every job of this run. */
  identity: unknown;
  /** One-line notices for the person at the terminal (waiting for workers, refusals). */
  notice?: (line: string) => void;
  /** How often pending jobs are checked beside the completion events, in ms. [default: 1000] */
  pollMs?: number;
  /** Versions to send (tests send others to see workers refuse). [default: localVersions()] */
  versions?: QueueVersions;
  /**
   * Whether the caller has stored a match's result for good (the cup: its result file exists). A collected
   * job and its output leave Redis only then, so a coordinator killed in between finds them on resume.
   * [default: at once, when collected]
   */
  isStored?: (matchId: string) => boolean;
  /** Told of each collected match with what its worker reported (the bench reads the worker's play time). */
  onCollected?: (matchId: string, output: WorkerOutput) => void;
}

interface Pending {
  jobId: string;
  data: JobData;
  out: string | undefined;
  hooks: RunHooks;
  resolve(r: RunResult): void;
  reject(e: Error): void;
  busy: boolean;
  settled: boolean;
}

/** The cup's digest: its identity and the coordinator's versions (another build never reuses a result). */
export function cupDigest(identity: unknown, versions: QueueVersions): string {
  return createHash('sha256').update(canonicalJson(identity as never)).update(versionsDigest(versions)).digest('hex').slice(0, 16);
}

export class RemotePool {
  private readonly pending = new Map<string, Pending>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  private noticedNoWorker = false;
  private readonly cup: string;
  private readonly versions: QueueVersions;
  private readonly publisher: SourcePublisher;
  /** Collected jobs still in Redis until the caller has stored their result: job id -> match id. */
  private readonly collected = new Map<string, string>();
  private forgetting: Promise<void> = Promise.resolve();

  private constructor(
    private readonly opts: RemotePoolOptions,
    private readonly redis: Redis,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    /** Every client opened for this pool: BullMQ leaves a client it was handed open, so close() ends them. */
    private readonly clients: Redis[],
  ) {
    this.versions = opts.versions ?? localVersions();
    this.cup = cupDigest(opts.identity, this.versions);
    this.publisher = new SourcePublisher(redis);
    events.on('completed', ({ jobId }) => void this.check(jobId, false));
    events.on('failed', ({ jobId }) => void this.check(jobId, false));
    this.timer = setInterval(() => void this.poll(), opts.pollMs ?? 1000);
  }

  /** Connects (failing within seconds with a plain message when Redis cannot be reached). */
  static async connect(opts: RemotePoolOptions): Promise<RemotePool> {
    await probeRedis(opts.url);
    const say = opts.notice ?? (() => undefined);
    const clients = [redisClient(opts.url, say), redisClient(opts.url, say), redisClient(opts.url, say)] as const;
    const [redis, forQueue, forEvents] = clients;
    // Completion events carry only a small summary; the stream is trimmed short all the same.
    const queue = new Queue(QUEUE_NAME, { connection: forQueue, streams: { events: { maxLen: 2000 } } });
    const events = new QueueEvents(QUEUE_NAME, { connection: forEvents });
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    return new RemotePool(opts, redis, queue, events, [...clients]);
  }

  /** The id a match of this run is queued under. */
  jobId(matchId: string): string {
    return jobIdFor(this.cup, matchId);
  }

  /** Queues a match (or finds it already queued or finished) and resolves with its checked result. */
  async run(job: MatchJob, hooks: RunHooks = {}): Promise<RunResult> {
    if (this.closed) throw new Error('the remote pool is closed');
    const [homeHash, awayHash] = await Promise.all([this.publisher.publish(job.home.file), this.publisher.publish(job.away.file)]);
    const data: JobData = {
      format: JOB_FORMAT,
      cup: this.cup,
      // Outside a cup a match is named by its content, which is as idempotent.
      matchId: job.matchId ?? `x${createHash('sha256').update(canonicalJson({ config: job.config, homeHash, awayHash, limits: job.limits ?? null, freeze: job.freeze ?? null } as never)).digest('hex').slice(0, 24)}`,
      config: job.config,
      home: { spec: job.home.spec, name: job.home.name, file: basename(job.home.file), sha256: homeHash },
      away: { spec: job.away.spec, name: job.away.name, file: basename(job.away.file), sha256: awayHash },
      versions: this.versions,
    };
    if (job.limits) data.limits = job.limits;
    if (job.freeze && job.freeze.length > 0) data.freeze = job.freeze;
    const jobId = this.jobId(data.matchId);
    if (this.pending.has(jobId)) throw new Error(`match ${data.matchId} is already being played through the queue`);
    return new Promise<RunResult>((resolve, reject) => {
      const p: Pending = { jobId, data, out: job.out, hooks, resolve, reject, busy: false, settled: false };
      this.pending.set(jobId, p);
      void this.enqueue(p).then(
        () => this.check(jobId, false),
        (e: unknown) => this.fail(p, e instanceof Error ? e : new Error(String(e))),
      );
    });
  }

  /** Adds the job unless it is there; a job that failed before (an earlier run) is tried afresh. */
  private async enqueue(p: Pending): Promise<void> {
    const existing = await this.queue.getJob(p.jobId);
    if (existing && (await existing.getState()) === 'failed') await existing.remove();
    await this.queue.add('match', p.data, {
      jobId: p.jobId,
      // A worker error that is no match's fault (its disk, its Redis link) is tried again elsewhere.
      attempts: 3,
      backoff: { type: 'fixed', delay: 1000 },
      removeOnComplete: { age: RETENTION_S },
      removeOnFail: { age: RETENTION_S },
    });
  }

  private fail(p: Pending, e: Error): void {
    if (p.settled) return;
    p.settled = true;
    this.pending.delete(p.jobId);
    p.reject(e);
  }

  /** Looks at one pending job: collects a finished one, reports a failed one, re-adds a vanished one. */
  private async check(jobId: string, refusals: boolean): Promise<void> {
    const p = this.pending.get(jobId);
    if (!p || p.busy || p.settled || this.closed) return;
    p.busy = true;
    try {
      const job = await this.queue.getJob(jobId);
      if (!job) {
        // Removed under us (another coordinator of the same cup collected it): queue it again.
        await this.enqueue(p);
        return;
      }
      const state = await job.getState();
      if (state === 'completed') {
        const [replay, meta] = await this.redis.hmgetBuffer(keys.output(jobId), 'replay', 'meta');
        if (!replay || !meta) {
          await job.remove();
          await this.enqueue(p);
          return;
        }
        let checked: ReturnType<typeof resultFromOutput>;
        try {
          checked = resultFromOutput(p.data, jobId, new Uint8Array(replay), meta.toString('utf8'));
        } catch (e) {
          // Not the match asked for, or broken: it goes, so a retry plays the match again.
          await this.redis.del(keys.output(jobId));
          await job.remove().catch(() => undefined);
          throw e;
        }
        const { output, ...result } = checked;
        if (p.out) atomicWrite(p.out, replay);
        if (p.hooks.onBlob) {
          const r = new ReplayReader(new Uint8Array(replay), jobId);
          p.hooks.onBlob('header', r.headerBlob());
          for (let i = 0; i < r.segmentCount; i++) p.hooks.onBlob('segment', r.segmentBlob(i));
          p.hooks.onBlob('footer', r.footerBlob());
        }
        p.settled = true;
        this.pending.delete(jobId);
        this.collected.set(jobId, p.data.matchId);
        this.opts.onCollected?.(p.data.matchId, output);
        p.resolve(result);
        if (!this.opts.isStored) await this.forget();
      } else if (state === 'failed') {
        await job.remove().catch(() => undefined);
        this.fail(p, new HostFailure(`match ${p.data.matchId} failed on the queue: ${job.failedReason || 'no reason given'}`));
      } else if (refusals) {
        await this.checkRefusals(p);
      }
    } catch (e) {
      this.fail(p, e instanceof Error ? e : new Error(String(e)));
    } finally {
      p.busy = false;
    }
  }

  /** Fails a job every live worker has refused, rather than waiting for a worker that will never come. */
  private async checkRefusals(p: Pending): Promise<void> {
    const refusers = await this.redis.hgetall(keys.refused(p.jobId));
    if (Object.keys(refusers).length === 0) return;
    const live = await this.liveWorkers();
    if (live.length === 0 || !live.every((n) => Object.hasOwn(refusers, n))) return;
    await (await this.queue.getJob(p.jobId))?.remove().catch(() => undefined);
    await this.redis.del(keys.refused(p.jobId));
    this.fail(p, new HostFailure(`no worker can play match ${p.data.matchId}: every worker refused it (${live.map((n) => refusers[n]).join('; ')})`));
  }

  /** Removes collected jobs whose results are stored, with their outputs; one pass at a time, so close() can wait for it. */
  private forget(): Promise<void> {
    this.forgetting = this.forgetting.then(() => this.forgetNow()).catch(() => undefined);
    return this.forgetting;
  }

  private async forgetNow(): Promise<void> {
    for (const [jobId, matchId] of [...this.collected]) {
      if (this.opts.isStored && !this.opts.isStored(matchId)) continue;
      this.collected.delete(jobId);
      await this.redis.del(keys.output(jobId), keys.refused(jobId));
      await (await this.queue.getJob(jobId))?.remove().catch(() => undefined);
    }
  }

  /**
   * Removes this run's finished jobs whose results the caller has stored but which no pass forgot: a
   * coordinator killed between storing a result and forgetting its job leaves them for its resume. It
   * may die after forgetNow deleted the output and before it removed the job, so the jobs themselves
   * are looked for too, not only the outputs.
   */
  private async sweep(): Promise<void> {
    const isStored = this.opts.isStored;
    if (!isStored) return;
    const jobPrefix = `${this.queue.opts.prefix ?? 'bull'}:${QUEUE_NAME}:`;
    const ids = new Set<string>();
    for (const [pattern, idOf] of [
      [`${keys.output(jobIdPrefix(this.cup))}*`, (key: string) => key.slice(keys.output('').length)],
      [`${jobPrefix}${jobIdPrefix(this.cup)}*`, (key: string) => key.slice(jobPrefix.length).split(':')[0]!],
    ] as const) {
      let cursor = '0';
      do {
        const [next, found] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        for (const key of found) ids.add(idOf(key));
      } while (cursor !== '0');
    }
    for (const jobId of ids) {
      if (this.pending.has(jobId)) continue;
      const job = await this.queue.getJob(jobId);
      const matchId = (job?.data as { matchId?: unknown } | undefined)?.matchId;
      if (typeof matchId !== 'string' || !isStored(matchId)) continue;
      await this.redis.del(keys.output(jobId), keys.refused(jobId));
      await job?.remove().catch(() => undefined);
    }
  }

  private async liveWorkers(): Promise<string[]> {
    return this.redis.zrangebyscore(keys.workers, Date.now(), '+inf');
  }

  private async poll(): Promise<void> {
    if (this.closed) return;
    await this.forget().catch(() => undefined);
    if (this.pending.size === 0) return;
    try {
      if (!this.noticedNoWorker && (await this.liveWorkers()).length === 0) {
        this.noticedNoWorker = true;
        this.opts.notice?.(`waiting for a worker: none is connected to ${redactUrl(this.opts.url)} (start one with: matchday worker --redis URL)`);
      }
    } catch {
      // Redis unreachable for a moment: ioredis reconnects; the next poll tries again.
    }
    await Promise.all([...this.pending.keys()].map((id) => this.check(id, true)));
  }

  /** Stops waiting (jobs stay queued: a resumed coordinator finds them, played or not) and disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const p of [...this.pending.values()]) this.fail(p, new Error('the remote pool is closed'));
    // What is stored by now leaves Redis; the rest stays for a resumed coordinator to collect.
    await this.forget().catch(() => undefined);
    await this.sweep().catch(() => undefined);
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    for (const c of this.clients) c.disconnect();
  }
}
