// The viewer's playback model without a browser: the frame store fed blob by blob (file and live
// take the same path), the clock, interpolation, live following, and the stats and timeline marks.
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { makeReplayHeader } from '../../engine/replay/header.js';
import { ReplayReader } from '../../engine/replay/reader.js';
import { ReplayWriter } from '../../engine/replay/writer.js';
import { defaultConfig } from '../../engine/setup.js';
import { FrameStore } from '../../viewer/client/playback/frame-store.js';
import { PlaybackClock, SPEEDS } from '../../viewer/client/playback/clock.js';
import { emptyScene, sceneAt, TELEPORT_M } from '../../viewer/client/playback/interpolate.js';
import { countsUpTo } from '../../viewer/client/playback/match-stats.js';
import { MatchSession } from '../../viewer/client/playback/session.js';
import { clockText, marksFrom } from '../../viewer/client/playback/timeline.js';
import { parseRoute, routeHash } from '../../viewer/client/route.js';

/** A short match recorded in-process: the whole file, and each blob as the writer emitted it. */
async function recordMatch(seed: number, halfTicks: number): Promise<{ file: Uint8Array; blobs: Uint8Array[] }> {
  const load = async (n: string): Promise<PolicyModule> => (await import(`../../policies/${n}.js`)) as PolicyModule;
  const config = defaultConfig({ seed, halfTicks, homeName: 'possession', awayName: 'chaser' });
  const team = (name: string) => ({ name, spec: `builtin:${name}`, file: `${name}.js`, sha256: '0'.repeat(64), source: '' });
  const header = makeReplayHeader(config, { runtime: { node: 'x', v8: 'x', isolatedVm: null }, budget: null, teams: [team('possession'), team('chaser')] });
  const blobs: Uint8Array[] = [];
  const writer = new ReplayWriter(header, (_k, blob) => blobs.push(blob.slice()));
  runMatch(config, [inProcessController(await load('possession')), inProcessController(await load('chaser'))], { listeners: [writer] });
  return { file: writer.file(), blobs };
}

function fileBlobs(file: Uint8Array): Uint8Array[] {
  const r = new ReplayReader(file, 'm.mdr');
  return [r.headerBlob(), ...Array.from({ length: r.segmentCount }, (_, i) => r.segmentBlob(i)), r.footerBlob()];
}

let rec: { file: Uint8Array; blobs: Uint8Array[] };
let reader: ReplayReader;
beforeAll(async () => {
  rec = await recordMatch(7, 300);
  reader = new ReplayReader(rec.file, 'm.mdr');
});

describe('frame store', () => {
  it('holds every frame of a file fed blob by blob, equal to the reader, and the live blobs give the same store', () => {
    const fromFile = new FrameStore();
    for (const b of fileBlobs(rec.file)) fromFile.feed(b, 'file');
    const live = new FrameStore();
    for (const b of rec.blobs) live.feed(b, 'live');
    expect(fromFile.complete).toBe(true);
    expect(fromFile.available).toBe(reader.lastTick);
    for (const t of [0, 1, 99, 100, 101, 350, reader.lastTick]) {
      expect(fromFile.frame(t)).toEqual(reader.frameAt(t));
      expect(live.frame(t)).toEqual(reader.frameAt(t));
    }
    expect(fromFile.events()).toEqual(reader.footer.events);
    expect(live.events()).toEqual(reader.footer.events);
  });

  it('plays only up to the first hole, and a repeated segment changes nothing', () => {
    const s = new FrameStore();
    s.feed(rec.blobs[0]!);
    expect(s.available).toBe(-1);
    s.feed(rec.blobs[2]!); // segment 1 before segment 0
    expect(s.available).toBe(-1);
    s.feed(rec.blobs[1]!);
    expect(s.available).toBe(200);
    const v = s.version;
    s.feed(rec.blobs[1]!);
    expect(s.version).toBe(v);
    expect(s.complete).toBe(false);
    expect(s.expectedTicks).toBe(600);
  });

  it('a second header (a restarted live match) drops what came before', () => {
    const s = new FrameStore();
    for (const b of rec.blobs.slice(0, 3)) s.feed(b);
    s.feed(rec.blobs[0]!);
    expect(s.available).toBe(-1);
    expect(s.frame(50)).toBeUndefined();
  });

  it('refuses a corrupt blob with the reader message', () => {
    const bad = rec.blobs[1]!.slice();
    bad[bad.length - 3]! ^= 0xff;
    const session = new MatchSession();
    session.feed(rec.blobs[0]!);
    session.feed(bad, 'match g1');
    expect(session.error).toMatch(/match g1: corrupt/);
  });
});

describe('clock', () => {
  const a = { available: 600, final: true, live: false, segmentTicks: 100 };
  it('moves ticks at 10 per second times the speed and stops at the end of a finished match', () => {
    const c = new PlaybackClock();
    c.play(a);
    c.advance(1000, a);
    expect(c.tick).toBe(10);
    c.setSpeed(16);
    c.advance(500, a);
    expect(c.tick).toBe(90);
    c.advance(60_000, a);
    expect(c.tick).toBe(600);
    expect(c.playing).toBe(false);
    c.play(a);
    expect(c.tick).toBe(0);
  });

  it('pauses on a whole tick, clamps seeks and speeds', () => {
    const c = new PlaybackClock();
    c.play(a);
    c.advance(1234, a);
    c.pause();
    expect(c.tick).toBe(12);
    c.seek(10_000, a);
    expect(c.tick).toBe(600);
    c.step(-5, a);
    expect(c.tick).toBe(595);
    c.setSpeed(100);
    expect(c.speed).toBe(SPEEDS[SPEEDS.length - 1]);
    c.setSpeed(0);
    expect(c.speed).toBe(SPEEDS[0]);
  });

  it('live: waits at the edge, a follower that fell behind skips to within a segment, seeking back stops following', () => {
    const c = new PlaybackClock();
    const live = { available: 250, final: false, live: true, segmentTicks: 100 };
    c.follow = true;
    c.play(live);
    c.advance(100, live);
    expect(c.tick).toBe(151);
    c.advance(60_000, live);
    expect(c.tick).toBe(250);
    expect(c.playing).toBe(true);
    c.seek(20, live);
    expect(c.follow).toBe(false);
    c.advance(0, { ...live, available: 900 });
    expect(c.tick).toBe(20);
    c.seek(900, { ...live, available: 900 });
    expect(c.follow).toBe(true);
  });

  it('a replay still arriving is not followed: seeking to what has arrived stays there', () => {
    const c = new PlaybackClock();
    const arriving = { available: 200, final: false, live: false, segmentTicks: 100 };
    c.seek(200, arriving);
    expect(c.follow).toBe(false);
    c.advance(16, { ...arriving, available: 400 });
    expect(c.tick).toBe(200);
  });
});

describe('session', () => {
  it('a shared link opens paused on its tick once the frames reach it, and stays there as the rest arrives', () => {
    const s = new MatchSession({ startTick: 200 });
    s.feed(rec.blobs[0]!);
    s.feed(rec.blobs[1]!);
    expect(s.clock.tick).toBe(0);
    s.feed(rec.blobs[2]!);
    expect(s.clock.tick).toBe(200);
    for (const b of rec.blobs.slice(3)) {
      s.feed(b);
      s.advance(16);
    }
    expect(s.clock.tick).toBe(200);
    expect(s.clock.playing).toBe(false);
  });

  it('a late joiner of a live match follows its edge to the end', () => {
    const s = new MatchSession();
    s.setLive(true);
    for (const b of rec.blobs.slice(0, 4)) s.feed(b);
    s.advance(16);
    expect(s.clock.tick).toBeGreaterThanOrEqual(200);
    for (const b of rec.blobs.slice(4)) s.feed(b);
    s.setLive(false);
    s.clock.setSpeed(16);
    for (let i = 0; i < 200; i++) s.advance(50);
    expect(s.clock.tick).toBe(reader.lastTick);
    expect(s.clock.playing).toBe(false);
  });
});

describe('interpolation', () => {
  it('is the frame itself on a whole tick and halfway between frames at .5', () => {
    const f0 = reader.frameAt(120);
    const f1 = reader.frameAt(121);
    const sc = emptyScene(f0);
    sceneAt(sc, 120, f0, f1);
    expect(sc.ball).toEqual(f0.ball);
    sceneAt(sc, 120.5, f0, f1);
    expect(sc.ball.x).toBeCloseTo((f0.ball.x + f1.ball.x) / 2, 9);
    expect(sc.px[5]).toBeCloseTo((f0.players[5]!.x + f1.players[5]!.x) / 2, 9);
  });

  it('does not slide across a jump (kick-off reset, ends switching)', () => {
    const f0 = reader.frameAt(120);
    const f1 = structuredClone(reader.frameAt(121));
    f1.players[3]!.x = f0.players[3]!.x + TELEPORT_M + 1;
    const sc = sceneAt(emptyScene(f0), 120.5, f0, f1);
    expect(sc.px[3]).toBe(f0.players[3]!.x);
  });
});

describe('stats and timeline', () => {
  it('counts events up to the shown tick only; at the end they match the footer', () => {
    const events = reader.footer.events;
    const end = countsUpTo(events, reader.lastTick);
    for (const t of [0, 1] as const) {
      expect(end[t].goals).toBe(reader.footer.stats.teams[t].goals);
      expect(end[t].shots).toBe(reader.footer.stats.teams[t].shots);
      expect(end[t].fouls).toBe(reader.footer.stats.teams[t].fouls);
    }
    const synthetic = [
      { tick: 5, minute: 1, type: 'shot', team: 0, player: 3, x: 0, y: 0, detail: 'on_target' },
      { tick: 9, minute: 1, type: 'goal', team: 1, player: 14, x: 0, y: 0 },
      { tick: 20, minute: 3, type: 'yellow_card', team: 0, player: 2, x: 0, y: 0 },
    ];
    const at10 = countsUpTo(synthetic, 10);
    expect([at10[0].shots, at10[0].onTarget, at10[1].goals, at10[0].yellow]).toEqual([1, 1, 1, 0]);
    const marks = marksFrom(synthetic, [{ tick: 30, team: 1, kind: 'budget', message: 'over budget' }]);
    expect(marks.map((m) => m.kind)).toEqual(['shot', 'goal', 'yellow', 'fault']);
  });

  it('shows the 90-minute clock with seconds', () => {
    expect(clockText(0, 0, 3000, 1000, false)).toBe('0:00');
    expect(clockText(0, 1500, 3000, 1000, false)).toBe('22:30');
    expect(clockText(1, 3000, 3000, 1000, false)).toBe('90:00');
    expect(clockText(2, 500, 3000, 1000, true)).toBe('97:30');
    // Finished or in a shoot-out: 90:00 after regulation, 120:00 after extra time.
    expect(clockText(5, 0, 3000, 1000, false)).toBe('90:00');
    expect(clockText(5, 0, 3000, 1000, true)).toBe('120:00');
    expect(clockText(4, 37, 3000, 1000, false)).toBe('90:00');
  });
});

describe('routes', () => {
  it('name what is shown and round-trip', () => {
    expect(parseRoute('')).toEqual({ view: 'cup' });
    expect(parseRoute('#/match/g1-A.2?t=420')).toEqual({ view: 'match', matchId: 'g1-A.2', tick: 420 });
    expect(parseRoute('#/match/x')).toEqual({ view: 'match', matchId: 'x', tick: null });
    expect(parseRoute('#/match/x?t=-4')).toEqual({ view: 'match', matchId: 'x', tick: null });
    expect(routeHash({ view: 'match', matchId: 'a b', tick: 7 })).toBe('#/match/a%20b?t=7');
    expect(parseRoute(routeHash({ view: 'match', matchId: 'a b', tick: 7 }))).toEqual({ view: 'match', matchId: 'a b', tick: 7 });
  });
});
