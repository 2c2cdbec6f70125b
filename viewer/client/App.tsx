// The app: one connection to the server, and the view the URL names.
import { Connection } from './connection.js';
import { CupView } from './cup/CupView.js';
import { useConnection, useRoute } from './hooks.js';
import { MatchView } from './match/MatchView.js';

export function App({ conn }: { conn: Connection }) {
  useConnection(conn);
  const route = useRoute();
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
