// Every match known so far, in schedule order, with its score and status; one click to watch.
import type { MatchEntry } from '../../protocol.js';
import { matchHref, scoreText } from './names.js';

interface Props {
  matches: readonly MatchEntry[];
  name: (id: string | null) => string;
}

export function MatchList({ matches, name }: Props) {
  return (
    <section className="card matches" data-testid="matches">
      <h3>Matches</h3>
      <table>
        <tbody>
          {matches.map((m) => (
            <tr key={m.id} className={`status-${m.status}`} data-testid="match-row" data-match={m.id}>
              <td className="muted">{m.streamable ? <a href={matchHref(m.id)}>{m.label}</a> : m.label}</td>
              <td className={m.winner === 'home' ? 'team win' : 'team'}>{name(m.home)}</td>
              <td className="score">
                {m.streamable ? <a href={matchHref(m.id)}>{scoreText(m)}</a> : <span className="muted">{scoreText(m)}</span>}
              </td>
              <td className={m.winner === 'away' ? 'team win' : 'team'}>{name(m.away)}</td>
              <td>{m.status === 'live' ? <span className="live-badge">LIVE</span> : m.status === 'scheduled' ? <span className="muted">scheduled</span> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
