// Links between the season's pages and its matches.
import { routeHash } from '../route.js';
import type { SeasonMatch, SeasonMatchday } from './types.js';

export function teamHref(team: string): string {
  return routeHash({ view: 'team', team });
}

/** Being played right now: its matchday is locked and it has no result yet. */
export function isLive(md: SeasonMatchday, m: SeasonMatch): boolean {
  return md.state === 'locked' && m.score === null;
}

/** Where to watch a match: its stored replay once played, the live stream while it is played, nothing before. */
export function watchHref(md: SeasonMatchday, m: SeasonMatch): string | null {
  if (m.replay && m.score !== null) return routeHash({ view: 'season-match', matchId: m.id, tick: null });
  if (isLive(md, m)) return routeHash({ view: 'match', matchId: m.id, tick: null });
  return null;
}

export function seasonScore(m: SeasonMatch): string {
  if (!m.score) return 'v';
  let s = `${m.score[0]} – ${m.score[1]}`;
  if (m.shootout) s += ` (${m.shootout[0]}–${m.shootout[1]} p)`;
  if (m.forfeit) s += ' (forfeit)';
  return s;
}
