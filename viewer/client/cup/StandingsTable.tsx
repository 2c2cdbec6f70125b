// One table (a group, or the league/Swiss table), best first.
import type { TableRow } from '../../protocol.js';

interface Props {
  title: string;
  rows: readonly TableRow[];
  name: (id: string) => string;
  complete?: boolean;
}

export function StandingsTable({ title, rows, name, complete }: Props) {
  return (
    <section className="card table-card" data-testid="group">
      <h3>
        {title}
        {complete === false && <small className="muted"> · in progress</small>}
      </h3>
      <table className="standings">
        <thead>
          <tr>
            <th>#</th>
            <th className="team">Team</th>
            <th title="played">P</th>
            <th title="won">W</th>
            <th title="drawn">D</th>
            <th title="lost">L</th>
            <th title="goals for">GF</th>
            <th title="goals against">GA</th>
            <th title="goal difference">GD</th>
            <th title="points">Pts</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.team} title={r.separatedBy && r.separatedBy !== 'points' ? `above the next by ${r.separatedBy}` : undefined}>
              <td>{i + 1}</td>
              <td className="team">{name(r.team)}</td>
              <td>{r.played}</td>
              <td>{r.won}</td>
              <td>{r.drawn}</td>
              <td>{r.lost}</td>
              <td>{r.gf}</td>
              <td>{r.ga}</td>
              <td>{r.gd > 0 ? `+${r.gd}` : r.gd}</td>
              <td className="pts">{r.pts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
