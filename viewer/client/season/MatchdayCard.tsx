// One matchday: its deadline and state, each fixture with its result (one click to watch), and the table
// after it once it is played.
import { StandingsTable } from '../cup/StandingsTable.js';
import { isLive, seasonScore, teamHref, watchHref } from './links.js';
import type { SeasonMatchday } from './types.js';

const STATE: Record<SeasonMatchday['state'], string> = { open: 'taking submissions', locked: 'being played', played: 'played' };

export function MatchdayCard({ md }: { md: SeasonMatchday }) {
  return (
    <section className={`card matchday state-${md.state}`} data-testid="matchday" data-n={md.n}>
      <h3>
        Matchday {md.n} <small className="muted">· {STATE[md.state] ?? md.state}</small>
        {md.deadline && md.state === 'open' && <small className="muted"> · deadline {new Date(md.deadline).toUTCString()}</small>}
      </h3>
      {md.matches.length === 0 && <p className="muted">Its fixtures are made when its deadline passes.</p>}
      <table>
        <tbody>
          {md.matches.map((m) => {
            const href = watchHref(md, m);
            const winner = m.score ? (m.score[0] > m.score[1] ? 'home' : m.score[1] > m.score[0] ? 'away' : null) : null;
            return (
              <tr key={m.id} data-testid="season-match" data-match={m.id}>
                <td className={winner === 'home' ? 'team win' : 'team'}>
                  <a href={teamHref(m.home)}>{m.home}</a>
                </td>
                <td className="score">{href ? <a href={href}>{seasonScore(m)}</a> : <span className="muted">{seasonScore(m)}</span>}</td>
                <td className={winner === 'away' ? 'team win' : 'team'}>
                  <a href={teamHref(m.away)}>{m.away}</a>
                </td>
                <td>{isLive(md, m) ? <span className="live-badge">LIVE</span> : m.versions ? <span className="muted">v{m.versions.home ?? '–'} · v{m.versions.away ?? '–'}</span> : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {md.standings && (
        <details>
          <summary>Table after matchday {md.n}</summary>
          <StandingsTable title={`After matchday ${md.n}`} rows={md.standings} name={(id) => id ?? 'TBD'} />
        </details>
      )}
    </section>
  );
}
