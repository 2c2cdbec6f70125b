// The app: one connection to the server, the season when the server hosts one, and the view the URL names.
import { useEffect, useMemo, useRef } from 'react';
import { Connection } from './connection.js';
import { CupView } from './cup/CupView.js';
import { useConnection, useRoute } from './hooks.js';
import { MatchView } from './match/MatchView.js';
import type { MatchSource } from './match/source.js';
import { routeHash } from './route.js';
import { seasonReplaySource } from './season/replay-source.js';
import { SeasonView } from './season/SeasonView.js';
import { TeamView } from './season/TeamView.js';
import type { SeasonStatus } from './season/types.js';
import { useSeason } from './season/use-season.js';

// Read once at load: a page opened on a link to a view (even `#/`, the list) keeps it; only a bare address is redirected.
const openedBare = window.location.hash === '' || window.location.hash === '#';

/** The WebSocket connection as a match source: cups, scrims, replays and live matches. */
function connectionSource(conn: Connection): MatchSource {
  return {
    watch: (id, s) => conn.watch(id, s),
    unwatch: (id, s) => conn.unwatch(id, s),
    describe: (id) => {
      const e = conn.entry(id);
      return e ? { home: conn.teamName(e.home), away: conn.teamName(e.away), label: e.label } : undefined;
    },
    get back() {
      return { href: routeHash({ view: 'cup' }), label: conn.served?.name ?? 'matches' };
    },
    hash: (matchId, tick) => routeHash({ view: 'match', matchId, tick }),
  };
}

export function App({ conn }: { conn: Connection }) {
  useConnection(conn);
  const route = useRoute();
  const { season: seasonState, error: seasonError } = useSeason();
  const season = seasonState !== null && seasonState !== 'none' ? seasonState : null;
  // Stable sources: a match view re-watches when its source changes, and the season is polled.
  const seasonRef = useRef<SeasonStatus | null>(null);
  seasonRef.current = season;
  const wsSource = useMemo(() => connectionSource(conn), [conn]);
  const replaySource = useMemo(() => seasonReplaySource(() => seasonRef.current), []);
  useOpenLoneReplay(conn, route.view === 'cup' && seasonState === 'none');
  let body;
  if (route.view === 'match') {
    body = <MatchView key={route.matchId} source={wsSource} matchId={route.matchId} tick={route.tick} />;
  } else if (route.view === 'season-match') {
    body = <MatchView key={`s:${route.matchId}`} source={replaySource} matchId={route.matchId} tick={route.tick} />;
  } else if (route.view === 'team' && season) {
    body = <TeamView season={season} team={route.team} />;
  } else if (season) {
    body = <SeasonView season={season} />;
  } else if (seasonState === 'none' && conn.served) {
    body = <CupView served={conn.served} />;
  } else {
    body = <p className="muted loading">{conn.state === 'closed' && seasonState !== null ? 'Cannot reach the server.' : 'Connecting…'}</p>;
  }
  const notice = conn.notice ?? seasonError;
  return (
    <div className="app">
      {notice && (
        <div className="notice" role="status">
          {notice}
        </div>
      )}
      {body}
    </div>
  );
}

/**
 * `matchday serve one.mdr` has one match to show: a spectator who opens the bare address wants to
 * watch it, not a list of one. Done once per page load, replacing the history entry, so the match's
 * back link still leads to the list.
 */
function useOpenLoneReplay(conn: Connection, onList: boolean): void {
  const done = useRef(false);
  const served = conn.served;
  useEffect(() => {
    if (done.current || !openedBare || !onList || !served) return;
    done.current = true;
    const only = served.matches.length === 1 ? served.matches[0] : undefined;
    if (served.kind === 'replay' && only?.streamable) window.location.replace(routeHash({ view: 'match', matchId: only.id, tick: null }));
  }, [served, onList]);
}
