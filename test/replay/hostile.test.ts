// Crafted replays, CRCs fixed after editing: the reader refuses each with one message naming the
// file and the field, before allocating or decoding anything the lie asks for.
import { deflateSync, inflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ByteReader } from '../../engine/replay/bytes.js';
import { LIMITS, SEGMENT_TICKS } from '../../engine/replay/format.js';
import { encodeBlock } from '../../engine/replay/blocks.js';
import { CHANNELS, MAX_BUDGET_USED, STATE_CHANNELS } from '../../engine/replay/channels.js';
import { KIND_SEGMENT } from '../../engine/replay/format.js';
import { decodeSegment, ReplayError, ReplayReader } from '../../engine/replay/index.js';
import { isPlainFileName } from '../../engine/replay/schema.js';
import { MAX_BUDGET } from '../../sandbox/limits.js';
import { assemble, copyParts, disassemble, headerOf, setSegmentField, withHeader, withRows, type Parts } from './mutate.js';
import { record } from './record.js';

let bytes: Uint8Array;
let parts: Parts;

beforeAll(async () => {
  bytes = (await record('fixture:golden', 'chaser', { seed: 2, halfTicks: 100 })).bytes;
  parts = disassemble(bytes);
});

/** The ReplayError for these bytes, once every frame is decoded too (fails if there is none, or another error). */
function refusal(b: Uint8Array): ReplayError {
  try {
    new ReplayReader(b, 'crafted.mdr').checkFrames();
  } catch (e) {
    if (e instanceof ReplayError) return e;
    throw e;
  }
  throw new Error('the reader accepted the crafted replay');
}

describe('the helper', () => {
  it('takes a replay apart and puts it back byte for byte', () => {
    expect(assemble(parts)).toEqual(bytes);
    expect(withHeader(bytes, () => undefined)).toEqual(bytes);
  });
});

describe('a crafted header is refused', () => {
  it.each([
    ['traversal', '../../../../../some/dir/pwned.js'],
    ['absolute', '/tmp/pwned.js'],
    ['empty', ''],
    ['NUL', 'pwn\u0000ed.js'],
    ['backslash', '..\\..\\pwned.js'],
    ['dot-dot', '..'],
    ['escape codes', '\u001b[2Jx.js'],
    ['no policy extension', 'pwned.sh'],
    ['too long', `${'a'.repeat(300)}.js`],
  ])('a file name that is not a plain policy file name (%s)', (_, name) => {
    const e = refusal(withHeader(bytes, (h) => (h.teams[0].file = name)));
    expect(e.problem).toBe('invalid');
    expect(e.message).toMatch(/^crafted\.mdr: invalid header: teams\[0\]\.file: must be a plain file name/);
  });

  it('accepts the plain names the writer stores', () => {
    for (const ok of ['golden.js', 'my-team_2.TS', 'a.b.mjs', 'x.mts', '.hidden.js']) expect(isPlainFileName(ok)).toBe(true);
  });

  it.each([
    ['halfTicks', 1e9],
    ['halfTicks', -5],
    ['halfTicks', 1.5],
    ['halfTicks', '300'],
    ['extraTimeTicks', 1e9],
    ['extraTimeTicks', 0],
  ])('config.%s = %s', (field, value) => {
    const e = refusal(withHeader(bytes, (h) => (h.config[field] = value)));
    expect(e.problem).toBe('invalid');
    expect(e.message).toMatch(new RegExp(`^crafted\\.mdr: invalid header: config\\.${field}: `));
  });

  it('a config field the command line does not know, or one missing', () => {
    expect(refusal(withHeader(bytes, (h) => (h.config.extra = 1))).message).toMatch(/invalid header: config: /);
    expect(refusal(withHeader(bytes, (h) => delete h.config.shootout)).message).toMatch(/invalid header: config\.shootout: /);
  });

  it('a negative, fractional or too large seed, and a seed that differs from the config', () => {
    for (const seed of [-1, 1.5, 2 ** 32]) {
      const e = refusal(withHeader(bytes, (h) => {
        h.seed = seed;
        h.config.seed = seed;
      }));
      expect(e.message).toMatch(/^crafted\.mdr: invalid header: (config\.)?seed: /);
    }
    expect(refusal(withHeader(bytes, (h) => (h.seed = 3))).message).toMatch(/invalid header: seed: differs from config\.seed/);
  });

  it('a team name of a megabyte is refused without being quoted', () => {
    const big = 'A'.repeat(1_000_000);
    for (const edit of [(h: Record<string, any>) => (h.teams[1].name = big), (h: Record<string, any>) => (h.config.awayName = big)]) {
      const e = refusal(withHeader(bytes, edit));
      expect(e.message).toMatch(/invalid header: (teams\[1\]\.name|config\.awayName): /);
      expect(e.message.length).toBeLessThan(300);
    }
  });

  it('a budget that is not a set of numbers', () => {
    expect(refusal(withHeader(bytes, (h) => (h.budget = { tickBudget: 'lots' }))).message).toMatch(/invalid header: budget\.tickBudget: /);
    expect(refusal(withHeader(bytes, (h) => (h.budget = [1, 2]))).message).toMatch(/invalid header: budget: /);
    expect(refusal(withHeader(bytes, (h) => (h.budget = 'x'))).message).toMatch(/invalid header: budget: /);
  });

  it('a source larger than any policy, a bad sha256, other segment sizes', () => {
    expect(refusal(withHeader(bytes, (h) => (h.teams[0].source = 'x'.repeat(LIMITS.sourceChars + 1)))).message).toMatch(/teams\[0\]\.source: /);
    expect(refusal(withHeader(bytes, (h) => (h.teams[0].sha256 = '../x'))).message).toMatch(/teams\[0\]\.sha256: /);
    expect(refusal(withHeader(bytes, (h) => (h.segmentTicks = 1e9))).message).toMatch(/invalid header: segmentTicks: /);
    expect(refusal(withHeader(bytes, (h) => (h.checkpointEvery = 0))).message).toMatch(/invalid header: checkpointEvery: /);
  });

  it('halves longer than the frames the file holds (a re-simulation would run past them)', () => {
    const e = refusal(withHeader(bytes, (h) => (h.config.halfTicks = 5000)));
    expect(e.message).toBe("crafted.mdr: invalid: the header's config has 5000 ticks a half, but the match recorded only 200 ticks in all");
  });

  it('a header that inflates past its bound is refused while inflating', () => {
    const p = copyParts(parts);
    // 40 MB of JSON in ~40 KB of deflate: the reader stops at its bound instead of building the string.
    const json = new TextEncoder().encode(`{"pad":"${'x'.repeat(LIMITS.jsonBlockBytes + 8_000_000)}"}`);
    p.header = deflateSync(json, { level: 9 });
    const e = refusal(assemble(p));
    expect(e.message).toBe(`crafted.mdr: invalid: the header decompresses to more than ${LIMITS.jsonBlockBytes} bytes`);
  });
});

describe('crafted lengths are checked against the file before they are trusted', () => {
  it('a segment body length of 0xFFFFFFFF', () => {
    const p = copyParts(parts);
    p.segments[1] = setSegmentField(p.segments[1]!, 'bodyLength', 0xffffffff);
    const e = refusal(assemble(p));
    expect(e.problem).toBe('corrupt');
    expect(e.message).toMatch(/^crafted\.mdr: corrupt: segment 1 claims a body of 4294967295 bytes, more than its \d+ compressed bytes can hold$/);
  });

  it('a body length a little off either way', () => {
    for (const delta of [-1, 1]) {
      const p = copyParts(parts);
      const len = new DataView(p.segments[0]!.buffer, p.segments[0]!.byteOffset).getUint32(20, true);
      p.segments[0] = setSegmentField(p.segments[0]!, 'bodyLength', len + delta);
      expect(refusal(assemble(p)).message).toMatch(/crafted\.mdr: corrupt: segment 0 decompresses to (more than|\d+) bytes, its prefix says/);
    }
  });

  it('a frame count of 0xFFFFFFFF or 0, even when the index agrees', () => {
    for (const n of [0xffffffff, 0, SEGMENT_TICKS + 2]) {
      const p = copyParts(parts);
      p.segments[1] = setSegmentField(p.segments[1]!, 'frameCount', n);
      const e = refusal(assemble(p));
      expect(e.message).toMatch(new RegExp(`^crafted\\.mdr: corrupt: segment 1 claims ${n} frames`));
    }
  });

  it('index entries and the trailer pointing anywhere', () => {
    const cases: Array<[Parameters<typeof assemble>[1], RegExp]> = [
      [{ trailerOffset: () => 0xffffffff }, /corrupt: the trailer points outside the file/],
      [{ trailerOffset: (at) => at - 3 }, /crafted\.mdr: corrupt: /],
      [{ patchIndex: (e) => ({ ...e, footer: 0xfffffff0 }) }, /corrupt: the index places the footer wrongly/],
      [{ patchIndex: (e) => ({ ...e, segments: e.segments.map((s, i) => (i === 1 ? { ...s, offset: 0xfffffff0 } : s)) }) }, /corrupt: the index points segment 1 outside the file/],
      [{ patchIndex: (e) => ({ ...e, segments: [] }) }, /crafted\.mdr: corrupt: /],
    ];
    for (const [opts, message] of cases) expect(refusal(assemble(parts, opts)).message).toMatch(message);
  });

  it('a segment body whose extras are not what the writer writes', () => {
    const p = copyParts(parts);
    // Re-deflate segment 0's body with its extras replaced by a list holding a bare null.
    const seg = p.segments[0]!;
    const view = new DataView(seg.buffer, seg.byteOffset);
    const body = new Uint8Array(view.getUint32(20, true));
    inflateSync(seg.subarray(24), { out: body });
    // Body: uvar channels, uvar residual length, the residuals, then the extras' JSON.
    const r = new ByteReader(body);
    r.uvar();
    r.bytes(r.uvar());
    const at = r.pos;
    expect(new TextDecoder().decode(body.subarray(at, at + 2))).toBe('[{');
    const forged = new Uint8Array([...body.subarray(0, at), ...new TextEncoder().encode('[null]')]);
    const payload = new Uint8Array([...seg.subarray(0, 24), ...deflateSync(forged)]);
    p.segments[0] = setSegmentField(payload, 'bodyLength', forged.length);
    expect(refusal(assemble(p)).message).toMatch(/^crafted\.mdr: corrupt: segment 0 has malformed extras \(\[0\]: /);
  });
});

describe('footer', () => {
  it('a malformed score, winner or checkpoint list', () => {
    const edits: Array<[(f: Record<string, any>) => void, RegExp]> = [
      [(f) => (f.score = [-1, 0]), /invalid footer: score\[0\]: /],
      [(f) => (f.winner = '<script>'), /invalid footer: winner: /],
      [(f) => f.checkpoints.pop(), /invalid footer: checkpoints: do not match the number of ticks/],
      [(f) => (f.stats.teams[0].goals = 'x'), /invalid footer: stats\.teams\[0\]\.goals: /],
    ];
    for (const [edit, message] of edits) {
      const p = copyParts(parts);
      edit(p.footer as Record<string, any>);
      expect(refusal(assemble(p)).message).toMatch(message);
    }
  });

  it('the header helper edits only the header', () => {
    const p = copyParts(parts);
    headerOf(p).engine = 'x';
    expect(new ReplayReader(assemble(p), 'x').header.engine).toBe('x');
  });
});

describe('per-tick budget use (format 2) is bounded', () => {
  const G = CHANNELS - 2;

  it('the helper re-encodes a segment unchanged byte for byte', () => {
    expect(withRows(parts.segments[1]!, () => undefined)).toEqual(parts.segments[1]);
  });

  it('a value within the recorded tick budget reads back; one past it, below -1 or past 2^30 is refused', () => {
    const budget = headerOf(parts).budget.tickBudget as number;
    const at = (v: number, team: 0 | 1) => {
      const p = copyParts(parts);
      p.segments[1] = withRows(p.segments[1]!, (rows) => (rows[7 * CHANNELS + G + team] = v));
      return assemble(p);
    };
    const ok = new ReplayReader(at(budget, 1), 'crafted.mdr');
    // Segment 0 holds tick 0 and the first SEGMENT_TICKS steps: segment 1's frame 7 is this tick.
    expect(ok.frameAt(SEGMENT_TICKS + 8).budget).toEqual([null, budget]);
    for (const [v, team] of [[budget + 1, 0], [-2, 1], [2 ** 31, 0], [2 ** 53, 1]] as const) {
      const e = refusal(at(v, team));
      expect(e.problem).toBe('corrupt');
      expect(e.message).toMatch(new RegExp(`^crafted\\.mdr: corrupt: segment 1 frame 7 \\(tick ${SEGMENT_TICKS + 8}\\) has ${team ? 'away' : 'home'} budget used -?\\d+ out of range`));
    }
  });

  it('without a recorded tick budget, only the largest budget bounds it', () => {
    const p = copyParts(parts);
    headerOf(p).budget = null;
    p.segments[0] = withRows(p.segments[0]!, (rows) => (rows[3 * CHANNELS + G] = MAX_BUDGET_USED));
    expect(new ReplayReader(assemble(p), 'x').frameAt(3).budget).toEqual([MAX_BUDGET_USED, null]);
    p.segments[0] = withRows(p.segments[0]!, (rows) => (rows[3 * CHANNELS + G] = MAX_BUDGET_USED + 1));
    expect(refusal(assemble(p)).message).toMatch(/segment 0 frame 3 \(tick 3\) has home budget used 1073741824 out of range/);
  });

  it("segments that do not store their format's channels", () => {
    // A format 1 segment in a format 2 file, and the reverse (preamble and header say 1).
    const v1seg = copyParts(parts);
    v1seg.segments[1] = withRows(v1seg.segments[1]!, () => undefined, 1);
    expect(refusal(assemble(v1seg)).message).toBe(`crafted.mdr: corrupt: segment 1 has ${STATE_CHANNELS} channels per frame, format 2 has ${CHANNELS}`);
    const v1file = copyParts(parts);
    v1file.version = 1;
    headerOf(v1file).format = 1;
    expect(refusal(assemble(v1file)).message).toBe(`crafted.mdr: corrupt: segment 0 has ${CHANNELS} channels per frame, format 1 has ${STATE_CHANNELS}`);
    // The live path has no header to go by: it takes either count, and nothing else.
    expect(decodeSegment(encodeBlock(KIND_SEGMENT, v1seg.segments[1]!), 'live').frames[0]!.budget).toEqual([null, null]);
    const p = copyParts(parts);
    const seg = p.segments[0]!;
    const body = inflateSync(seg.subarray(24), { out: new Uint8Array(new DataView(seg.buffer, seg.byteOffset).getUint32(20, true)) });
    expect(body[0]).toBe(CHANNELS);
    const forged = Uint8Array.from(body, (b, i) => (i === 0 ? CHANNELS + 1 : b));
    p.segments[0] = Uint8Array.from([...seg.subarray(0, 24), ...deflateSync(forged)]);
    expect(() => decodeSegment(encodeBlock(KIND_SEGMENT, p.segments[0]!), 'live')).toThrow(`live: corrupt: segment 0 has ${CHANNELS + 1} channels per frame, a replay has ${STATE_CHANNELS} or ${CHANNELS}`);
    expect(refusal(assemble(p)).message).toBe(`crafted.mdr: corrupt: segment 0 has ${CHANNELS + 1} channels per frame, format 2 has ${CHANNELS}`);
  });

  it('the largest budget use is the sandbox\'s largest budget', () => {
    expect(MAX_BUDGET_USED).toBe(MAX_BUDGET);
  });
});
