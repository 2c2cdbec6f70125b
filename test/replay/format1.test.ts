// Replays written in format 1 (before per-tick budget use was stored) stay readable: the reader,
// the re-encoder, `inspect` and `verify` all take the fixture written by the format 1 writer, and
// say what it lacks instead of inventing it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReplayReader, rewriteReplay } from '../../engine/replay/index.js';
import type { TickRecord } from '../../engine/replay/records.js';
import { cli } from './verify-helpers.js';

const FIXTURE = 'test/fixtures/replays/format1.mdr';
const bytes = readFileSync(FIXTURE);

describe('a format 1 replay', () => {
  it('reads, with every frame saying it recorded no budget use, and its footer report intact', () => {
    const r = new ReplayReader(bytes, FIXTURE);
    r.checkFrames();
    expect(r.version).toBe(1);
    expect(r.header.format).toBe(1);
    expect(r.lastTick).toBe(200);
    for (let t = 0; t <= r.lastTick; t++) expect(r.frameAt(t).budget).toEqual([null, null]);
    // The footer's budget figures were always there; only the per-tick values are missing.
    expect(r.footer.teams[0].budget).not.toBeNull();
    expect(r.frameAt(7).faults[0].length + r.footer.teams[0].faults.length).toBeGreaterThan(0);
  });

  it('re-encodes to format 1 with the same header, frames and footer (the writer still writes format 1 for an old header)', () => {
    // Not byte for byte: the fixture was compressed at deflate level 9, the writer now uses DEFLATE_LEVEL (6).
    const r = new ReplayReader(bytes, FIXTURE);
    const again = rewriteReplay(r);
    const back = new ReplayReader(again, 're-encoded');
    back.checkFrames();
    expect(back.version).toBe(1);
    expect(back.header).toEqual(r.header);
    expect(back.footer).toEqual(r.footer);
    expect(back.lastTick).toBe(r.lastTick);
    for (let t = 0; t <= r.lastTick; t++) expect(back.frameAt(t)).toEqual(r.frameAt(t));
    // Re-encoding is itself deterministic: the same bytes a second time.
    expect(Buffer.from(rewriteReplay(back)).equals(Buffer.from(again))).toBe(true);
  });

  it('inspect streams it with budgetUsed null and one note on stderr', async () => {
    const r = await cli('inspect', FIXTURE, '--to', '60');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`note: ${FIXTURE}: this replay (format 1) does not record budget use; every budgetUsed is null\n`);
    const recs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as TickRecord);
    expect(recs).toHaveLength(61);
    for (const x of recs) expect([x.teams.home!.budgetUsed, x.teams.away!.budgetUsed]).toEqual([null, null]);
    // What format 1 did record still comes through: sloppy's fault at tick 7 and its marks.
    expect(recs[7]!.teams.home!.faults.map((f) => f.message)).toEqual([expect.stringContaining('oops at 7')]);
    expect(recs.some((x) => x.teams.home!.marks.length > 0)).toBe(true);
  });

  it('verifies: the re-simulation (format 2) is compared on everything format 1 recorded', async () => {
    const r = await cli('verify', FIXTURE);
    expect(r.stdout).toMatch(/^verified: test\/fixtures\/replays\/format1\.mdr: all 2 checkpoints and 201 frames match/);
    expect(r.code).toBe(0);
  });
});
