import { describe, expect, it } from 'vitest';
import { CHECKPOINT_EVERY } from '../../engine/constants.js';
import {
  decodeBlob, decodeSegment, ENGINE_VERSION, REPLAY_FORMAT_VERSION, ReplayReader, rewriteReplay, type BlobKind,
} from '../../engine/replay/index.js';
import { P_STAMINA, P_STRIDE, P_VX, P_VY, P_X, P_Y, type MatchState } from '../../engine/state.js';
import { header, record } from './record.js';

const HALF = 300;

interface Snapshot {
  ball: number[];
  players: number[];
  score: [number, number];
  mode: number;
}

function snapshot(s: MatchState): Snapshot {
  return { ball: Array.from(s.ball), players: Array.from(s.players), score: [s.score[0], s.score[1]], mode: s.mode };
}

describe('replay codec', () => {
  it('writes, reads back and writes again byte for byte, and the same match gives the same bytes', async () => {
    const a = await record('fixture:golden', 'chaser', { seed: 4, halfTicks: HALF });
    const b = await record('fixture:golden', 'chaser', { seed: 4, halfTicks: HALF });
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    const again = rewriteReplay(new ReplayReader(a.bytes, 'a.replay'));
    expect(again.length).toBe(a.bytes.length);
    expect(Buffer.from(again).equals(Buffer.from(a.bytes))).toBe(true);
  });

  it('stores the header and footer the runner knows', async () => {
    const { result, bytes } = await record('fixture:golden', 'chaser', { seed: 5, halfTicks: HALF });
    const r = new ReplayReader(bytes, 'x.replay');
    expect(r.header).toEqual(JSON.parse(JSON.stringify(header(result.config))));
    expect(r.header.format).toBe(REPLAY_FORMAT_VERSION);
    expect(r.header.engine).toBe(ENGINE_VERSION);
    expect(r.header.config).toEqual(result.config);
    expect(r.header.budget).toEqual({ tickBudget: 1000 });
    expect(r.header.teams.map((t) => t.source)).toEqual(['// golden\n', '// chaser\n']);
    expect(r.footer.score).toEqual(result.score);
    expect(r.footer.hash).toBe(result.hash);
    expect(r.footer.checkpoints).toEqual(result.checkpoints);
    expect(r.footer.checkpoints.length).toBe((2 * HALF) / CHECKPOINT_EVERY);
    expect(r.footer.events).toEqual(result.events);
    expect(r.footer.stats).toEqual(result.stats);
    expect(r.footer.endReason).toBe('full_time');
    expect(r.footer.ticks).toBe(2 * HALF);
    // Every segment ends on a checkpoint and carries that hash.
    for (let i = 0; i < r.segmentCount; i++) {
      const s = r.segment(i);
      const end = s.firstTick + s.frameCount - 1;
      expect(end % CHECKPOINT_EVERY).toBe(0);
      expect(s.endHash).toBe(result.checkpoints[end / CHECKPOINT_EVERY - 1]);
    }
  });

  it('holds the engine state of every sampled tick, within quantisation', async () => {
    const samples = new Map<number, Snapshot>();
    // Ticks picked by a fixed LCG: spread over the match, landing on and off segment edges.
    const wanted = new Set<number>([1, 100, 101, 2 * HALF]);
    for (let x = 7, i = 0; i < 40; i++) wanted.add(1 + ((x = (x * 1103515245 + 12345) % 2147483648) % (2 * HALF)));
    const { bytes, result } = await record('fixture:golden', 'chaser', { seed: 6, halfTicks: HALF }, {
      onTick: ({ state: s }) => {
        if (wanted.has(s.tick)) samples.set(s.tick, snapshot(s));
      },
    });
    const r = new ReplayReader(bytes, 'x.replay');
    expect(samples.size).toBe(wanted.size);
    for (const [tick, s] of samples) {
      const f = r.frameAt(tick);
      expect(f.tick).toBe(tick);
      expect(f.score).toEqual(s.score);
      expect(f.mode).toBe(s.mode);
      expect(Math.abs(f.ball.x - s.ball[0]!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(f.ball.y - s.ball[1]!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(f.ball.z - s.ball[2]!)).toBeLessThanOrEqual(0.005 + 1e-9);
      for (let i = 0; i < 22; i++) {
        const p = f.players[i]!;
        const o = i * P_STRIDE;
        expect(Math.abs(p.x - s.players[o + P_X]!)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(p.y - s.players[o + P_Y]!)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(p.vx - s.players[o + P_VX]!)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(p.vy - s.players[o + P_VY]!)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(p.stamina - s.players[o + P_STAMINA]!)).toBeLessThanOrEqual(0.0005 + 1e-9);
      }
      expect(f.events).toEqual(result.events.filter((e) => e.tick === tick));
    }
    // Frame 0 is the kick-off position: the home goalkeeper in the home goal.
    expect(r.frameAt(0).players[0]!.x).toBe(-50);
  });

  it('seeks: frameAt reaches every tick and agrees with the segment it lives in', async () => {
    const { bytes } = await record('fixture:golden', 'chaser', { seed: 7, halfTicks: HALF });
    const r = new ReplayReader(bytes, 'x.replay');
    expect(r.lastTick).toBe(2 * HALF);
    // Backwards, so the reader's segment cache is exercised out of order.
    for (let t = r.lastTick; t >= 0; t -= 37) expect(r.frameAt(t).tick).toBe(t);
    const s = r.segmentOf(250);
    const seg = r.segment(s);
    expect(r.frames(s)[250 - seg.firstTick]).toEqual(r.frameAt(250));
    expect(r.segmentOf(0)).toBe(0);
    expect(r.segmentOf(100)).toBe(0);
    expect(r.segmentOf(101)).toBe(1);
    expect(() => r.frameAt(r.lastTick + 1)).toThrow(/no frame for tick 601/);
  });

  it('streams header, segments and footer as they are made; the file is their concatenation plus the index', async () => {
    const blobs: Array<{ kind: BlobKind; blob: Uint8Array; tick: number }> = [];
    let tick = 0;
    const { bytes } = await record('fixture:golden', 'chaser', { seed: 8, halfTicks: HALF }, {
      sink: (kind, blob) => blobs.push({ kind, blob, tick }),
      onTick: ({ state: s }) => {
        tick = s.tick;
      },
    });
    expect(blobs.map((b) => b.kind)).toEqual(['header', ...Array<string>(6).fill('segment'), 'footer']);
    // The first segment went out while the match was still being played.
    expect(blobs[1]!.tick).toBe(99);
    const joined = Buffer.concat(blobs.map((b) => b.blob));
    expect(Buffer.from(bytes.subarray(0, joined.length)).equals(joined)).toBe(true);
    const r = new ReplayReader(bytes, 'x.replay');
    expect(decodeBlob(blobs[0]!.blob)).toEqual({ kind: 'header', header: r.header });
    expect(decodeBlob(blobs[7]!.blob)).toEqual({ kind: 'footer', footer: r.footer });
    const seg = decodeSegment(blobs[3]!.blob);
    expect(seg.index).toBe(2);
    expect(seg.frames).toEqual(r.frames(2));
    expect(Buffer.from(r.segmentBlob(2)).equals(Buffer.from(blobs[3]!.blob))).toBe(true);
  });

  it('stores debug marks in pitch coordinates and faults in the frame of their tick', async () => {
    // Home draws at its own (10, 5) every tick; away throws at its 50th call.
    let calls = 0;
    const { bytes } = await record('a', 'b', { seed: 9, halfTicks: 100 }, {
      controllers: [
        {
          setup: () => ({ ok: true, faults: [{ tick: 0, kind: 'setup', message: 'slow setup' }] }),
          tick: () => ({ debug: { marks: [{ kind: 'dot', x: 10, y: 5, color: 'red' }, { kind: 'dot', x: NaN, y: 0, color: 'red' }], logs: ['hello'] } }),
        },
        {
          setup: () => ({ ok: true }),
          tick: (input) => (++calls === 50 ? { faults: [{ tick: input.object().tick, kind: 'error', message: 'boom' }] } : undefined),
        },
      ],
    });
    const r = new ReplayReader(bytes, 'x.replay');
    expect(r.frameAt(0).faults[0]).toEqual([{ tick: 0, kind: 'setup', message: 'slow setup' }]);
    // Home attacks +x in the first half and -x in the second: the same own-frame mark flips.
    expect(r.frameAt(10).debug[0]).toEqual({ marks: [{ kind: 'dot', x: 10, y: 5, color: 'red' }], logs: ['hello'] });
    expect(r.frameAt(150).debug[0]!.marks[0]).toEqual({ kind: 'dot', x: -10, y: -5, color: 'red' });
    expect(r.frameAt(10).debug[1]).toBeNull();
    // The 50th call observes tick 49; its commands (and fault) make frame 50.
    expect(r.frameAt(50).faults[1]).toEqual([{ tick: 49, kind: 'error', message: 'boom' }]);
    expect(r.frameAt(49).faults[1]).toEqual([]);
    expect(r.frameAt(51).faults[1]).toEqual([]);
  });

  it('records a forfeit as one frame and the footer', async () => {
    const { bytes, result } = await record('a', 'b', { seed: 1, halfTicks: 100 }, {
      controllers: [
        { setup: () => ({ ok: false, reason: 'does not compile' }), tick: () => undefined },
        { setup: () => ({ ok: true }), tick: () => undefined },
      ],
    });
    const r = new ReplayReader(bytes, 'x.replay');
    expect(r.lastTick).toBe(0);
    expect(r.footer.forfeit).toEqual({ home: 'does not compile', away: null });
    expect(r.footer.hash).toBe(result.hash);
    expect(r.segment(0).endHash).toBe(result.hash);
  });
});
