// The per-tick records `inspect` streams: the fast JSON lines are exactly JSON.stringify of the
// records, over whole matches with events, debug output, faults and budget use, for each team filter.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TeamController } from '../../engine/controller.js';
import { inProcessController } from '../../engine/inprocess.js';
import { ReplayReader } from '../../engine/replay/index.js';
import { tickJsonLines, tickRecords, type RecordOptions } from '../../engine/replay/records.js';
import { policy } from '../helpers/match.js';
import { record } from './record.js';

/** Chaser, wrapped: reports a budget (within the test header's 1,000), logs and marks every tick, throws every 25th, a quote in its text. */
function talking(inner: TeamController): TeamController {
  return {
    setup: (i) => inner.setup(i),
    tick(input, commands) {
      const tick = input.object().tick;
      const out = inner.tick(input, commands);
      return {
        ...out,
        budgetUsed: 100 + ((tick * 37) % 500),
        debug: { marks: [{ kind: 'text', x: 1.5, y: -2, text: 'say "hi"\n', color: 'red' }], logs: [`tick ${tick} \u00e9\u2028`] },
        ...(tick % 25 === 5 ? { faults: [{ tick, kind: 'error' as const, message: `oops ${tick}` }] } : {}),
      };
    },
  };
}

function same(reader: ReplayReader, opts: RecordOptions): void {
  const fast = [...tickJsonLines(reader, opts)];
  const plain = [...tickRecords(reader, opts)].map((r) => JSON.stringify(r));
  expect(fast.length).toBe(plain.length);
  for (let i = 0; i < fast.length; i++) if (fast[i] !== plain[i]) expect(fast[i]).toBe(plain[i]);
}

describe('tick records as JSON lines', () => {
  it('equal JSON.stringify of each record, for a format 2 match with everything a tick can hold', async () => {
    const controllers: [TeamController, TeamController] = [talking(inProcessController(await policy('chaser'))), inProcessController(await policy('possession'))];
    const { bytes } = await record('talker', 'possession', { seed: 7, halfTicks: 250 }, { controllers });
    const reader = new ReplayReader(bytes, 'm.mdr');
    expect(reader.version).toBe(2);
    const recs = [...tickRecords(reader)];
    // The match has what the test is about: events, logs, faults, budget on one side only.
    expect(recs.some((r) => r.events.length > 0)).toBe(true);
    expect(recs.some((r) => r.teams.home!.faults.length > 0)).toBe(true);
    expect(recs[9]!.teams.home!.budgetUsed).toBe(100 + ((8 * 37) % 500));
    expect(recs[9]!.teams.away!.budgetUsed).toBeNull();
    for (const team of ['both', 0, 1] as const) same(reader, { team });
    same(reader, { from: 99, to: 303 });
    same(reader, { from: reader.lastTick, to: reader.lastTick + 50, team: 1 });
  });

  it('equal JSON.stringify of each record for the format 1 fixture', () => {
    const file = 'test/fixtures/replays/format1.mdr';
    const reader = new ReplayReader(readFileSync(file), file);
    same(reader, {});
    same(reader, { team: 0, from: 5, to: 60 });
  });

  it('a reader asked to keep rows decodes each segment once, and gives the same lines', () => {
    const file = 'test/fixtures/replays/format1.mdr';
    const bytes = readFileSync(file);
    const kept = new ReplayReader(bytes, file);
    kept.keepRows();
    kept.checkFrames();
    expect(kept.segmentRows(1)).toBe(kept.segmentRows(1));
    const plain = new ReplayReader(bytes, file);
    expect(plain.segmentRows(1)).not.toBe(plain.segmentRows(1));
    expect([...tickJsonLines(kept)]).toEqual([...tickJsonLines(plain)]);
  });
});
