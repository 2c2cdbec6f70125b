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
    expect(st.ended).toBe(true);
  });
});
