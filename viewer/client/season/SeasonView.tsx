// The season at a glance: the table (a World Cup's group tables) and ratings now, a knockout's bracket, the
// rating plot over the matchdays, and matchday by matchday its fixtures, results and the table after it. A
// matchday being played shows as live.
import type { ReactNode } from 'react';
import { Bracket } from '../cup/Bracket.js';
import { Ratings } from '../cup/Ratings.js';
import { StandingsTable } from '../cup/StandingsTable.js';
import { LoginBox } from './LoginBox.js';
import { RatingPlot } from './RatingPlot.js';
import { MatchdayCard } from './MatchdayCard.js';
import { seasonScore, teamHref, watchHref } from './links.js';
import type { SeasonMatch, SeasonMatchday, SeasonStatus } from './types.js';

/** A season's match in the bracket: its score, linked to its replay once played (or its stream while live). */
function seasonBracketMatch(matchdays: readonly SeasonMatchday[]): (id: string) => ReactNode {
  const byId = new Map<string, { md: SeasonMatchday; m: SeasonMatch }>();
  for (const md of matchdays) for (const m of md.matches) byId.set(m.id, { md, m });
  return (id) => {
    const found = byId.get(id);
    if (!found) return null;
    const href = watchHref(found.md, found.m);
    return href ? (
      <a key={id} href={href}>
        {seasonScore(found.m)}
      </a>
    ) : (
      <span key={id} className="muted">
        {seasonScore(found.m)}
      </span>
    );
  };
}

export function SeasonView({ season }: { season: SeasonStatus }) {
  const name = (id: string | null): string => id ?? 'TBD';
  const live = season.matchdays.find((m) => m.state === 'locked');
  const played = season.matchdays.filter((m) => m.state === 'played').length;
  return (
    <div className="season-view" data-testid="season">
      <header className="cup-head">
        <h1>{season.name}</h1>
        <span className="muted">
          {season.format} · {season.teams.length} teams · matchday {played} of {season.matchdays.length} played
          {season.ended ? ' · season over' : ''}
        </span>
        {season.champion && season.ended && <span className="champion">Champion: {season.champion}</span>}
        {live && (
          <span className="live-badge" data-testid="season-live">
            MATCHDAY {live.n} LIVE{season.progress && season.progress.matchday === live.n ? ` · ${season.progress.done}/${season.progress.total}` : ''}
          </span>
        )}
        <LoginBox />
      </header>
      <nav className="team-links" data-testid="team-links">
        {season.teams.map((t) => (
          <a key={t} href={teamHref(t)}>
            {t}
          </a>
        ))}
      </nav>
      <div className="groups">
        {season.groups && season.groups.length > 0 ? (
          season.groups.map((g) => (
            <div key={g.name} data-testid="season-group">
              <StandingsTable title={`Group ${g.name}`} rows={g.table} name={name} complete={g.complete} />
            </div>
          ))
        ) : (
          <div data-testid="season-standings">
            <StandingsTable title="Table" rows={season.standings} name={name} />
          </div>
        )}
        {season.ratings.length > 0 && <Ratings ratings={season.ratings} name={name} />}
        <section className="card">
          <h3>Rating over the matchdays</h3>
          <RatingPlot matchdays={season.matchdays} teams={season.teams} />
        </section>
      </div>
      {season.bracket && season.bracket.length > 0 && <Bracket ties={season.bracket} match={seasonBracketMatch(season.matchdays)} name={name} />}
      <div className="matchdays">
        {season.matchdays.map((md) => (
          <MatchdayCard key={md.n} md={md} />
        ))}
      </div>
    </div>
  );
}
