// The app: one connection to the server, and the view the URL names.
import { useEffect, useRef } from 'react';
import { Connection } from './connection.js';
import { CupView } from './cup/CupView.js';
import { useConnection, useRoute } from './hooks.js';
import { MatchView } from './match/MatchView.js';
import { routeHash } from './route.js';

// Read once at load: a page opened on a link to a view (even `#/`, the list) keeps it; only a bare address is redirected.
const openedBare = window.location.hash === '' || window.location.hash === '#';

export function App({ conn }: { conn: Connection }) {
  useConnection(conn);
  const route = useRoute();
  useOpenLoneReplay(conn, route.view === 'cup');
  return (
    <div className="app">
      {conn.notice && (
        <div className="notice" role="status">
          {conn.notice}
        </div>
      )}
      {route.view === 'match' ? (
        <MatchView key={route.matchId} conn={conn} matchId={route.matchId} tick={route.tick} />
      ) : conn.served ? (
        <CupView served={conn.served} />
      ) : (
        <p className="muted loading">{conn.state === 'closed' ? 'Cannot reach the server.' : 'Connecting…'}</p>
      )}
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
