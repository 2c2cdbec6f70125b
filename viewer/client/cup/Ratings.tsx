// The rating table, strongest first, with the 95% interval when the method gives one.
import type { RatingInfo } from '../../protocol.js';

interface Props {
  ratings: readonly RatingInfo[];
  name: (id: string | null) => string;
}

export function Ratings({ ratings, name }: Props) {
  const rows = [...ratings].sort((a, b) => b.rating - a.rating);
  return (
    <section className="card ratings" data-testid="ratings">
      <h3>Ratings</h3>
      <table>
        <thead>
          <tr>
            <th className="team">Team</th>
            <th>Rating</th>
            <th>95% interval</th>
            <th>Games</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.team}>
              <td className="team">{name(r.team)}</td>
              <td>{Math.round(r.rating)}</td>
              <td className="muted">{r.low !== undefined && r.high !== undefined ? `${Math.round(r.low)} – ${Math.round(r.high)}` : ''}</td>
              <td>{r.games}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
