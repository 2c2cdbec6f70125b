// The remote pool with a private Redis and an in-process worker, on short matches: the result is the
// local one, the replay lands where the local pool writes it, a live viewer gets the same blobs, the job
// leaves Redis once stored, and a coordinator that stopped waiting finds the finished job instead of
// queuing the match again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { RemotePool } from '../../tournament/queue/remote-pool.js';
import { startQueueWorker, type QueueWorker } from '../../tournament/queue/worker.js';
import { playOne } from '../../tournament/runner/play-one.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

let redis: TestRedis;
let dir: string;
let worker: QueueWorker;

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'matchday-remote-'));
  worker = await startQueueWorker({ url: redis.url, slots: 1, name: 'solo', dir: join(dir, 'worker'), log: () => undefined, heartbeatMs: 300 });
});
afterAll(async () => {
  await worker?.finish();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function job(matchId: string, seed: number, halfTicks = 40) {
  const home = resolveTeam('builtin:chaser');
  const away = resolveTeam('builtin:deepblock');
  return { matchId, config: defaultConfig({ seed, homeName: home.name, awayName: away.name, halfTicks }), home, away, out: join(dir, `${matchId}.mdr`) };
}

async function keysLeft(): Promise<string[]> {
  const r = new Redis(redis.url);
  const all = await r.keys('*');
  r.disconnect();
  return all.filter((k) => /^bull:matchday-matches:m\./.test(k) || /^matchday:out:/.test(k));
}

describe('the remote pool', () => {
  it('gives the local result, writes the replay, feeds the same blobs, and leaves nothing in Redis', async () => {
    const pool = await RemotePool.connect({ url: redis.url, identity: { t: 'one' }, pollMs: 200 });
    const j = job('A1', 5);
    const blobs: Array<[string, number]> = [];
    try {
      const r = await pool.run(j, { onBlob: (kind, b) => blobs.push([kind, b.length]) });
      const local = playOne({ config: j.config, home: j.home, away: j.away });
      expect(r.hash).toBe(local.result.hash);
      expect(r.score).toEqual(local.result.score);
      expect(r.stats).toEqual(local.result.stats);
      expect(r.setupLogs).toEqual(local.result.setupLogs);
      expect(r.crashes).toEqual([]);
      const file = readFileSync(j.out);
      expect(blobs[0]![0]).toBe('header');
      expect(blobs.at(-1)![0]).toBe('footer');
      expect(blobs.slice(1, -1).every(([k]) => k === 'segment')).toBe(true);
      // Header, segments, footer, then the index and trailer: the blobs are the file's body.
      expect(blobs.reduce((n, [, len]) => n + len, 0)).toBeLessThan(file.length);
    } finally {
      await pool.close();
    }
    expect(await keysLeft()).toEqual([]);
  });

  it('a coordinator that stopped waiting collects the finished job later, without playing it again', async () => {
    const first = await RemotePool.connect({ url: redis.url, identity: { t: 'resume' }, pollMs: 200 });
    // Long enough to be still playing when the coordinator leaves: the worker's isolates are warm from the
    // test before, and a 40-tick match would be over within the 100 ms below.
    const j = job('B1', 9, 1500);
    const pending = first.run(j).catch((e: Error) => e);
    const doneBefore = worker.counts.done;
    // Gone before the result arrives: the job stays queued and is played.
    await new Promise((r) => setTimeout(r, 100));
    await first.close();
    expect(await pending).toBeInstanceOf(Error);
    const t0 = Date.now();
    while (worker.counts.done === doneBefore && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 100));
    expect(worker.counts.done).toBe(doneBefore + 1);
    const second = await RemotePool.connect({ url: redis.url, identity: { t: 'resume' }, pollMs: 200 });
    try {
      const r = await second.run(j);
      expect(r.hash).toBe(playOne({ config: j.config, home: j.home, away: j.away }).result.hash);
      expect(worker.counts.done).toBe(doneBefore + 1);
      expect(worker.counts.taken).toBe(2);
    } finally {
      await second.close();
    }
    expect(await keysLeft()).toEqual([]);
  });

  it('a job stays until its result is stored; a later coordinator of the cup sweeps the stored ones away', async () => {
    let stored = false;
    const first = await RemotePool.connect({ url: redis.url, identity: { t: 'sweep' }, pollMs: 200, isStored: () => stored });
    try {
      await first.run(job('C1', 4));
      await new Promise((r) => setTimeout(r, 500));
      // Not stored yet: a coordinator killed now finds the job on resume.
      expect(await keysLeft()).toHaveLength(2);
    } finally {
      await first.close();
    }
    expect(await keysLeft()).toHaveLength(2);
    stored = true;
    const second = await RemotePool.connect({ url: redis.url, identity: { t: 'sweep' }, pollMs: 200, isStored: () => stored });
    await second.close();
    expect(await keysLeft()).toEqual([]);
  });

  it('sweeps a job whose output a killed coordinator had deleted but whose job it had not yet removed', async () => {
    let stored = false;
    const first = await RemotePool.connect({ url: redis.url, identity: { t: 'half' }, pollMs: 200, isStored: () => stored });
    try {
      await first.run(job('D1', 6));
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await first.close();
    }
    // The coordinator's forget pass deletes the output first, then the job: a kill in between leaves this.
    const r = new Redis(redis.url);
    const outputs = (await r.keys('matchday:out:*')).filter((k) => k.includes('D1'));
    expect(outputs).toHaveLength(1);
    await r.del(outputs[0]!);
    r.disconnect();
    expect(await keysLeft()).toHaveLength(1);
    stored = true;
    const second = await RemotePool.connect({ url: redis.url, identity: { t: 'half' }, pollMs: 200, isStored: () => stored });
    await second.close();
    expect(await keysLeft()).toEqual([]);
  });
});
