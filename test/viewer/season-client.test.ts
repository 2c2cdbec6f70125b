// The season pages' logic in plain Node: routes, the loose check of the API's answer, where each match is
// watched from, and a season replay fed to a match session from its HTTP bytes exactly as the reader reads it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplayReader } from '../../engine/replay/reader.js';
import { MatchSession } from '../../viewer/client/playback/session.js';
import { parseRoute, routeHash, type Route } from '../../viewer/client/route.js';
import { isLive, seasonScore, watchHref } from '../../viewer/client/season/links.js';
import { seasonReplaySource } from '../../viewer/client/season/replay-source.js';
import { isSeasonStatus, type SeasonMatchday, type SeasonStatus } from '../../viewer/client/season/types.js';
import { recordMatch } from '../helpers/viewer-server.js';

afterEach(() => vi.unstubAllGlobals());

describe('season routes', () => {
  it('round-trips every view, and anything else is the front page', () => {
    const routes: Route[] = [
      { view: 'cup' },
      { view: 'team', team: 'Aurora B' },
      { view: 'season-match', matchId: 'md1-A-B', tick: 420 },
      { view: 'season-match', matchId: 'md1-A-B', tick: null },
      { view: 'match', matchId: 'md3-A-B', tick: null },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
    expect(routeHash({ view: 'team', team: 'a/b' })).toBe('#/season/team/a%2Fb');
    expect(parseRoute('#/season/match/x?t=-1')).toEqual({ view: 'season-match', matchId: 'x', tick: null });
    expect(parseRoute('#/season/team/%E0%A4%A')).toEqual({ view: 'cup' });
    expect(parseRoute('#/season')).toEqual({ view: 'cup' });
  });
});

describe('season data', () => {
  const md = (state: SeasonMatchday['state'], score: [number, number] | null, replay: boolean): [SeasonMatchday, SeasonMatchday['matches'][number]] => {
    const m = { id: 'm1', home: 'A', away: 'B', score, replay };
    return [{ n: 1, deadline: null, state, matches: [m], standings: null }, m];
  };

  it('a played match with a replay opens from it, a live one from the stream, an unplayed or forfeited one not at all', () => {
    expect(watchHref(...md('played', [1, 0], true))).toBe('#/season/match/m1');
    expect(watchHref(...md('locked', null, false))).toBe('#/match/m1');
    expect(isLive(...md('locked', null, false))).toBe(true);
    expect(isLive(...md('locked', [2, 2], true))).toBe(false);
    expect(watchHref(...md('open', null, false))).toBeNull();
    expect(watchHref(...md('played', [3, 0], false))).toBeNull();
    expect(seasonScore({ id: 'x', home: 'A', away: 'B', score: [3, 0], replay: false, forfeit: { side: 'away' } })).toBe('3 – 0 (forfeit)');
  });

  it('reads a season only when it has the parts the pages use', () => {
    const ok: SeasonStatus = { name: 's', format: 'league', teams: ['A', 'B'], manual: true, ended: false, current: 1, progress: null, matchdays: [md('open', null, false)[0]], standings: [], ratings: [] };
    expect(isSeasonStatus(ok)).toBe(true);
    for (const bad of [null, [], { ...ok, matchdays: 'x' }, { ...ok, name: 3 }, { ...ok, matchdays: [{ n: 1, matches: [{ id: 1 }] }] }, { ...ok, ratings: undefined }]) {
      expect(isSeasonStatus(bad)).toBe(false);
    }
  });
});

describe('a season replay as a match source', () => {
  it('feeds the session every blob of the fetched replay, sending the tab token with the request', async () => {
    const rec = await recordMatch('possession', 'chaser', { seed: 2, halfTicks: 200 });
    const seen: Array<{ url: string; auth: string | null }> = [];
    vi.stubGlobal('sessionStorage', { getItem: () => 'tok', setItem: () => undefined, removeItem: () => undefined });
    vi.stubGlobal('fetch', async (url: string, init?: { headers?: Record<string, string> }) => {
      seen.push({ url, auth: init?.headers?.authorization ?? null });
      return new Response(Buffer.from(rec.file), { status: 200 });
    });
    const source = seasonReplaySource(() => null);
    const s = new MatchSession({ autoplay: false });
    source.watch('md1-A-B', s);
    await vi.waitFor(() => expect(s.store.complete).toBe(true));
    const reader = new ReplayReader(rec.file, 'x.mdr');
    expect(s.error).toBeNull();
    expect(s.store.available).toBe(reader.lastTick);
    expect(s.store.frame(reader.lastTick)).toEqual(reader.frameAt(reader.lastTick));
    expect(seen).toEqual([{ url: '/api/v1/matches/md1-A-B/replay', auth: 'Bearer tok' }]);
    expect(source.hash('md1-A-B', 5)).toBe('#/season/match/md1-A-B?t=5');
  });

  it('a missing replay fails the session with a plain message', async () => {
    vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
    vi.stubGlobal('fetch', async () => new Response('{"error":"no replay for this match"}', { status: 404 }));
    const s = new MatchSession();
    seasonReplaySource(() => null).watch('md9-X-Y', s);
    await vi.waitFor(() => expect(s.error).toBe('replay of md9-X-Y: not stored (a forfeit, or not played yet)'));
  });
});
