import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMatchConfigFile } from '../../tournament/match-config.js';
import { parseCupConfig, type CupConfig } from '../../tournament/config.js';
import { CupDir } from '../../tournament/cupdir.js';
import { runCup } from '../../tournament/scheduler.js';
import { matchSeed } from '../../tournament/seeds.js';
import type { CupMatchJob, PlayFn } from '../../tournament/types.js';
import { fakePlay, newLog } from './fake-play.js';

const root = mkdtempSync(join(tmpdir(), 'cup-'));
let k = 0;
const out = () => join(root, `run${k++}`);

function config(raw: object): CupConfig {
  return parseCupConfig({ name: 'test cup', seed: 77, ...raw }, join(root, 'cup.json'), root);
}
const teams = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `Team ${i}`, policy: `builtin:direct`, separation: `m${i % 4}` }));
const wc16 = () => config({ format: { type: 'worldcup' }, teams: teams(16) });

const journal = (dir: string) => new CupDir(dir).readJournal();

describe('runCup', () => {
  it('plays the 16-team World Cup: 31 matches, a champion, a report that reproduces every match', async () => {
    const dir = out();
    const jobs: CupMatchJob[] = [];
    const base = fakePlay();
    const { report } = await runCup({ config: wc16(), outDir: dir, play: (j) => (jobs.push(j), base(j)), engineVersion: 'e1' });
    expect(report.matches).toBe(31);
    expect(report.results.map((m) => m.id).slice(-7)).toEqual(['QF1', 'QF2', 'QF3', 'QF4', 'SF1', 'SF2', 'F']);
    expect(report.champion).toMatch(/^t\d+$/);
    expect(report.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.ratings.ratings).toHaveLength(16);
    for (const r of report.ratings.ratings) expect(r.low! <= r.rating && r.rating <= r.high!).toBe(true);
    for (const m of report.results) {
      expect(m.seed).toBe(matchSeed(77, m.id));
      expect(m.command).toBe(`matchday play builtin:direct builtin:direct --seed ${m.seed} --config ${join(dir, 'configs', `${m.id}.json`)}`);
      const file = JSON.parse(readFileSync(m.config, 'utf8')) as unknown;
      // The team names are in the file too: they key the random streams, so reproducing needs them.
      const names = { homeName: report.teams.find((t) => t.id === m.home)!.name, awayName: report.teams.find((t) => t.id === m.away)!.name };
      expect(parseMatchConfigFile(file, m.config)).toEqual({ seed: m.seed, ...names, halfTicks: 3000, extraTime: m.stage === 'knockout', extraTimeTicks: 1000, shootout: m.stage === 'knockout' });
    }
    expect(new Set(report.results.map((m) => m.seed)).size).toBe(31);
    // Group matches are plain; knockout matches ask for extra time and a shoot-out.
    for (const j of jobs) {
      const ko = !j.matchId.startsWith('G-');
      expect(j.settings).toMatchObject({ extraTime: ko, shootout: ko });
    }
    const final = report.results.find((m) => m.id === 'F')!;
    expect(report.champion).toBe(final.winner === 'home' ? final.home : final.away);
    for (const f of ['cup.json', 'draw.json', 'state.json', 'journal.ndjson', 'report.json', 'report.md']) expect(existsSync(join(dir, f))).toBe(true);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('## Group D');
    // The draw respects the separation key: one team per maker per group.
    for (const g of report.draw!.groups) expect(new Set(g.teams.map((id) => Number(id.slice(1)) % 4)).size).toBe(4);
  });

  it('gives the same results with 1 and 2 workers and any completion order', async () => {
    const a = await runCup({ config: wc16(), outDir: out(), workers: 1, play: fakePlay({ delaySeed: 'x', maxDelayMs: 4 }) });
    const log = newLog();
    const dir2 = out();
    const b = await runCup({ config: wc16(), outDir: dir2, workers: 2, play: fakePlay({ delaySeed: 'y', maxDelayMs: 8, log }) });
    const dir3 = out();
    const c = await runCup({ config: wc16(), outDir: dir3, workers: 5, play: fakePlay({ delaySeed: 'z', maxDelayMs: 8 }) });
    expect(b.report.hash).toBe(a.report.hash);
    expect(c.report.hash).toBe(a.report.hash);
    expect(b.report.results).toEqual(a.report.results.map((m) => ({ ...m, command: m.command.replace(/--config \S+/, `--config ${join(dir2, 'configs', `${m.id}.json`)}`), config: join(dir2, 'configs', `${m.id}.json`), replay: join(dir2, 'replays', `${m.id}.mdr`) })));
    expect(b.report.summary).toEqual(a.report.summary);
    expect(log.maxConcurrent).toBe(2);
    // The runs really finished matches in different orders, and two workers took part.
    const order = (d: string) => journal(d).filter((e) => e.ev === 'finish').map((e) => e.matchId).join();
    expect(order(dir2)).not.toBe(order(dir3));
    expect(new Set(journal(dir2).filter((e) => e.ev === 'finish').map((e) => e.pid)).size).toBe(2);
  });

  it('resumes after a crash at several points with the same hash, never replaying a finished match', async () => {
    const cfg = wc16();
    const whole = await runCup({ config: cfg, outDir: out(), workers: 2, play: fakePlay() });
    for (const crashAt of [1, 9, 23, 30]) {
      const dir = out();
      const ctl = new AbortController();
      await expect(
        runCup({ config: cfg, outDir: dir, workers: 2, play: fakePlay({ delaySeed: `c${crashAt}`, maxDelayMs: 3 }), signal: ctl.signal, onProgress: (p) => p.done >= crashAt && ctl.abort() }),
      ).rejects.toThrow(/aborted/);
      const finished = new Set(journal(dir).filter((e) => e.ev === 'finish').map((e) => e.matchId!));
      expect(finished.size).toBeGreaterThanOrEqual(crashAt);
      expect(finished.size).toBeLessThan(31);
      const log = newLog();
      const resumed = await runCup({ config: cfg, outDir: dir, resume: true, workers: 2, play: fakePlay({ delaySeed: `r${crashAt}`, maxDelayMs: 3, log }) });
      expect(resumed.report.hash).toBe(whole.report.hash);
      expect(log.calls.filter((id) => finished.has(id))).toEqual([]);
      expect(resumed.skipped.sort()).toEqual([...finished].sort());
      const finishes = journal(dir).filter((e) => e.ev === 'finish').map((e) => e.matchId);
      expect(finishes).toHaveLength(31);
      expect(new Set(finishes).size).toBe(31);
    }
  });

  it('refuses to start over an existing cup, and to resume when a policy or the engine changed', async () => {
    const policy = join(root, 'p.js');
    writeFileSync(policy, 'v1');
    const cfg = config({ format: { type: 'knockout' }, teams: [...teams(3), { id: 'mine', policy: 'p.js' }] });
    const dir = out();
    await runCup({ config: cfg, outDir: dir, play: fakePlay(), engineVersion: 'e1' });
    await expect(runCup({ config: cfg, outDir: dir, play: fakePlay(), engineVersion: 'e1' })).rejects.toThrow(/already holds a cup.*--resume/);
    await expect(runCup({ config: cfg, outDir: dir, resume: true, play: fakePlay(), engineVersion: 'e2' })).rejects.toThrow(/engine version changed: e1 -> e2/);
    writeFileSync(policy, 'v2');
    await expect(runCup({ config: cfg, outDir: dir, resume: true, play: fakePlay(), engineVersion: 'e1' })).rejects.toThrow(/team mine policy file changed/);
    writeFileSync(policy, 'v1');
    const log = newLog();
    const again = await runCup({ config: cfg, outDir: dir, resume: true, workers: 4, play: fakePlay({ log }), engineVersion: 'e1' });
    expect(log.calls).toEqual([]); // nothing left to play; a different worker count is fine
    expect(again.report.matches).toBe(3);
  });

  it('finishes the cup when a team cannot start: it forfeits 0-3 and the report says why', async () => {
    const forfeits = new Map([['t5', 'policy does not compile: SyntaxError at line 3']]);
    const { report } = await runCup({ config: wc16(), outDir: out(), workers: 2, play: fakePlay({ forfeits }) });
    const theirs = report.results.filter((m) => m.home === 't5' || m.away === 't5');
    expect(theirs.length).toBeGreaterThanOrEqual(3);
    for (const m of theirs) expect(m.score).toEqual(m.home === 't5' ? [0, 3] : [3, 0]);
    const group = report.summary.groups!.find((g) => g.teams.includes('t5'))!;
    expect(group.table.at(-1)).toMatchObject({ team: 't5', pts: 0, ga: 9 });
    expect(report.champion).not.toBe('t5');
  });

  it('stops on a match that cannot be played, keeps what finished, and resumes to the same end', async () => {
    const cfg = config({ format: { type: 'league' }, teams: teams(6) });
    const whole = await runCup({ config: cfg, outDir: out(), play: fakePlay() });
    const dir = out();
    const good = fakePlay();
    const broken: PlayFn = async (job) => {
      if (job.matchId === 'MD3-2') throw new Error('child died twice');
      return good(job);
    };
    await expect(runCup({ config: cfg, outDir: dir, workers: 2, play: broken })).rejects.toThrow(/MD3-2.*child died twice/);
    expect(new CupDir(dir).readResults().size).toBeGreaterThan(0);
    const resumed = await runCup({ config: cfg, outDir: dir, resume: true, play: fakePlay() });
    expect(resumed.report.hash).toBe(whole.report.hash);
  });

  const formats: Array<[string, object, number]> = [
    ['league, double round robin, 5 teams', { format: { type: 'league', double: true }, teams: teams(5) }, 20],
    ['knockout with byes and a third-place match', { format: { type: 'knockout' }, thirdPlace: true, teams: teams(6) }, 6],
    ['knockout, two legs per tie', { format: { type: 'knockout' }, repeats: 2, teams: teams(4) }, -1],
    ['swiss, 9 teams, 4 rounds', { format: { type: 'swiss', rounds: 4 }, teams: teams(9) }, 16],
    ['world cup, 8 teams, third place, 2022 tie-breakers', { format: { type: 'worldcup' }, teams: teams(8), thirdPlace: true, tieBreakers: '2022' }, 16],
    ['world cup, 32 teams', { format: { type: 'worldcup' }, teams: teams(32) }, 63],
    ['league played twice per pairing', { format: { type: 'league' }, repeats: 2, teams: teams(4) }, 12],
  ];
  for (const [name, raw, count] of formats) {
    it(`${name}: completes, same hash with 1 and 3 workers`, async () => {
      const cfg = config(raw);
      const a = await runCup({ config: cfg, outDir: out(), workers: 1, play: fakePlay({ delaySeed: 'p', maxDelayMs: 3 }) });
      const b = await runCup({ config: cfg, outDir: out(), workers: 3, play: fakePlay({ delaySeed: 'q', maxDelayMs: 3 }) });
      expect(a.report.champion).not.toBeNull();
      expect(b.report.hash).toBe(a.report.hash);
      if (count >= 0) expect(a.report.matches).toBe(count);
      const ids = a.report.results.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  }

  it('swiss never pairs a rematch and gives each bye to a different team', async () => {
    const { report } = await runCup({ config: config({ format: { type: 'swiss', rounds: 5 }, teams: teams(7) }), outDir: out(), play: fakePlay() });
    const pairs = report.results.map((m) => [m.home, m.away].sort().join('-'));
    expect(new Set(pairs).size).toBe(pairs.length);
    const byes = report.summary.swissRounds!.map((r) => r.bye);
    expect(new Set(byes).size).toBe(5);
    // A bye counts as a win.
    const row = report.summary.table!.find((r) => r.team === byes[0])!;
    expect(row.played).toBe(5);
  });
});
