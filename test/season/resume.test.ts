// A matchday cut short (a match that fails, the host stopped mid-matchday) stays locked; the next start plays
// only what is missing, and the results equal an uninterrupted run's. A failed match never stops the service.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSeason } from '../../season/create.js';
import { SeasonService } from '../../season/service.js';
import type { MatchRunner } from '../../tournament/runner/cup-play.js';
import { MatchPool } from '../../tournament/runner/pool.js';
import { ROOT } from './helpers.js';

const pool = new MatchPool(2);
afterAll(() => pool.close());

/** A season with four teams whose submissions are stored as valid (validation is tested elsewhere). */
async function seededSeason(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'md-resume-')), 's');
  createSeason(dir, { name: 't', seed: 11, teams: ['A', 'B', 'C', 'D'], format: { type: 'league' }, start: null, everyMs: null, halfTicks: 100 });
  const svc = new SeasonService(dir, { matches: pool, validations: pool });
  ['chaser', 'direct', 'chaser', 'possession'].forEach((p, i) => {
    const source = readFileSync(join(ROOT, 'policies', `${p}.js`));
    const row = svc.store.addSubmission({ team: 'ABCD'[i]!, filename: `${p}.js`, language: 'js', sha256: createHash('sha256').update(source).digest('hex'), source, receivedMs: 1 });
    svc.store.finishSubmission(row.id, 'valid', { lines: [], json: null });
  });
  await svc.close();
  return dir;
}

const results = (svc: SeasonService) => [...svc.store.results().values()].map((r) => [r.matchId, r.score, r.hash]).sort();

describe('season resume', () => {
  it('keeps a matchday with a failed match locked, serves on, and a restart finishes it with the uninterrupted results', async () => {
    const dir = await seededSeason();
    const copy = join(mkdtempSync(join(tmpdir(), 'md-resume-')), 's');
    cpSync(dir, copy, { recursive: true });

    // First host: MD1-2's match process "dies" every time; MD1-1 is played and kept.
    const failing: MatchRunner = { run: (job, hooks) => (job.matchId === 'MD1-2' ? Promise.reject(new Error('match process died')) : pool.run(job, hooks)) };
    const first = new SeasonService(dir, { matches: failing, validations: pool });
    await first.start();
    await expect(first.advance()).rejects.toThrow(/MD1-2: match process died/);
    expect(first.store.matchday(1)!.state).toBe('locked');
    expect(first.status().progress).toMatchObject({ matchday: 1, done: 1, total: 2 });
    expect(first.store.results().has('MD1-1')).toBe(true);
    expect(first.authenticate('nope')).toBeNull(); // still answering
    await first.close();

    // The restart plays only MD1-2, under the lock taken before.
    const second = new SeasonService(dir, { matches: pool, validations: pool });
    const before = second.store.results().get('MD1-1');
    await second.start();
    expect(second.store.matchday(1)!.state).toBe('played');
    expect(second.store.results().get('MD1-1')).toEqual(before);
    await second.advance();
    const resumed = results(second);
    await second.close();

    const straight = new SeasonService(copy, { matches: pool, validations: pool });
    await straight.start();
    await straight.advance();
    await straight.advance();
    expect(results(straight)).toEqual(resumed);
    expect(resumed).toHaveLength(4);
    await straight.close();
  }, 120_000);
});
