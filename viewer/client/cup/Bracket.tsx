// The knockout bracket: one column per round (ties grouped by their label without the number), each tie with
// its sides, its matches (drawn by the caller: a cup links its served matches, a season its stored replays)
// and the winner in bold.
import type { ReactNode } from 'react';
import type { MatchEntry, TieInfo } from '../../protocol.js';
import { matchHref, scoreText } from './names.js';

/** A tie as the bracket draws it: the cup's TieInfo, or a season's (whose decidedBy may be null). */
export type BracketTie = Omit<TieInfo, 'decidedBy'> & { decidedBy?: TieInfo['decidedBy'] | null };

interface Props {
  ties: readonly BracketTie[];
  /** Draws one match of a tie (its score, linked where it can be watched); null draws nothing. */
  match: (id: string) => ReactNode;
  name: (id: string | null) => string;
}

function roundOf(label: string): string {
  return label.replace(/\s+\d+$/, '');
}

/** A cup's match in the bracket: its score, linked when it can be streamed; its status otherwise. */
export function cupBracketMatch(matches: readonly MatchEntry[]): (id: string) => ReactNode {
  const byId = new Map(matches.map((m) => [m.id, m]));
  return (id) => {
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
  };
}

export function Bracket({ ties, match, name }: Props) {
  const rounds: Array<{ name: string; ties: BracketTie[] }> = [];
  for (const t of ties) {
    const r = roundOf(t.label);
    const last = rounds[rounds.length - 1];
    if (last && last.name === r) last.ties.push(t);
    else rounds.push({ name: r, ties: [t] });
  }
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
                  {t.matches.map((id) => match(id))}
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
