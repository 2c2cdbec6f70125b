import { appendFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CupDir, atomicWrite, fingerprintChanges } from '../../tournament/cupdir.js';
import { bradleyTerry, bradleyTerryRatings, eloRatings, type Game } from '../../tournament/ratings.js';
import { hash32, matchSeed } from '../../tournament/seeds.js';

/** a beats b 3 of 4, b beats c 3 of 4, a beats c every time; a draw counts half. */
const games: Game[] = [
  ...Array.from({ length: 3 }, () => ({ home: 'a', away: 'b', s: 1 })), { home: 'b', away: 'a', s: 1 },
  ...Array.from({ length: 3 }, () => ({ home: 'b', away: 'c', s: 1 })), { home: 'c', away: 'b', s: 0.5 },
  ...Array.from({ length: 4 }, () => ({ home: 'a', away: 'c', s: 1 })),
];

describe('ratings', () => {
  it('Bradley-Terry orders teams by strength and is deterministic', () => {
    const r = bradleyTerry(['a', 'b', 'c'], games);
    expect(r.get('a')!).toBeGreaterThan(r.get('b')!);
    expect(r.get('b')!).toBeGreaterThan(r.get('c')!);
    const x = bradleyTerryRatings(['a', 'b', 'c'], games, 9);
    expect(x).toEqual(bradleyTerryRatings(['a', 'b', 'c'], games, 9));
    expect(x.map((t) => t.team)).toEqual(['a', 'b', 'c']);
    for (const t of x) expect(t.low! <= t.rating && t.rating <= t.high!).toBe(true);
    expect(x[0]!.high! - x[0]!.low!).toBeGreaterThan(0);
  });

  it('Bradley-Terry: a draw is worth half a win', () => {
    const drawn = bradleyTerry(['a', 'b'], [{ home: 'a', away: 'b', s: 0.5 }]);
    expect(drawn.get('a')).toBeCloseTo(drawn.get('b')!, 9);
    const split = bradleyTerry(['a', 'b'], [{ home: 'a', away: 'b', s: 1 }, { home: 'a', away: 'b', s: 0 }]);
    expect(split.get('a')).toBeCloseTo(split.get('b')!, 9);
  });

  it('Elo moves points from loser to winner', () => {
    const e = eloRatings(['a', 'b'], [{ home: 'a', away: 'b', s: 1 }]);
    expect(e).toEqual([{ team: 'a', rating: 1510, games: 1 }, { team: 'b', rating: 1490, games: 1 }]);
  });
});

describe('seeds', () => {
  it('derive from the master seed and the match id only', () => {
    expect(matchSeed(1, 'QF1')).toBe(matchSeed(1, 'QF1'));
    expect(matchSeed(1, 'QF1')).not.toBe(matchSeed(2, 'QF1'));
    expect(matchSeed(1, 'QF1')).not.toBe(matchSeed(1, 'QF2'));
    expect(hash32('')).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(matchSeed('text seed', 'F'))).toBe(true);
  });
});

describe('cup folder', () => {
  const dir = new CupDir(mkdtempSync(join(tmpdir(), 'cupdir-')));
  dir.ensure();

  it('writes atomically and leaves no temp files', () => {
    atomicWrite(dir.path('x.json'), '{"a":1}');
    atomicWrite(dir.path('x.json'), '{"a":2}');
    expect(dir.readJson<{ a: number }>('x.json')).toEqual({ a: 2 });
    expect(readdirSync(dir.root).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses match ids that would leave the cup folder', () => {
    expect(() => dir.resultPath('../../etc/passwd')).toThrow(/Unsafe match id/);
    expect(dir.replayPath('QF1')).toBe(join(dir.root, 'replays', 'QF1.mdr'));
  });

  it('reads the journal past a line torn by a crash', () => {
    dir.journal({ ev: 'start', matchId: 'F', time: 't' });
    appendFileSync(dir.path(CupDir.JOURNAL), '{"ev":"fini');
    expect(dir.readJournal()).toEqual([{ ev: 'start', matchId: 'F', time: 't' }]);
  });

  it('ignores a result file that does not parse', () => {
    atomicWrite(dir.resultPath('SF1'), '{ nope');
    expect(dir.readResults().has('SF1')).toBe(false);
  });

  it('names what changed in a fingerprint', () => {
    const a = { engineVersion: '1', configHash: 'c', policies: { x: { spec: 'p', hash: 'h1' } } };
    expect(fingerprintChanges(a, a)).toEqual([]);
    expect(fingerprintChanges(a, { ...a, policies: { x: { spec: 'p', hash: 'h2' } } })).toEqual(['team x policy file changed: p']);
  });
});
