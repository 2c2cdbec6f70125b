// Team names and score text shared by the cup view's parts.
import type { MatchEntry, ServedList } from '../../protocol.js';

export function nameOf(served: ServedList): (id: string | null) => string {
  const names = new Map(served.teams.map((t) => [t.id, t.name]));
  return (id) => (id === null ? 'TBD' : names.get(id) ?? id);
}

export function scoreText(m: MatchEntry): string {
  if (!m.score) return 'v';
  let s = `${m.score[0]} – ${m.score[1]}`;
  if (m.shootout) s += ` (${m.shootout[0]}–${m.shootout[1]} p)`;
  return s;
}

export function matchHref(id: string): string {
  return `#/match/${encodeURIComponent(id)}`;
}
