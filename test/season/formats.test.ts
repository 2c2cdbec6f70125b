// A season plays one round of its format per matchday: league rounds, Swiss rounds, knockout rounds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SeasonConfig } from '../../season/config.js';
import { createSeason } from '../../season/create.js';
import { SeasonService } from '../../season/service.js';
import type { MatchRunner } from '../../tournament/runner/cup-play.js';

/** Nobody submits: every match is a double forfeit, so these tests need no match process. */
const NO_RUNNER: MatchRunner = { run: () => Promise.reject(new Error('no match should be played')) };

async function playAll(format: SeasonConfig['format'], teams: string[]) {
  const dir = join(mkdtempSync(join(tmpdir(), 'md-formats-')), 's');
  createSeason(dir, { name: 't', seed: 9, teams, format, start: null, everyMs: null, halfTicks: 100 });
  const svc = new SeasonService(dir, { matches: NO_RUNNER, validations: NO_RUNNER });
  await svc.start();
  const played: number[] = [];
  for (let n = await svc.advance(); n !== null; n = await svc.advance()) played.push(n);
  const st = svc.status();
  await svc.close();
  return { played, st };
}

describe('season formats', () => {
  it('a 6-team double league: 10 matchdays of 3 matches, each pairing twice', async () => {
    const { played, st } = await playAll({ type: 'league', double: true }, ['A', 'B', 'C', 'D', 'E', 'F']);
    expect(played).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(st.matchdays.every((m) => m.matches.length === 3)).toBe(true);
    expect(st.ended).toBe(true);
  });

  it('a Swiss season: one round per matchday, paired from the results so far', async () => {
    const { played, st } = await playAll({ type: 'swiss', rounds: 3 }, ['A', 'B', 'C', 'D', 'E', 'F']);
    expect(played).toEqual([1, 2, 3]);
    expect(st.matchdays.map((m) => m.matches.map((x) => x.id.split('-')[0]))).toEqual([['R1', 'R1', 'R1'], ['R2', 'R2', 'R2'], ['R3', 'R3', 'R3']]);
  });

  it('a knockout season: semi-finals, then the final between their winners', async () => {
    const { played, st } = await playAll({ type: 'knockout' }, ['A', 'B', 'C', 'D']);
    expect(played).toEqual([1, 2]);
    expect(st.matchdays[0]!.matches).toHaveLength(2);
    expect(st.matchdays[1]!.matches).toHaveLength(1);
    expect(st.matchdays.map((m) => m.standings)).toEqual([null, null]);
    expect(st.ended).toBe(true);
  });

  it('a World-Cup season: three group matchdays, then semi-finals of winners v the other group\'s runners-up, then the final and third place', async () => {
    const teams = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const { played, st } = await playAll({ type: 'worldcup', thirdPlace: true }, teams);
    expect(played).toEqual([1, 2, 3, 4, 5]);
    expect(st.groups).toHaveLength(2);
    const groups = st.groups!;
    expect(groups.flatMap((g) => g.teams).sort()).toEqual(teams);
    // Each group matchday: every group plays one round of its round robin, nobody twice.
    for (const md of st.matchdays.slice(0, 3)) {
      expect(md.matches).toHaveLength(4);
      expect(md.matches.every((m) => m.id.startsWith('G-'))).toBe(true);
      expect(new Set(md.matches.flatMap((m) => [m.home, m.away])).size).toBe(8);
    }
    const pairs = new Set(st.matchdays.slice(0, 3).flatMap((md) => md.matches.map((m) => [m.home, m.away].sort().join('-'))));
    expect(pairs.size).toBe(12);
    // The semi-finals pair each group's winner with the other group's runner-up, as the tables after matchday 3 have them.
    const [g1, g2] = groups.map((g) => g.table.map((r) => r.team));
    const semis = st.matchdays[3]!.matches.map((m) => [m.home, m.away].sort().join('-')).sort();
    expect(semis).toEqual([[g1![0]!, g2![1]!].sort().join('-'), [g2![0]!, g1![1]!].sort().join('-')].sort());
    expect(st.matchdays[4]!.matches).toHaveLength(2);
    // A table of all eight after each group matchday, none after a knockout round.
    expect(st.matchdays.map((m) => m.standings?.length ?? null)).toEqual([8, 8, 8, null, null]);
    expect(st.bracket!.map((t) => t.label)).toEqual(expect.arrayContaining(['Final']));
    expect(st.bracket!.find((t) => t.label === 'Final')!.winner).toBe(st.champion);
    expect(st.champion).not.toBeNull();
    expect(st.ended).toBe(true);
  });

  it('refuses a World-Cup season of a team count that does not make groups of four into a bracket', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'md-formats-')), 's');
    expect(() => createSeason(dir, { name: 't', seed: 9, teams: ['A', 'B', 'C', 'D', 'E', 'F'], format: { type: 'worldcup' }, start: null, everyMs: null, halfTicks: 100 })).toThrow(
      /teams: a worldcup season takes 8, 16 or 32 teams \(groups of four\), got 6/,
    );
  });
});
