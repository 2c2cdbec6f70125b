// Fetching from the season API: the public status, a team's submissions, its own logs (with its token),
// and a match's replay bytes. Every failure comes back as an Error whose message a person can read.
import { getToken } from './token.js';
import { API, API_INDEX, isSeasonStatus, type Me, type SeasonStatus, type SubmissionInfo, type TeamMatchLog } from './types.js';

function headers(withToken: boolean): HeadersInit {
  const t = withToken ? getToken() : null;
  return t ? { authorization: `Bearer ${t}` } : {};
}

async function getJson(path: string, withToken = false): Promise<unknown> {
  const r = await fetch(`${API}${path}`, { headers: headers(withToken) });
  if (!r.ok) {
    let why = `${r.status}`;
    try {
      const body = (await r.json()) as { error?: unknown };
      if (typeof body.error === 'string') why = `${r.status} ${body.error}`;
    } catch {
      /* not JSON: the status says enough */
    }
    throw new Error(`${API}${path}: ${why}`);
  }
  return r.json();
}

/**
 * The season, or null when this server has none. The server lists what it mounts at /api/index.json, so a
 * plain viewer is told "no season" by a 200 rather than by a 404 the browser would log as an error.
 */
export async function fetchSeason(): Promise<SeasonStatus | null> {
  let index: unknown;
  try {
    const i = await fetch(API_INDEX);
    if (!i.ok) return null;
    index = await i.json();
  } catch {
    return null;
  }
  const apis = (index as { apis?: unknown }).apis;
  if (!Array.isArray(apis) || !apis.includes(API)) return null;
  const r = await fetch(`${API}/season`);
  if (!r.ok) throw new Error(`${API}/season: ${r.status}`);
  const body: unknown = await r.json();
  if (!isSeasonStatus(body)) throw new Error(`${API}/season: not a season this viewer can read`);
  return body;
}

export async function fetchSubmissions(team: string): Promise<SubmissionInfo[]> {
  const body = await getJson(`/teams/${encodeURIComponent(team)}/submissions`);
  if (!Array.isArray(body)) throw new Error('submissions: not a list');
  return body as SubmissionInfo[];
}

/** Who the token in this tab belongs to. */
export async function fetchMe(): Promise<Me> {
  return (await getJson('/me', true)) as Me;
}

/** The signed-in team's own logs of one matchday. */
export async function fetchLogs(team: string, matchday: number): Promise<TeamMatchLog[]> {
  const body = (await getJson(`/teams/${encodeURIComponent(team)}/logs?matchday=${matchday}`, true)) as { matches?: unknown };
  return Array.isArray(body.matches) ? (body.matches as TeamMatchLog[]) : [];
}

/**
 * A match's replay file. Public replays are redacted during the season; with a token the server may send
 * more (the team's own debug output), so it goes along when there is one.
 */
export async function fetchReplay(matchId: string): Promise<Uint8Array> {
  const r = await fetch(`${API}/matches/${encodeURIComponent(matchId)}/replay`, { headers: headers(true) });
  if (!r.ok) throw new Error(`replay of ${matchId}: ${r.status === 404 ? 'not stored (a forfeit, or not played yet)' : `HTTP ${r.status}`}`);
  return new Uint8Array(await r.arrayBuffer());
}
