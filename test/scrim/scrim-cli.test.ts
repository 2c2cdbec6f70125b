// `matchday scrim` end to end on a tiny run: the table, sides swapped, worker-count independence,
// the replay folder and scrim.json, and clear errors for bad arguments.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { ReplayReader } from '../../engine/replay/index.js';
import { defaultConfig } from '../../engine/setup.js';
import { awayLegSeed } from '../../tournament/scrim/plan.js';
import type { ScrimSummary } from '../../tournament/scrim/summary.js';
import type { ScrimTable } from '../../tournament/scrim/table.js';

function scrim(args: string[]): { code: number | null; out: string; err: string; last: string } {
  const r = spawnSync('node', ['bin/matchday.mjs', 'scrim', ...args], { encoding: 'utf8' });
  const out = r.stdout.trim();
  return { code: r.status, out, err: r.stderr, last: out.split('\n').pop() ?? '' };
}

const TINY = ['builtin:ladder-4', '--vs', 'builtin:statue', '--seeds', '1-2', '--half-ticks', '100', '--json'];

describe('matchday scrim on a tiny run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrim-'));
  const one = join(dir, 'one');
  const two = join(dir, 'two');
  let r1: ReturnType<typeof scrim>;
  let r2: ReturnType<typeof scrim>;
  let summary: ScrimSummary;

  beforeAll(() => {
    // A stale replay from an earlier scrim must not survive into this one's folder.
    spawnSync('mkdir', ['-p', join(one, 'replays')]);
    writeFileSync(join(one, 'replays', 'old-s9-home.mdr'), 'stale');
    r1 = scrim([...TINY, '--workers', '1', '--out', one]);
    r2 = scrim([...TINY, '--workers', '2', '--out', two]);
    summary = JSON.parse(readFileSync(join(one, 'scrim.json'), 'utf8')) as ScrimSummary;
  });

  it('prints one table with a row for the opponent and a total, and the table as JSON on the last line', () => {
    expect(r1.code, r1.err).toBe(0);
    expect(r1.out).toMatch(/^ladder-4 v statue: seeds 1-2, home and away, 100 ticks per half/);
    expect(r1.out).toMatch(/\nstatue\s+4\s+\d+\s+\d+\s+\d+\s/);
    expect(r1.out).toMatch(/\ntotal\s+4\s+/);
    const json = JSON.parse(r1.last) as { table: ScrimTable };
    expect(json.table.rows).toHaveLength(1);
    expect(json.table.total.played).toBe(4);
    expect(r1.err).toMatch(/scrim: 4 matches in/);
  });

  it('gives the same table and the same matches with one worker or two', () => {
    expect(r2.code, r2.err).toBe(0);
    expect(JSON.parse(r2.last).table).toEqual(JSON.parse(r1.last).table);
    const s2 = JSON.parse(readFileSync(join(two, 'scrim.json'), 'utf8')) as ScrimSummary;
    expect(s2.matches.map((m) => m.hash)).toEqual(summary.matches.map((m) => m.hash));
  });

  it('plays every seed home and away (the away leg on its derived seed), and the table sums the matches from the policy side', () => {
    expect(summary.matches.map((m) => [m.scrimSeed, m.seed, m.home, m.away])).toEqual([
      [1, 1, 'ladder-4', 'statue'],
      [1, awayLegSeed(1), 'statue', 'ladder-4'],
      [2, 2, 'ladder-4', 'statue'],
      [2, awayLegSeed(2), 'statue', 'ladder-4'],
    ]);
    for (const m of summary.matches) {
      expect(m.score).toEqual(m.policyHome ? [m.goalsFor, m.goalsAgainst] : [m.goalsAgainst, m.goalsFor]);
    }
    const t = summary.table.total;
    expect(t.goalsFor).toBe(summary.matches.reduce((s, m) => s + m.goalsFor, 0));
    expect(t.won + t.drawn + t.lost).toBe(4);
    expect(t.won).toBe(summary.matches.filter((m) => m.goalsFor > m.goalsAgainst).length);
  });

  it('reports the same matches the engine plays in-process (same seed, names and policies)', async () => {
    // Paths through a variable: the policies are plain JS without declarations.
    const load = async (path: string): Promise<PolicyModule> => (await import(path)) as PolicyModule;
    const ladder4 = await load('../../policies/ladder/ladder-4.js');
    const statue = await load('../../policies/statue.js');
    for (const m of summary.matches.filter((x) => x.scrimSeed === 1)) {
      const teams = m.policyHome ? [ladder4, statue] : [statue, ladder4];
      const r = runMatch(defaultConfig({ seed: m.seed, halfTicks: 100, homeName: m.home, awayName: m.away }), [inProcessController(teams[0]!), inProcessController(teams[1]!)]);
      expect(r.hash).toBe(m.hash);
      expect(r.score).toEqual(m.score);
    }
  });

  it('writes one replay per match under replays/, named by its id, and removes stale ones', () => {
    expect(readdirSync(join(one, 'replays')).sort()).toEqual(['statue-s1-away.mdr', 'statue-s1-home.mdr', 'statue-s2-away.mdr', 'statue-s2-home.mdr']);
    for (const m of summary.matches) {
      const file = join(one, m.replay);
      const replay = new ReplayReader(readFileSync(file), file);
      expect(replay.footer.hash).toBe(m.hash);
      expect([replay.header.config.homeName, replay.header.config.awayName]).toEqual([m.home, m.away]);
    }
    expect(summary).toMatchObject({ kind: 'scrim', version: 1, policy: { spec: 'builtin:ladder-4', name: 'ladder-4' }, seeds: { first: 1, last: 2 }, halfTicks: 100 });
    expect(summary.name).toBe('ladder-4 scrim v statue');
  });
});

describe('matchday scrim refuses bad arguments clearly', () => {
  it('a reversed or malformed seed range', () => {
    const a = scrim(['builtin:ladder-1', '--seeds', '5-1']);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/--seeds: the range '5-1' is empty/);
    const b = scrim(['builtin:ladder-1', '--seeds', 'one-two']);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/--seeds must be a range like 1-5/);
  });

  it('an unknown opponent, naming it and the known ones', () => {
    const r = scrim(['builtin:ladder-1', '--vs', 'builtin:statue,builtin:nobody']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown built-in team 'nobody' \(known: .*ladder-5/);
  });

  it('a missing policy file', () => {
    const r = scrim(['no/such/policy.js', '--vs', 'builtin:statue']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no\/such\/policy\.js: policy file not found/);
  });

  it('the default opponents are the four styles, ladder-5 and ladder-6 (the one to beat), as the brief says', () => {
    const r = spawnSync('node', ['bin/matchday.mjs', 'scrim', '--help'], { encoding: 'utf8' });
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('builtin:possession,builtin:gegenpress,builtin:deepblock,builtin:direct,builtin:ladder-5,builtin:ladder-6');
  });

  it('a policy that cannot start: every match forfeited, the reason with its line, exit code 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'scrim-forfeit-'));
    const r = scrim(['test/fixtures/policies/syntax-error.js', '--vs', 'builtin:statue', '--seeds', '1', '--half-ticks', '10', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/syntax-error forfeited 2 of 2 matches: .*syntax-error\.js:3: syntax error/);
    expect(r.out).toMatch(/\ntotal\s+2\s+0\s+0\s+2\s/);
  });

  it('an empty opponent list and a bad worker count', () => {
    expect(scrim(['builtin:ladder-1', '--vs', ',']).err).toMatch(/--vs: give at least one opponent/);
    expect(scrim(['builtin:ladder-1', '--workers', '0']).err).toMatch(/--workers must be between 1 and 64/);
  });
});
