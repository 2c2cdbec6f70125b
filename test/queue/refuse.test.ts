// The queue's refusals, with a private Redis and in-process workers (no match is played): a worker
// of other versions refuses every job and the coordinator fails with a message instead of waiting; a
// malformed job is rejected and reported, never played; an unreachable Redis fails within seconds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { probeRedis, redactUrl } from '../../tournament/queue/redis.js';
import { RemotePool } from '../../tournament/queue/remote-pool.js';
import { keys, QUEUE_NAME } from '../../tournament/queue/schema.js';
import { localVersions } from '../../tournament/queue/versions.js';
import { startQueueWorker, type QueueWorker } from '../../tournament/queue/worker.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

let redis: TestRedis;
let dir: string;
const logs: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'matchday-queue-'));
});
afterAll(async () => {
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function matchJob(matchId: string) {
  const home = resolveTeam('builtin:chaser');
  const away = resolveTeam('builtin:statue');
  return { matchId, config: defaultConfig({ seed: 3, homeName: home.name, awayName: away.name, halfTicks: 30 }), home, away };
}

async function worker(name: string, versions = localVersions()): Promise<QueueWorker> {
  return startQueueWorker({ url: redis.url, slots: 1, name, dir: join(dir, name), log: (l) => logs.push(`${name}: ${l}`), versions, heartbeatMs: 300, refuseDelayMs: 100 });
}

describe('queue refusals', () => {
  it('a worker of other versions refuses; when every worker has, the coordinator fails with a message', async () => {
    const old = await worker('old-node', { ...localVersions(), node: '18.0.0' });
    const pool = await RemotePool.connect({ url: redis.url, identity: { test: 'refuse' }, pollMs: 200 });
    try {
      const t0 = Date.now();
      await expect(pool.run(matchJob('R1'))).rejects.toThrow(/no worker can play match R1: every worker refused it \(worker old-node refuses: Node 18\.0\.0 here, [\d.]+ on the coordinator/);
      expect(Date.now() - t0).toBeLessThan(30_000);
      expect(old.counts.refused).toBeGreaterThan(0);
      expect(old.counts.taken).toBe(0);
      expect(logs.some((l) => l.startsWith('old-node: refusing the jobs of cup'))).toBe(true);
    } finally {
      await pool.close();
      await old.finish();
    }
    // The refused job does not linger.
    const conn = new Redis(redis.url, { maxRetriesPerRequest: null });
    const q = new Queue(QUEUE_NAME, { connection: conn });
    expect(await q.getJobCounts('wait', 'delayed', 'active')).toEqual({ wait: 0, delayed: 0, active: 0 });
    await q.close();
    conn.disconnect();
  });

  it('a malformed job is rejected and reported, never played', async () => {
    const w = await worker('strict');
    const conn = new Redis(redis.url, { maxRetriesPerRequest: null });
    const q = new Queue(QUEUE_NAME, { connection: conn });
    try {
      const job = await q.add('match', { format: 1, cup: 'zz', matchId: 'M', config: { seed: -1 } }, { jobId: 'bad-1', attempts: 3 });
      const t0 = Date.now();
      while ((await job.getState()) !== 'failed' && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 100));
      const back = await q.getJob('bad-1');
      expect(await back!.getState()).toBe('failed');
      // Not retried: the same job fails the same way on any worker.
      expect(back!.attemptsMade).toBe(1);
      expect(back!.failedReason).toMatch(/^malformed job, rejected by worker strict: /);
      expect(w.counts).toMatchObject({ rejected: 1, taken: 0, done: 0 });
      expect(logs.some((l) => l.startsWith('strict: rejected bad-1: malformed job'))).toBe(true);
    } finally {
      await w.finish();
      await q.close();
      conn.disconnect();
    }
    // A finished worker leaves the live list.
    const r = new Redis(redis.url);
    expect(await r.zrange(keys.workers, '0', '-1')).not.toContain('strict');
    r.disconnect();
  });
});

describe('unreachable Redis', () => {
  it('fails within seconds with a plain message that hides the password', async () => {
    const t0 = Date.now();
    await expect(probeRedis('redis://:s3cret@127.0.0.1:1')).rejects.toThrow(/^cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(redactUrl('rediss://user:pw@h:6380/0')).toBe('rediss://user:***@h:6380/0');
  });

  it.each([
    ['worker', ['worker', '--redis', 'redis://127.0.0.1:1', '--workers', '1']],
    ['cup', ['cup', 'tournament/demo-cup.json', '--out', 'OUT', '--redis', 'redis://127.0.0.1:1']],
  ])('matchday %s --redis <unreachable> exits 1 with one line', (_, args) => {
    const r = spawnSync(process.execPath, ['bin/matchday.mjs', ...args.map((a) => (a === 'OUT' ? join(dir, 'cup-out') : a))], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^matchday: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: .+$/);
  });

  it('a URL that is not a Redis URL is refused before any connection', () => {
    const r = spawnSync(process.execPath, ['bin/matchday.mjs', 'worker', '--redis', 'http://x'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--redis must start with redis:\/\/ or rediss:\/\//);
  });
});
