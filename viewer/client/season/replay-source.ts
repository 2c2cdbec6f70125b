// A season match as a MatchSource: its replay file fetched over HTTP (redacted during the season) and fed
// to the session blob by blob, exactly as the WebSocket would stream it, so the same match view plays it.
import { ReplayReader } from '../../../engine/replay/reader.js';
import type { MatchSource } from '../match/source.js';
import type { MatchSession } from '../playback/session.js';
import { routeHash } from '../route.js';
import { fetchReplay } from './api.js';
import type { SeasonStatus } from './types.js';

export function seasonReplaySource(current: () => SeasonStatus | null): MatchSource {
  const watching = new Set<MatchSession>();
  return {
    watch(matchId, session) {
      watching.add(session);
      fetchReplay(matchId)
        .then((bytes) => {
          if (!watching.has(session)) return;
          const r = new ReplayReader(bytes, `${matchId}.mdr`);
          session.feed(r.headerBlob(), matchId);
          for (let i = 0; i < r.segmentCount; i++) session.feed(r.segmentBlob(i), matchId);
          session.feed(r.footerBlob(), matchId);
        })
        .catch((e: unknown) => {
          if (watching.has(session)) session.fail(e instanceof Error ? e.message : String(e));
        });
    },
    unwatch(_matchId, session) {
      watching.delete(session);
    },
    describe(matchId) {
      for (const md of current()?.matchdays ?? []) {
        const m = md.matches.find((x) => x.id === matchId);
        if (m) return { home: m.home, away: m.away, label: `Matchday ${md.n}` };
      }
      return undefined;
    },
    get back() {
      return { href: routeHash({ view: 'cup' }), label: current()?.name ?? 'season' };
    },
    hash: (matchId, tick) => routeHash({ view: 'season-match', matchId, tick }),
  };
}
