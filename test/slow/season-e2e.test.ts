// The season end to end, as issue 13's "Done when" says: `season new`, a real `matchday host` on a real SQLite file,
// four teams submitting with `matchday submit`, the admin advancing three matchdays while teams revise code and
// notebooks, the host SIGKILLed between two matchdays and restarted: the results equal an uninterrupted run's.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplayReader } from '../../engine/replay/index.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'matchday.mjs');
const hosts = new Set<ChildProcess>();

afterEach(() => {
  for (const h of hosts) h.kill('SIGKILL');
  hosts.clear();
});

function cli(args: string[], env: Record<string, string> = {}, input?: string): { code: number | null; out: string; err: string } {
  const r = spawnSync('node', [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, ...(input === undefined ? {} : { input }) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;

/** Starts `matchday host dir --port 0` and resolves with its API URL, read from the line it prints. */
function startHost(dir: string): Promise<{ proc: ChildProcess; url: string }> {
  // Started the way bin/matchday.mjs would re-start itself (the flag and TZ=UTC), so this pid is the host
  // itself and SIGKILL kills it, not a wrapper that would leave the host running.
  const proc = spawn(process.execPath, ['--no-node-snapshot', CLI, 'host', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  hosts.add(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /api (http:\/\/\S+)/.exec(out);
      if (m) resolve({ proc, url: m[1]! });
    });
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    proc.once('exit', (code) => reject(new Error(`host exited (${code}) before listening: ${err}`)));
  });
}

function policy(tag: string): string {
  return `export function tick(obs) {
  if (obs.tick % 40 === 0) console.log('${tag} tick ' + obs.tick);
  return obs.own.map((p, i) => ({ moveTo: i === 0 ? { x: -50, y: 0 } : { x: obs.ball.x - ${tag.length % 5}, y: obs.ball.y }, kick: { target: { x: 52.5, y: ${tag.length % 7} }, power: 0.8 } }));
}
`;
}

interface MatchOut { id: string; home: string; away: string; score: number[] | null; hash: string | null; versions: { home: number | null; away: number | null } }

/** A whole season; with `kill`, the host is SIGKILLed after matchday 2 and started again. Returns every match. */
async function runSeason(kill: boolean): Promise<MatchOut[]> {
  const root = mkdtempSync(join(tmpdir(), 'matchday-e2e-'));
  const dir = join(root, 's');
  const made = cli(['season', 'new', dir, '--teams', 'A,B,C,D', '--format', 'league', '--manual', '--half-ticks', '100', '--seed', '5', '--json']);
  expect(made.code, made.err).toBe(0);
  const tokens = lastJson(made.out).tokens as { admin: string; teams: Record<string, string> };
  const file = (name: string, text: string) => {
    const f = join(root, name);
    writeFileSync(f, text);
    return f;
  };
  let host = await startHost(dir);
  const as = (team: string) => ({ MATCHDAY_TOKEN: tokens.teams[team]!, MATCHDAY_SERVER: host.url });
  const submit = (team: string, f: string) => cli(['submit', f, '--json'], as(team));

  // Matchday 1: A, B, C submit; D's file does not compile (stored invalid, exit 1), so D forfeits.
  for (const t of ['A', 'B', 'C']) expect(submit(t, file(`${t.toLowerCase()}1.js`, policy(`${t}-v1`))).code).toBe(0);
  const broken = submit('D', file('d1.js', 'export function tick(obs) { return obs.own.map(( => 1); }\n'));
  expect(broken.code).toBe(1);
  expect(broken.out).toContain('FAIL: cannot start');
  // Bad input through the real client: an empty file, an unknown language, a wrong token. Nothing stored.
  expect(submit('A', file('empty.js', '')).err).toMatch(/400 .*empty/);
  expect(submit('A', file('team.rb', 'puts 1')).err).toMatch(/415 .*unknown language/);
  const wrong = cli(['submit', file('w.js', policy('w')), '--server', host.url, '--token', 'md_' + '1'.repeat(64)]);
  expect(wrong.code).toBe(1);
  expect(wrong.err).toMatch(/401 unauthorized/);
  const other = await fetch(`${host.url}/teams/B/notebook`, { headers: { authorization: `Bearer ${tokens.teams.A}` } });
  expect(other.status).toBe(403);
  expect(await other.text()).toBe('{"error":"forbidden"}');
  expect(cli(['notebook', 'put'], as('A'), 'md1: press').code).toBe(0);

  const advance = () => {
    const r = cli(['season', 'advance', '--server', host.url, '--token', tokens.admin, '--json']);
    expect(r.code, r.err).toBe(0);
    return lastJson(r.out);
  };
  expect(advance().matchday).toBe(1);

  // Between matchdays: A revises its code, D fixes its own, notebooks are read and rewritten, logs fetched.
  expect(cli(['notebook', 'get'], as('A')).out).toBe('md1: press');
  expect(cli(['notebook', 'put'], as('A'), 'md2: sit deep').code).toBe(0);
  expect(submit('A', file('a2.js', policy('A-v2'))).code).toBe(0);
  expect(submit('D', file('d2.js', policy('D-v2'))).code).toBe(0);
  // Matchday 1 (Berger tables) is A v D, a forfeit, and C v B: C reads its own lines, never B's.
  const logs = cli(['logs', '--matchday', '1', '--json'], as('C'));
  expect(logs.code, logs.err).toBe(0);
  expect(logs.out).toContain('C-v1 tick 40');
  expect(logs.out).not.toMatch(/[ABD]-v1 tick/);
  expect(advance().matchday).toBe(2);

  if (kill) {
    const dead = host;
    dead.proc.kill('SIGKILL');
    await new Promise((r) => dead.proc.once('exit', r));
    hosts.delete(dead.proc);
    // Nothing answers on the old address any more: the host is really gone.
    await expect(fetch(`${dead.url}/season`)).rejects.toThrow();
    host = await startHost(dir);
  }
  expect(cli(['notebook', 'get', '--matchday', '1'], as('A')).out).toBe('md1: press');
  expect(cli(['notebook', 'get'], as('A')).out).toBe('md2: sit deep');
  expect(submit('C', file('c3.ts', policy('C-v3ts'))).code).toBe(0);
  const last = advance();
  expect(last).toMatchObject({ matchday: 3, ended: true });

  const st = (await (await fetch(`${host.url}/season`)).json()) as { matchdays: Array<{ matches: Array<MatchOut & { replay: boolean }> }>; standings: unknown[] };
  expect(st.standings).toHaveLength(4);
  const matches = st.matchdays.flatMap((d) => d.matches);
  // Public replays are redacted: they decode, carry each team's hash for its source and no debug output.
  const played = matches.find((m) => m.replay)!;
  const red = new ReplayReader(new Uint8Array(await (await fetch(`${host.url}/matches/${played.id}/replay`)).arrayBuffer()), 'redacted');
  expect(red.header.teams[0].source).toContain(red.header.teams[0].sha256);
  expect(red.frames(0).every((f) => f.debug[0] === null && f.debug[1] === null)).toBe(true);
  if (kill) {
    // An online backup of the live database: a copy that opens and holds every match.
    const b = cli(['season', 'backup', dir, join(root, 'copy.sqlite')]);
    expect(b.code, b.err).toBe(0);
    const copy = new Database(join(root, 'copy.sqlite'), { readonly: true });
    expect((copy.prepare('SELECT COUNT(*) AS n FROM matches WHERE result IS NOT NULL').get() as { n: number }).n).toBe(6);
    copy.close();
  }
  host.proc.kill('SIGTERM');
  await new Promise((r) => host.proc.once('exit', r));
  hosts.delete(host.proc);
  expect(readFileSync(join(dir, 'season.sqlite')).length).toBeGreaterThan(0);
  return matches.map(({ id, home, away, score, hash, versions }) => ({ id, home, away, score, hash, versions }));
}

describe('a season end to end', () => {
  it('plays three matchdays with revisions and a SIGKILLed host, with the results of an uninterrupted run', async () => {
    const killed = await runSeason(true);
    const straight = await runSeason(false);
    expect(killed).toHaveLength(6);
    // D forfeited matchday 1 (its only submission did not compile), then played its fixed version.
    const d1 = killed.find((m) => m.id.startsWith('MD1') && (m.home === 'D' || m.away === 'D'))!;
    expect(d1.score).toEqual(d1.home === 'D' ? [0, 3] : [3, 0]);
    expect(killed.filter((m) => !m.id.startsWith('MD1') && (m.home === 'D' || m.away === 'D')).every((m) => m.hash !== '')).toBe(true);
    const a2 = killed.find((m) => m.id.startsWith('MD2') && (m.home === 'A' || m.away === 'A'))!;
    expect(a2.home === 'A' ? a2.versions.home : a2.versions.away).toBe(2);
    expect(killed).toEqual(straight);
  });
});
