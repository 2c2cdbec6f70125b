// The cup view: name and champion, groups (or the table), the bracket, the matches and the ratings.
import type { ServedList } from '../../protocol.js';
import { Bracket, cupBracketMatch } from './Bracket.js';
import { MatchList } from './MatchList.js';
import { Ratings } from './Ratings.js';
import { StandingsTable } from './StandingsTable.js';
import { nameOf } from './names.js';

export function CupView({ served }: { served: ServedList }) {
  const name = nameOf(served);
  const live = served.matches.filter((m) => m.status === 'live').length;
  return (
    <div className="cup-view">
      <header className="cup-head">
        <h1>{served.name}</h1>
        {served.champion && <span className="champion">Champion: {name(served.champion)}</span>}
        {live > 0 && <span className="live-badge">{live} LIVE</span>}
      </header>
      {served.groups.length > 0 && (
        <div className="groups" data-testid="groups">
          {served.groups.map((g) => (
            <StandingsTable key={g.name} title={`Group ${g.name}`} rows={g.table} name={name} complete={g.complete} />
          ))}
        </div>
      )}
      {served.table && <StandingsTable title="Table" rows={served.table} name={name} />}
      {served.bracket.length > 0 && <Bracket ties={served.bracket} match={cupBracketMatch(served.matches)} name={name} />}
      <div className="cup-bottom">
        <MatchList matches={served.matches} name={name} />
        {served.ratings.length > 0 && <Ratings ratings={served.ratings} name={name} />}
      </div>
    </div>
  );
}
