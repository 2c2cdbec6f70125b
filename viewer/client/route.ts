// The URL names what is shown: `#/` the cup (or the season), `#/match/<id>?t=<tick>` a match streamed
// over the WebSocket at a tick, `#/season/match/<id>?t=<tick>` a season match from its stored replay,
// `#/season/team/<name>` a team's page. A link to a moment can be shared; the hash keeps it working
// from any static server path.
export type Route =
  | { view: 'cup' }
  | { view: 'match'; matchId: string; tick: number | null }
  | { view: 'season-match'; matchId: string; tick: number | null }
  | { view: 'team'; team: string };

function decoded(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function tickOf(query: string | undefined): number | null {
  const t = new URLSearchParams(query ?? '').get('t');
  return t !== null && /^\d+$/.test(t) ? Number(t) : null;
}

export function parseRoute(hash: string): Route {
  const team = /^#\/season\/team\/([^?]+)$/.exec(hash);
  if (team) {
    const name = decoded(team[1]!);
    return name === null ? { view: 'cup' } : { view: 'team', team: name };
  }
  const m = /^#\/(season\/)?match\/([^?]+)(?:\?(.*))?$/.exec(hash);
  if (!m) return { view: 'cup' };
  const matchId = decoded(m[2]!);
  if (matchId === null) return { view: 'cup' };
  return { view: m[1] ? 'season-match' : 'match', matchId, tick: tickOf(m[3]) };
}

export function routeHash(r: Route): string {
  switch (r.view) {
    case 'cup':
      return '#/';
    case 'team':
      return `#/season/team/${encodeURIComponent(r.team)}`;
    case 'match':
    case 'season-match':
      return `#/${r.view === 'season-match' ? 'season/' : ''}match/${encodeURIComponent(r.matchId)}${r.tick !== null ? `?t=${r.tick}` : ''}`;
  }
}
