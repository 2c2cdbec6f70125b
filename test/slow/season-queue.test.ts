// A season whose matchdays are played through the queue: `matchday host --redis` with a `matchday worker` in a
// folder of its own, against a private Redis. The matchday must give the results (scores and match hashes) of the
// same season hosted without Redis, with the worker doing the playing and submissions still validated by the host.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'matchday.mjs');
const TEAMS = ['A', 'B', 'C', 'D'];
const POLICIES = ['possession', 'direct', 'gegenpress', 'chaser'];
const ENV = { ...process.env, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' };

let tmp: string;
let redis: TestRedis;
const procs = new Set<ChildProcess>();

function cli(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: ENV });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Starts a long-running CLI process (host or worker) directly with the flag, so a kill reaches it. */
function start(args: string[], cwd: string): { proc: ChildProcess; out: () => string; err: () => string } {
  const proc = spawn(process.execPath, ['--no-node-snapshot', CLI, ...args], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  procs.add(proc);
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { proc, out: () => out, err: () => err };
}

async function until<T>(what: string, get: () => T | null | undefined, ms = 120_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = get();
    if (v !== null && v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Played {
  matches: Array<{ id: string; home: string; away: string; score: [number, number] | null; hash: string | null }>;
}

/** A 4-team league season in `dir`, hosted with `extra` host options; submits, advances matchday 1, returns its matches. */
async function firstMatchday(name: string, extra: string[]): Promise<{ played: Played['matches']; hostErr: string }> {
  const dir = join(tmp, name);
  expect(cli(['season', 'new', dir, '--teams', TEAMS.join(','), '--format', 'league', '--manual', '--half-ticks', '60', '--seed', '5']).code).toBe(0);
  const tokens = JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8')) as { admin: string; teams: Record<string, string> };
  const host = start(['host', dir, '--port', '0', ...extra], tmp);
  const url = await until('the host to listen', () => /^ {2}open (http:\/\/\S+)/m.exec(host.out())?.[1]);
  TEAMS.forEach((t, i) => {
    const r = cli(['submit', join('policies', `${POLICIES[i]}.js`), '--server', url, '--token', tokens.teams[t]!]);
    expect(r.out, r.err).toMatch(/OK: the policy will play/);
  });
  const adv = cli(['season', 'advance', '--server', url, '--token', tokens.admin, '--json']);
  expect(adv.code, adv.err).toBe(0);
  const played = (JSON.parse(adv.out.trim().split('\n').at(-1)!) as Played).matches;
  host.proc.kill('SIGTERM');
  await new Promise((r) => host.proc.once('exit', r));
  return { played, hostErr: host.err() };
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'matchday-season-queue-'));
  redis = await startRedis();
});

afterEach(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  procs.clear();
});

afterAll(async () => {
  await redis?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('matchday host --redis', () => {
  it('plays a matchday on a queue worker with the results of a season hosted without Redis', async () => {
    const local = await firstMatchday('local', []);
    const home = join(tmp, 'worker-home');
    mkdirSync(home);
    const worker = start(['worker', '--redis', redis.url, '--workers', '1', '--name', 'w1', '--dir', join(home, 'work')], home);
    const queued = await firstMatchday('queued', ['--redis', redis.url]);
    worker.proc.kill('SIGINT');
    await new Promise((r) => worker.proc.once('exit', r));
    expect(queued.played.map((m) => [m.id, m.score, m.hash])).toEqual(local.played.map((m) => [m.id, m.score, m.hash]));
    expect(queued.played.every((m) => m.hash !== null)).toBe(true);
    // The worker played both matches of the matchday; the host only validated the four submissions.
    expect(worker.err().split('\n').filter((l) => /^worker: done /.test(l))).toHaveLength(2);
  });

  it('refuses a bad Redis URL in one line, before serving', () => {
    const dir = join(tmp, 'bad-url');
    expect(cli(['season', 'new', dir, '--teams', 'A,B', '--manual']).code).toBe(0);
    const r = cli(['host', dir, '--port', '0', '--redis', 'http://127.0.0.1:1']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^matchday: .*redis/im);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
