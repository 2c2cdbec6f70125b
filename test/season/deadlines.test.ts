// Deadlines: the host fires them on a timer, a deadline missed while it was down fires at start, and
// `season new` keeps tokens in a 0600 file and only their hashes elsewhere.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSeason } from '../../season/create.js';
import { SeasonService } from '../../season/service.js';
import type { MatchRunner } from '../../tournament/runner/cup-play.js';
import { MatchPool } from '../../tournament/runner/pool.js';

/** No team ever submits here, so every match is a double forfeit and nothing may reach a runner. */
const NO_RUNNER: MatchRunner = { run: () => Promise.reject(new Error('no match should be played')) };

function season(startMs: number, everyMs: number) {
  const dir = join(mkdtempSync(join(tmpdir(), 'md-deadline-')), 's');
  const s = createSeason(dir, { name: 't', seed: 3, teams: ['A', 'B', 'C', 'D'], format: { type: 'league' }, start: new Date(startMs).toISOString(), everyMs, halfTicks: 100 });
  return { dir, s };
}

const until = async (f: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !f(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('season deadlines', () => {
  it('fires a deadline missed while the host was down as soon as it starts, and waits for the next one', async () => {
    const t0 = Date.parse('2026-12-01T12:00:00Z');
    const { dir } = season(t0, 3_600_000);
    let now = t0 + 30 * 60_000; // half an hour after the first deadline, before the second
    const svc = new SeasonService(dir, { matches: NO_RUNNER, validations: NO_RUNNER, now: () => now });
    await svc.start();
    await until(() => svc.store.matchday(1)?.state === 'played');
    expect(svc.store.matchdays().map((m) => m.state)).toEqual(['played', 'open', 'open']);
    expect(svc.store.matchday(1)!.deadline_ms).toBe(t0);
    // Nobody ever submitted: both sides of each match forfeit.
    for (const m of svc.status().matchdays[0]!.matches) expect(m.forfeit).toEqual({ home: expect.any(String), away: expect.any(String) });
    await svc.close();

    // A restart after the second deadline plays matchday 2 (and only it: the third is still ahead).
    now = t0 + 100 * 60_000;
    const again = new SeasonService(dir, { matches: NO_RUNNER, validations: NO_RUNNER, now: () => now });
    await again.start();
    await until(() => again.store.matchday(2)?.state === 'played');
    expect(again.store.matchdays().map((m) => m.state)).toEqual(['played', 'played', 'open']);
    await again.close();
  });

  it('fires a deadline on the timer while the host runs', async () => {
    const t0 = Date.now() + 300;
    const { dir } = season(t0, 3_600_000);
    const svc = new SeasonService(dir, { matches: NO_RUNNER, validations: NO_RUNNER });
    await svc.start();
    expect(svc.store.matchday(1)!.state).toBe('open');
    await until(() => svc.store.matchday(1)?.state === 'played');
    expect(svc.store.matchday(1)!.state).toBe('played');
    await svc.close();
  });

  it('writes tokens only to a 0600 tokens.json; season.json and the database hold hashes', async () => {
    const { dir, s } = season(Date.now() + 3_600_000, 3_600_000);
    expect(statSync(join(dir, 'tokens.json')).mode & 0o777).toBe(0o600);
    const cfg = readFileSync(join(dir, 'season.json'), 'utf8');
    expect(cfg).not.toContain(s.tokens.admin);
    expect(s.tokens.admin).toMatch(/^md_[0-9a-f]{64}$/);
    const svc = new SeasonService(dir, { matches: NO_RUNNER, validations: NO_RUNNER });
    expect(svc.authenticate(s.tokens.teams.B!)).toEqual({ role: 'team', team: 'B' });
    expect(svc.authenticate(s.tokens.admin)).toEqual({ role: 'admin' });
    expect(svc.authenticate(s.tokens.admin + '0')).toBeNull();
    await svc.close();
    expect(readFileSync(join(dir, 'season.sqlite')).includes(Buffer.from(s.tokens.admin))).toBe(false);
    expect(() => createSeason(dir, { name: 't', seed: 1, teams: ['A', 'B'], format: { type: 'league' }, start: null, everyMs: null })).toThrow(/already exists/);
  });

  it('a deadline waits for a validation still running on a submission received before it, then locks that submission', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'md-deadline-')), 's');
    createSeason(dir, { name: 't', seed: 3, teams: ['A', 'B', 'C', 'D'], format: { type: 'league' }, start: null, everyMs: null, halfTicks: 20, validateHalfTicks: 20 });
    const pool = new MatchPool(1);
    // Validations wait at a gate the test opens, so the deadline certainly fires while A's is running.
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let validating = 0;
    const gated: MatchRunner = { run: async (job, hooks) => (validating++, await gate, pool.run(job, hooks)) };
    const svc = new SeasonService(dir, { matches: pool, validations: gated });
    try {
      await svc.start();
      const submitted = svc.submit('A', 'a.js', Buffer.from(readFileSync('policies/chaser.js')));
      await until(() => validating === 1);
      const advanced = svc.advance();
      await new Promise((r) => setTimeout(r, 300));
      // The deadline has fired but the matchday is not locked: A's validation is still running.
      expect(svc.store.matchday(1)!.state).toBe('open');
      open();
      expect((await submitted).status).toBe('valid');
      expect(await advanced).toBe(1);
      const md1 = svc.status().matchdays[0]!;
      expect(md1.state).toBe('played');
      const a = md1.matches.find((m) => m.home === 'A' || m.away === 'A')!;
      // A played with its version 1; its opponent, who never submitted, forfeited.
      expect(a.versions[a.home === 'A' ? 'home' : 'away']).toBe(1);
      expect(a.forfeit).toEqual({ home: a.home === 'A' ? null : expect.any(String), away: a.away === 'A' ? null : expect.any(String) });
    } finally {
      open();
      await svc.close();
      await pool.close();
    }
  });
});
