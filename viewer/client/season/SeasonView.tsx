// The season at a glance: the table and ratings now, the rating plot over the matchdays, and matchday by
// matchday its fixtures, results and the table after it. A matchday being played shows as live.
import { Ratings } from '../cup/Ratings.js';
import { StandingsTable } from '../cup/StandingsTable.js';
import { LoginBox } from './LoginBox.js';
import { RatingPlot } from './RatingPlot.js';
import { MatchdayCard } from './MatchdayCard.js';
import { teamHref } from './links.js';
import type { SeasonStatus } from './types.js';

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
        <div data-testid="season-standings">
          <StandingsTable title="Table" rows={season.standings} name={name} />
        </div>
        {season.ratings.length > 0 && <Ratings ratings={season.ratings} name={name} />}
        <section className="card">
          <h3>Rating over the matchdays</h3>
          <RatingPlot matchdays={season.matchdays} teams={season.teams} />
        </section>
      </div>
      <div className="matchdays">
        {season.matchdays.map((md) => (
          <MatchdayCard key={md.n} md={md} />
        ))}
      </div>
    </div>
  );
}
