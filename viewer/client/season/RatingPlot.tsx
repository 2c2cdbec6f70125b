// Each team's rating after each played matchday, one line per team, drawn as SVG (no chart library:
// the client bundles only React). The last point carries the 95% interval as a bar.
import type { SeasonMatchday } from './types.js';
import { teamColor } from './colors.js';

const W = 520;
const H = 220;
const PAD = { l: 44, r: 90, t: 12, b: 28 };

export function RatingPlot({ matchdays, teams }: { matchdays: readonly SeasonMatchday[]; teams: readonly string[] }) {
  const played = matchdays.filter((m) => m.state === 'played' && m.ratings && m.ratings.length > 0);
  if (played.length === 0) {
    return <p className="muted" data-testid="rating-plot-empty">The rating plot appears once the server gives ratings per matchday.</p>;
  }
  const values = played.flatMap((m) => m.ratings!.flatMap((r) => [r.rating, r.low ?? r.rating, r.high ?? r.rating]));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const x = (i: number): number => PAD.l + (played.length === 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (played.length - 1));
  const y = (v: number): number => PAD.t + ((hi - v) * (H - PAD.t - PAD.b)) / span;
  // Labels at the right end, at each line's last rating, pushed apart so close ratings stay readable.
  const labelY = new Map<string, number>();
  const finals = teams
    .map((team) => {
      const r = [...played].reverse().map((m) => m.ratings!.find((q) => q.team === team)).find((q) => q !== undefined);
      return r ? { team, y: y(r.rating) + 4 } : null;
    })
    .filter((f) => f !== null)
    .sort((a, b) => a.y - b.y);
  let prev = -Infinity;
  for (const f of finals) {
    prev = Math.max(f.y, prev + 13);
    labelY.set(f.team, prev);
  }
  return (
    <svg className="rating-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="rating over matchdays" data-testid="rating-plot">
      <line x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} className="axis" />
      <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} className="axis" />
      <text x={PAD.l - 6} y={y(hi) + 4} textAnchor="end" className="tick-label">{Math.round(hi)}</text>
      <text x={PAD.l - 6} y={y(lo) + 4} textAnchor="end" className="tick-label">{Math.round(lo)}</text>
      {played.map((m, i) => (
        <text key={m.n} x={x(i)} y={H - PAD.b + 16} textAnchor="middle" className="tick-label">
          MD {m.n}
        </text>
      ))}
      {teams.map((team, k) => {
        const pts = played.map((m, i) => {
          const r = m.ratings!.find((q) => q.team === team);
          return r ? { x: x(i), r } : null;
        });
        const path = pts.filter((p) => p !== null).map((p) => `${p.x},${y(p.r.rating)}`).join(' ');
        const last = [...pts].reverse().find((p) => p !== null);
        const c = teamColor(k);
        return (
          <g key={team} data-testid="rating-line" data-team={team}>
            <polyline points={path} fill="none" stroke={c} strokeWidth={2} />
            {pts.map((p, i) => p && <circle key={i} cx={p.x} cy={y(p.r.rating)} r={3} fill={c} />)}
            {last && last.r.low !== undefined && last.r.high !== undefined && (
              <line x1={last.x + 4} x2={last.x + 4} y1={y(last.r.low)} y2={y(last.r.high)} stroke={c} strokeWidth={1} opacity={0.6} />
            )}
            {last && (
              <text x={W - PAD.r + 8} y={labelY.get(team) ?? y(last.r.rating) + 4} fill={c} className="line-label">
                {team}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
