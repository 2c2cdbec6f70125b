import { beforeAll, describe, expect, it } from 'vitest';
import { decodeSegment, ReplayError, ReplayReader } from '../../engine/replay/index.js';
import { record } from './record.js';

let bytes: Uint8Array;

beforeAll(async () => {
  bytes = (await record('fixture:golden', 'chaser', { seed: 2, halfTicks: 300 })).bytes;
});

/** The ReplayError a reader throws for these bytes (fails the test if it throws none, or something else). */
function problem(b: Uint8Array): ReplayError {
  try {
    const r = new ReplayReader(b, 'broken.replay');
    for (let i = 0; i < r.segmentCount; i++) r.frames(i);
  } catch (e) {
    if (e instanceof ReplayError) return e;
    throw e;
  }
  throw new Error('the reader accepted the bytes');
}

describe('replay reader errors', () => {
  it('refuses an unknown version and says which it reads', () => {
    const b = bytes.slice();
    b[4] = 99;
    const e = problem(b);
    expect(e.problem).toBe('version');
    expect(e.message).toBe('broken.replay: replay format version 99 is not supported (this matchday reads versions 1, 2)');
  });

  it('refuses something that is not a replay', () => {
    const e = problem(new TextEncoder().encode('{"hello": 1}'));
    expect(e.problem).toBe('not_replay');
    expect(e.message).toMatch(/^broken\.replay: not a matchday replay/);
  });

  it('refuses a truncated file wherever it was cut, and says how far it goes', () => {
    const r = new ReplayReader(bytes, 'ok');
    const seg3 = r.segmentBlob(3);
    const seg3At = seg3.byteOffset - r.bytes.byteOffset;
    const footerEnd = r.footerBlob().byteOffset - r.bytes.byteOffset + r.footerBlob().length;
    const cases: Array<[number, RegExp]> = [
      [0, /truncated: only 0 byte/],
      [6, /truncated: only 6 byte/],
      [20, /truncated: the file ends inside the header/],
      [seg3At + 30, /truncated: the file ends inside segment 3 or the footer/],
      [seg3At + seg3.length, /truncated: the file stops after 4 complete segment\(s\); the footer, index and trailer are missing/],
      [footerEnd, /truncated: the file stops after 6 complete segment\(s\); the index and trailer are missing/],
      [bytes.length - 3, /truncated: the file stops after 6 complete segment\(s\); the trailer is missing or cut short/],
    ];
    for (const [n, message] of cases) {
      const e = problem(bytes.subarray(0, n));
      expect({ n, problem: e.problem }).toEqual({ n, problem: 'truncated' });
      expect(e.message).toMatch(/^broken\.replay: /);
      expect(e.message).toMatch(message);
    }
  });

  it('names the corrupt segment', () => {
    const r = new ReplayReader(bytes, 'ok');
    const seg = r.segmentBlob(3);
    const b = bytes.slice();
    const at = seg.byteOffset - r.bytes.byteOffset + Math.floor(seg.length / 2);
    b[at] = b[at]! ^ 0x20;
    const e = problem(b);
    expect(e.problem).toBe('corrupt');
    expect(e.message).toBe('broken.replay: corrupt: segment 3 fails its CRC check (its bytes were changed)');
  });

  it('names a corrupt header and footer', () => {
    const r = new ReplayReader(bytes, 'ok');
    const h = bytes.slice();
    h[20] = h[20]! ^ 1;
    expect(problem(h).message).toMatch(/corrupt: the header fails its CRC check/);
    const f = bytes.slice();
    const at = r.footerBlob().byteOffset - r.bytes.byteOffset + 12;
    f[at] = f[at]! ^ 1;
    expect(problem(f).message).toMatch(/corrupt: the footer fails its CRC check/);
  });

  it('decodeSegment on the live path names the stream and the problem', () => {
    const r = new ReplayReader(bytes, 'ok');
    const blob = r.segmentBlob(1).slice();
    expect(decodeSegment(blob, 'live').index).toBe(1);
    blob[blob.length - 1] = blob[blob.length - 1]! ^ 4;
    expect(() => decodeSegment(blob, 'live')).toThrow('live: corrupt: the segment fails its CRC check (its bytes were changed)');
    expect(() => decodeSegment(r.segmentBlob(1).subarray(0, 40), 'live')).toThrow(/^live: truncated/);
  });
});
