// The demo cup through the queue, end to end: a private Redis, `matchday worker` processes with their
// own working folders, and `matchday cup --redis` as the coordinator. The cup hash must equal the local
// run's with two workers, with a worker SIGKILLed in the middle of a match, and with the coordinator
// SIGKILLed and resumed (which must neither play a match twice nor lose one finished while it was down).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const ROOT = resolve('.');
const CLI = join(ROOT, 'bin', 'matchday.mjs');
const CUP = join(ROOT, 'tournament', 'demo-cup.json');
// Short matches keep the suite in minutes; the queue does not care how long a match is.
const HALF_TICKS = '100';
const MATCHES = 31;
// Ready to run the CLI without its re-exec, so a signal reaches the real process.
const ENV = {
  ...process.env,
  TZ: 'UTC',
  LANG: 'C',
  LC_ALL: 'C',
  MATCHDAY_QUEUE_LOCK_MS: '2000',
  MATCHDAY_QUEUE_STALLED_MS: '1000',
  MATCHDAY_QUEUE_HEARTBEAT_MS: '500',
};

interface Proc {
  child: ChildProcess;
  out: string;
  err: string;
  exited: Promise<number | null>;
}

let tmp: string;
const procs: Proc[] = [];

function run(args: string[], cwd: string): Proc {
  const child = spawn(process.execPath, ['--no-node-snapshot', CLI, ...args], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = { child, out: '', err: '', exited: Promise.resolve(null) };
  child.stdout!.on('data', (d: Buffer) => (p.out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (p.err += d.toString()));
  p.exited = new Promise((res) => child.once('exit', (code) => res(code)));
  procs.push(p);
  return p;
}

/** A worker in its own working folder (it needs none of the coordinator's files). */
function worker(redis: TestRedis, name: string): Proc {
  const home = join(tmp, `home-${name}`);
  mkdirSync(home, { recursive: true });
  return run(['worker', '--redis', redis.url, '--workers', '1', '--name', name, '--dir', join(home, 'work')], home);
}

function cup(out: string, extra: string[]): Proc {
  return run(['cup', CUP, '--out', out, '--half-ticks', HALF_TICKS, '--json', ...extra], ROOT);
}

async function hashOf(p: Proc): Promise<string> {
  const code = await p.exited;
  if (code !== 0) throw new Error(`cup exited ${code}: ${p.err.slice(-2000)}`);
  const last = JSON.parse(p.out.trim().split('\n').pop()!) as { hash: string; matches: number };
  expect(last.matches).toBe(MATCHES);
  return last.hash;
}

async function until(what: string, ok: () => boolean, ms = 600_000): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const lines = (p: Proc, re: RegExp) => p.err.split('\n').filter((l) => re.test(l));

async function stopWorkers(ws: Proc[]): Promise<void> {
  for (const w of ws) w.child.kill('SIGINT');
  await Promise.all(ws.map((w) => w.exited));
}

/** What the coordinator leaves in Redis once every result is stored: no job, no output, no refusal. */
async function leftovers(redis: TestRedis): Promise<string[]> {
  const r = new Redis(redis.url);
  try {
    const all = await r.keys('*');
    return all.filter((k) => /^bull:matchday-matches:m\./.test(k) || /^matchday:(out|refused):/.test(k)).sort();
  } finally {
    r.disconnect();
  }
}

let localHash: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'matchday-queue-cup-'));
  localHash = await hashOf(cup(join(tmp, 'local'), ['--workers', '2']));
});

afterEach(() => {
  for (const p of procs.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('the demo cup through the queue', () => {
  it('two workers give the local hash; results and replays leave Redis once stored; workers write nothing of the cup', async () => {
    const redis = await startRedis();
    try {
      const ws = [worker(redis, 'w1'), worker(redis, 'w2')];
      const c = cup(join(tmp, 'queued'), ['--redis', redis.url]);
      expect(await hashOf(c)).toBe(localHash);
      await stopWorkers(ws);
      const done = ws.flatMap((w) => lines(w, /^worker: done /));
      expect(done).toHaveLength(MATCHES);
      // Both took part.
      for (const w of ws) expect(lines(w, /^worker: done /).length).toBeGreaterThan(0);
      for (const w of ws) expect(w.err).toMatch(/worker: stopped; jobs taken \d+, done \d+, failed 0, refused 0, rejected 0, handed back 0/);
      expect(await leftovers(redis)).toEqual([]);
      // The coordinator wrote every replay; a worker's folder holds only its source cache.
      expect(readdirSync(join(tmp, 'queued', 'replays'))).toHaveLength(MATCHES);
      for (const name of ['w1', 'w2']) {
        expect(readdirSync(join(tmp, `home-${name}`, 'work', 'replays'))).toEqual([]);
        expect(readdirSync(join(tmp, `home-${name}`)).sort()).toEqual(['work']);
      }
    } finally {
      await redis.stop();
    }
  });

  it('a worker SIGKILLed in the middle of a match: the job comes back, is played elsewhere, same hash', async () => {
    const redis = await startRedis();
    try {
      const victim = worker(redis, 'victim');
      const c = cup(join(tmp, 'killed-worker'), ['--redis', redis.url]);
      // The victim alone at first, so it surely holds a match when it dies.
      await until('the victim to take a match', () => lines(victim, /^worker: took /).length > 0);
      const jobId = /took (\S+):/.exec(lines(victim, /^worker: took /)[0]!)![1]!;
      await new Promise((r) => setTimeout(r, 300));
      expect(lines(victim, /^worker: done /)).toEqual([]);
      victim.child.kill('SIGKILL');
      await victim.exited;
      const ws = [worker(redis, 'rescuer1'), worker(redis, 'rescuer2')];
      expect(await hashOf(c)).toBe(localHash);
      await stopWorkers(ws);
      // The match the victim held was played by a rescuer, and every match exactly once after the kill.
      const done = ws.flatMap((w) => lines(w, /^worker: done /));
      expect(done.some((l) => l.startsWith(`worker: done ${jobId}:`))).toBe(true);
      expect(done).toHaveLength(MATCHES);
      expect(await leftovers(redis)).toEqual([]);
    } finally {
      await redis.stop();
    }
  });

  it('the coordinator SIGKILLed and resumed: same hash, no match played twice, none lost', async () => {
    const redis = await startRedis();
    try {
      const ws = [worker(redis, 'r1'), worker(redis, 'r2')];
      const out = join(tmp, 'killed-coordinator');
      const first = cup(out, ['--redis', redis.url]);
      const journal = join(out, 'journal.ndjson');
      const finished = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter((l) => l.includes('"ev":"finish"')).length : 0);
      await until('a few results', () => finished() >= 6);
      first.child.kill('SIGKILL');
      await first.exited;
      const before = finished();
      // Workers go on with the queued matches while no coordinator listens.
      const doneCount = () => ws.flatMap((w) => lines(w, /^worker: done /)).length;
      const atKill = doneCount();
      await until('a match finished while the coordinator was down', () => doneCount() > atKill + 1);
      const second = cup(out, ['--redis', redis.url, '--resume']);
      expect(await hashOf(second)).toBe(localHash);
      expect(before).toBeLessThan(MATCHES);
      await stopWorkers(ws);
      const done = ws.flatMap((w) => lines(w, /^worker: done /));
      // A match whose result reached the cup folder is never queued again; one finished while the
      // coordinator was down is collected from Redis, not replayed.
      expect(done).toHaveLength(MATCHES);
      expect(new Set(done.map((l) => /done (\S+):/.exec(l)![1])).size).toBe(MATCHES);
      expect(await leftovers(redis)).toEqual([]);
    } finally {
      await redis.stop();
    }
  });
});
