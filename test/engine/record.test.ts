// The match loop's per-tick record: handed once per tick to every listener, and the one source of the team reports.
import { describe, expect, it } from 'vitest';
import type { TeamController } from '../../engine/controller.js';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { MatchListener, MatchTick } from '../../engine/match-record.js';
import { defaultConfig } from '../../engine/setup.js';
import { budgetUse, percentile } from '../../engine/team-report.js';
import { policy } from '../helpers/match.js';

/** A controller that reports a budget, a warning every 10th tick, an error every 25th and a fatal fault at `fatalAt`. */
function scripted(fatalAt: number): TeamController {
  return {
    setup: () => ({ ok: true, faults: [{ tick: 0, kind: 'setup', message: 'slow start' }] }),
    tick(input) {
      const tick = input.object().tick;
      if (tick === fatalAt) return { faults: [{ tick, kind: 'crash', message: 'gone', fatal: true }], budgetUsed: 0 };
      return {
        budgetUsed: tick % 7,
        ...(tick % 10 === 3 ? { warnings: ['bad moveTo'] } : {}),
        ...(tick % 25 === 5 ? { faults: [{ tick, kind: 'error' as const, message: `oops ${tick}` }] } : {}),
        debug: { marks: [{ kind: 'text', x: 1, y: 2, text: 'hi', color: 'red' }], logs: ['x'] },
      };
    },
  };
}

describe('per-tick record', () => {
  it('goes to every listener once per tick, in order, with the hash the result ends on', async () => {
    const config = defaultConfig({ seed: 3, halfTicks: 150, homeName: 'possession', awayName: 'chaser' });
    const seen: Array<{ tick: number; hash: string; events: number }> = [];
    const calls: string[] = [];
    const listener: MatchListener = {
      start: (s) => calls.push(`start ${s.state.tick} ${s.hash}`),
      tick: (r: MatchTick) => seen.push({ tick: r.state.tick, hash: r.hash, events: r.state.events.length }),
      end: (r) => calls.push(`end ${r.ticks}`),
    };
    const other: number[] = [];
    const r = runMatch(config, [inProcessController(await policy('possession')), inProcessController(await policy('chaser'))], {
      listeners: [listener, { tick: (t) => other.push(t.state.tick) }],
    });
    expect(seen.map((s) => s.tick)).toEqual(Array.from({ length: r.ticks }, (_, i) => i + 1));
    expect(other).toEqual(seen.map((s) => s.tick));
    expect(seen.at(-1)!.hash).toBe(r.hash);
    expect(r.checkpoints).toEqual(seen.filter((s) => s.tick % 100 === 0).map((s) => s.hash));
    expect(seen.reduce((n, s) => n + s.events, 0)).toBe(r.events.length);
    expect(calls).toEqual([`start 0 ${calls[0]!.split(' ')[2]}`, `end ${r.ticks}`]);
  });

  it('carries faults, warnings, debug and budget, and the team report is built from exactly those', async () => {
    const config = defaultConfig({ seed: 4, halfTicks: 100, homeName: 'scripted', awayName: 'chaser' });
    const faults: number[] = [];
    const budgets: number[] = [];
    let warned = 0;
    let marks = 0;
    let setupFaults = 0;
    const r = runMatch(config, [scripted(150), inProcessController(await policy('chaser'))], {
      listeners: [
        {
          start: (s) => (setupFaults = s.setupFaults[0].length),
          tick({ teams: [home] }) {
            faults.push(...home.faults.map((f) => f.tick));
            if (home.budgetUsed !== null) budgets.push(home.budgetUsed);
            if (home.warnings.length > 0) warned++;
            marks += home.debug?.marks.length ?? 0;
          },
        },
      ],
    });
    const rep = r.teams[0];
    expect(setupFaults).toBe(1);
    expect(rep.faults.map((f) => f.tick)).toEqual([0, ...faults]);
    expect(rep.faultCount).toBe(1 + faults.length);
    expect(rep.errorTicks).toBe(6); // ticks 5, 30, 55, 80, 105, 130
    expect(rep.sanitisedTicks).toBe(warned);
    expect(rep.warnings).toBe(warned);
    expect(rep.warningSamples).toEqual(['bad moveTo']);
    expect(rep.ticks).toBe(151); // asked at ticks 0..150, frozen after the fatal fault at 150
    expect(rep.frozenFrom).toBe(150);
    expect(rep.debug.marks).toBe(marks);
    expect(rep.debug.marks).toBe(150);
    expect(rep.budget).toEqual(budgetUse(budgets));
    expect(rep.memoryHighWater).toBeNull();
    expect(r.teams[1].ticks).toBe(r.ticks);
  });

  it('a freeze order puts its fault in the record of the tick it starts', async () => {
    const config = defaultConfig({ seed: 5, halfTicks: 60, homeName: 'possession', awayName: 'chaser' });
    const at: number[] = [];
    const r = runMatch(config, [inProcessController(await policy('possession')), inProcessController(await policy('chaser'))], {
      freeze: [{ team: 1, fromTick: 40, reason: 'killed its process' }],
      listeners: [{ tick: ({ state, teams }) => teams[1].faults.length > 0 && at.push(state.tick) }],
    });
    expect(at).toEqual([41]);
    expect(r.teams[1].frozenFrom).toBe(40);
    expect(r.teams[1].ticks).toBe(40);
  });
});

describe('the one percentile rule', () => {
  it('is nearest rank', () => {
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([1, 2], 0.5)).toBe(1);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(budgetUse([5, 1, 9, 3])).toEqual({ median: 3, p99: 9, max: 9 });
  });
});
