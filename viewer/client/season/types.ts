// The season API's public shapes as the client reads them (GET /api/v1/season and friends). The server's
// zod schemas live in season/api; the client may not import them (it bundles only engine and protocol), so
// these are checked loosely on arrival (isSeasonStatus) rather than trusted. test/types/season-api-contract.ts holds
// them to the schemas at compile time: every reply the server can send must fit these types.
import type { GroupInfo, RatingInfo, TableRow } from '../../protocol.js';
import type { BracketTie } from '../cup/Bracket.js';

export const API = '/api/v1';
/** The server's list of mounted APIs (viewer/server/http/app.ts). */
export const API_INDEX = '/api/index.json';

export interface SeasonMatch {
  id: string;
  home: string;
  away: string;
  seed?: number | string;
  versions?: { home: number | null; away: number | null };
  score: [number, number] | null;
  shootout?: [number, number] | null;
  forfeit?: unknown;
  hash?: string | null;
  /** A replay is stored (a forfeit has none). */
  replay: boolean;
}

export interface SeasonMatchday {
  n: number;
  deadline: string | null;
  /** open: taking submissions; locked: being played; played: done. */
  state: 'open' | 'locked' | 'played';
  matches: SeasonMatch[];
  /** The table after this matchday (null until it is played). */
  standings: TableRow[] | null;
  /** Ratings after this matchday, when the server gives them (for the rating plot). */
  ratings?: RatingInfo[] | null;
}

export interface SeasonStatus {
  name: string;
  format: string;
  teams: string[];
  manual: boolean;
  ended: boolean;
  current: number | null;
  progress: { matchday: number; done: number; total: number; error: string | null } | null;
  matchdays: SeasonMatchday[];
  standings: TableRow[];
  ratings: RatingInfo[];
  /** A World-Cup season's groups; null for other formats (and from a server before they were served). */
  groups?: GroupInfo[] | null;
  /** The ties of a knockout or World-Cup season; null for other formats. */
  bracket?: BracketTie[] | null;
  champion?: string | null;
}

export interface SubmissionInfo {
  version: number;
  received: string;
  sha256: string;
  size: number;
  language: string;
  status: string;
}

export interface Me {
  role: 'admin' | 'team';
  team: string | null;
}

/** A team's own output in one match (GET /teams/:team/logs). */
export interface TeamMatchLog {
  matchId: string;
  side: 'home' | 'away';
  opponent: string;
  ticks: Array<{ tick: number; logs: string[]; marks: unknown[]; faults: Array<{ kind?: string; message?: string }> }>;
  faultCount: number;
  warnings: number;
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Enough of a check that the views can read it without throwing; anything else is "not a season". */
export function isSeasonStatus(x: unknown): x is SeasonStatus {
  if (!isObj(x) || typeof x.name !== 'string' || !Array.isArray(x.teams) || !Array.isArray(x.matchdays)) return false;
  if (!Array.isArray(x.standings) || !Array.isArray(x.ratings)) return false;
  if (x.groups != null && !(Array.isArray(x.groups) && x.groups.every((g) => isObj(g) && typeof g.name === 'string' && Array.isArray(g.table)))) return false;
  if (x.bracket != null && !(Array.isArray(x.bracket) && x.bracket.every((t) => isObj(t) && typeof t.id === 'string' && typeof t.label === 'string' && Array.isArray(t.matches)))) return false;
  return x.matchdays.every((m) => isObj(m) && typeof m.n === 'number' && Array.isArray(m.matches) && m.matches.every((g) => isObj(g) && typeof g.id === 'string' && typeof g.home === 'string' && typeof g.away === 'string'));
}
