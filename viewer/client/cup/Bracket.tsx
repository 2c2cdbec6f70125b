// The knockout bracket: one column per round (ties grouped by their label without the number),
// each tie with its sides, its matches' scores (one click to watch) and the winner in bold.
import type { MatchEntry, TieInfo } from '../../protocol.js';
import { matchHref, scoreText } from './names.js';

interface Props {
  ties: readonly TieInfo[];
  matches: readonly MatchEntry[];
  name: (id: string | null) => string;
}

function roundOf(label: string): string {
  return label.replace(/\s+\d+$/, '');
}

export function Bracket({ ties, matches, name }: Props) {
  const rounds: Array<{ name: string; ties: TieInfo[] }> = [];
  for (const t of ties) {
    const r = roundOf(t.label);
    const last = rounds[rounds.length - 1];
    if (last && last.name === r) last.ties.push(t);
    else rounds.push({ name: r, ties: [t] });
  }
  const byId = new Map(matches.map((m) => [m.id, m]));
  return (
    <section className="card bracket" data-testid="bracket">
      <h3>Knockout</h3>
      <div className="rounds">
        {rounds.map((r) => (
          <div className="round" key={r.name}>
            <h4>{r.name}</h4>
            {r.ties.map((t) => (
              <div className="tie" key={t.id} data-testid="tie">
                <div className={t.winner && t.winner === t.home ? 'side win' : 'side'}>{name(t.home)}</div>
                <div className={t.winner && t.winner === t.away ? 'side win' : 'side'}>{name(t.away)}</div>
                <div className="tie-matches">
                  {t.matches.map((id) => {
                    const m = byId.get(id);
                    if (!m) return null;
                    return m.streamable ? (
                      <a key={id} href={matchHref(id)} className={m.status === 'live' ? 'live' : ''}>
                        {m.status === 'live' ? '● ' : ''}
                        {scoreText(m)}
                      </a>
                    ) : (
                      <span key={id} className="muted">
                        {m.status}
                      </span>
                    );
                  })}
                  {t.decidedBy === 'lot' && <span className="muted"> by lot</span>}
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
