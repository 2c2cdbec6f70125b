// `matchday inspect`: a replay as data. Every tick once, in order, the same positions the reader decodes,
// each team's own debug lines and faults at their tick, and a CSV whose columns are the documented ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayReader } from '../../engine/replay/index.js';
import { CSV_COLUMNS, type TickRecord } from '../../engine/replay/records.js';
import { budgetUse } from '../../engine/team-report.js';

function cli(...args: string[]) {
  return spawnSync('node', ['bin/matchday.mjs', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

// Logs its tick every tick, marks the ball, and throws on tick 20: its record at 20 carries the fault.
const TALKER = `
export function tick(obs) {
  console.log('tick ' + obs.tick);
  debug.dot(obs.ball.x, obs.ball.y, 'red');
  if (obs.tick === 20) throw new Error('planned fault');
  return obs.own.map(() => ({ moveTo: { x: obs.ball.x, y: obs.ball.y } }));
}
`;

let dir = '';
let replay = '';
let reader: ReplayReader;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'matchday-inspect-'));
  writeFileSync(join(dir, 'talker.js'), TALKER);
  replay = join(dir, 'm.mdr');
  const r = cli('play', join(dir, 'talker.js'), 'builtin:chaser', '--seed', '4', '--half-ticks', '40', '--out', replay);
  expect(r.status, r.stderr).toBe(0);
  reader = new ReplayReader(readFileSync(replay), replay);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (out: string): TickRecord[] => out.trimEnd().split('\n').map((l) => JSON.parse(l) as TickRecord);

describe('matchday inspect', () => {
  it('streams one JSON record per tick, in order, matching the decoded frames', () => {
    const r = cli('inspect', replay);
    expect(r.status, r.stderr).toBe(0);
    const recs = lines(r.stdout);
    expect(recs.map((x) => x.tick)).toEqual(Array.from({ length: reader.lastTick + 1 }, (_, i) => i));
    for (const t of [0, 17, reader.lastTick]) {
      const f = reader.frameAt(t);
      expect(recs[t]!.ball).toEqual(f.ball);
      expect(recs[t]!.players.map((p) => [p.x, p.y])).toEqual(f.players.map((p) => [p.x, p.y]));
      expect(recs[t]!.score).toEqual(f.score);
    }
    expect(recs[0]!.mode).toBe('kickoff');
    expect(recs.at(-1)!.score).toEqual(reader.footer.score);
    // A current replay (format 2) records budget use: no note, and every tick's figure.
    expect(r.stderr).toBe('');
  });

  it("gives each team's budget use per tick: the figures the footer's report summarises", () => {
    const recs = lines(cli('inspect', replay).stdout);
    // Frame 0 is the kick-off position, before any policy call.
    expect(recs[0]!.teams.home!.budgetUsed).toBeNull();
    for (const t of [0, 1] as const) {
      const side = t === 0 ? 'home' : 'away';
      const used = recs.slice(1).map((x) => x.teams[side]!.budgetUsed);
      expect(used.every((u) => Number.isInteger(u) && u! >= 0)).toBe(true);
      expect(budgetUse(used as number[])).toEqual(reader.footer.teams[t].budget);
    }
    // The talker logs and marks each tick and chaser does not: their work differs.
    expect(recs[10]!.teams.home!.budgetUsed).not.toBe(recs[10]!.teams.away!.budgetUsed);
  });

  it("carries each team's debug lines and faults at their tick; --team keeps one side", () => {
    const r = cli('inspect', replay, '--from', '15', '--to', '25', '--team', 'home');
    expect(r.status, r.stderr).toBe(0);
    const recs = lines(r.stdout);
    expect(recs.map((x) => x.tick)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    for (const x of recs) expect(Object.keys(x.teams)).toEqual(['home']);
    // The policy logs the observation's tick; the frame after it carries the line.
    expect(recs.some((x) => x.teams.home!.logs.some((l) => /^tick \d+$/.test(l)))).toBe(true);
    expect(recs.every((x) => x.teams.home!.marks.length <= 1)).toBe(true);
    const faulted = recs.filter((x) => x.teams.home!.faults.length > 0);
    expect(faulted.map((x) => x.teams.home!.faults[0]!.message)).toEqual([expect.stringContaining('planned fault')]);
    // The same team by name, and the other side has no faults.
    const byName = lines(cli('inspect', replay, '--from', '15', '--to', '25', '--team', 'talker').stdout);
    expect(byName).toEqual(recs);
    const away = lines(cli('inspect', replay, '--from', '15', '--to', '25', '--team', 'away').stdout);
    expect(away.every((x) => x.teams.away!.faults.length === 0 && x.teams.home === undefined)).toBe(true);
  });

  it('writes CSV with the documented columns, one row per tick', () => {
    const r = cli('inspect', replay, '--format', 'csv', '--to', '9');
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(CSV_COLUMNS).toHaveLength(7 + 44);
    expect(rows).toHaveLength(11);
    const f = reader.frameAt(9);
    const last = rows[10]!.split(',');
    expect(last.length).toBe(CSV_COLUMNS.length);
    expect(last.slice(0, 7)).toEqual(['9', 'kickoff', '0', '0', String(f.ball.x), String(f.ball.y), String(f.ball.z)].map((v, i) => (i === 1 ? last[1]! : v)));
    expect(Number(last[7 + 2 * 13])).toBe(f.players[13]!.x);
  });

  it('refuses bad options with one line naming the problem', () => {
    const bad = [
      [['--format', 'xml'], /--format must be jsonl or csv/],
      [['--team', 'brazil'], /--team must be home, away or a team of .*'talker'/],
      [['--from', '999999'], /ends at tick/],
      [['--from', '50', '--to', '10'], /--from 50 is after --to 10/],
    ] as const;
    for (const [args, message] of bad) {
      const r = cli('inspect', replay, ...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error/);
    }
    const missing = cli('inspect', join(dir, 'nope.mdr'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.mdr: no such replay file');
  });
});
