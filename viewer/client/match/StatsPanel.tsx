// Statistics: counted from the events up to the shown tick (the same live and in a replay), plus the
// footer's whole-match figures (possession, passes, distance) once the match is over.
import type { ReplayFooter } from '../../../engine/replay/types.js';
import type { EventCounts } from '../playback/match-stats.js';

interface Props {
  counts: [EventCounts, EventCounts];
  footer: ReplayFooter | null;
  teams: [string, string];
}

const ROWS: Array<[keyof EventCounts, string]> = [
  ['goals', 'Goals'],
  ['shots', 'Shots'],
  ['onTarget', 'On target'],
  ['corners', 'Corners'],
  ['fouls', 'Fouls'],
  ['offsides', 'Offsides'],
  ['yellow', 'Yellow cards'],
  ['red', 'Red cards'],
];

export function StatsPanel({ counts, footer, teams }: Props) {
  const st = footer?.stats;
  const poss = st ? st.teams[0].possessionTicks + st.teams[1].possessionTicks : 0;
  return (
    <section className="panel stats" data-testid="stats">
      <table>
        <thead>
          <tr>
            <th>{teams[0]}</th>
            <th>so far</th>
            <th>{teams[1]}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([k, label]) => (
            <tr key={k}>
              <td>{counts[0][k]}</td>
              <td className="label">{label}</td>
              <td>{counts[1][k]}</td>
            </tr>
          ))}
        </tbody>
        {st && (
          <tbody className="full">
            <tr>
              <td colSpan={3} className="caption">
                whole match
              </td>
            </tr>
            <tr>
              <td>{poss ? Math.round((100 * st.teams[0].possessionTicks) / poss) : 0}%</td>
              <td className="label">Possession</td>
              <td>{poss ? Math.round((100 * st.teams[1].possessionTicks) / poss) : 0}%</td>
            </tr>
            <tr>
              <td>
                {st.teams[0].passesCompleted}/{st.teams[0].passes}
              </td>
              <td className="label">Passes</td>
              <td>
                {st.teams[1].passesCompleted}/{st.teams[1].passes}
              </td>
            </tr>
            <tr>
              <td>{st.teams[0].tacklesWon}/{st.teams[0].tackles}</td>
              <td className="label">Tackles won</td>
              <td>{st.teams[1].tacklesWon}/{st.teams[1].tackles}</td>
            </tr>
            <tr>
              <td>{(st.teams[0].distance / 1000).toFixed(1)} km</td>
              <td className="label">Distance</td>
              <td>{(st.teams[1].distance / 1000).toFixed(1)} km</td>
            </tr>
          </tbody>
        )}
      </table>
    </section>
  );
}
