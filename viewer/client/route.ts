// The URL names what is shown: `#/` the cup, `#/match/<id>?t=<tick>` a match at a tick,
// so a link to a moment can be shared. The hash keeps it working from any static server path.
export type Route = { view: 'cup' } | { view: 'match'; matchId: string; tick: number | null };

export function parseRoute(hash: string): Route {
  const m = /^#\/match\/([^?]+)(?:\?(.*))?$/.exec(hash);
  if (!m) return { view: 'cup' };
  let matchId: string;
  try {
    matchId = decodeURIComponent(m[1]!);
  } catch {
    return { view: 'cup' };
  }
  const t = new URLSearchParams(m[2] ?? '').get('t');
  const tick = t !== null && /^\d+$/.test(t) ? Number(t) : null;
  return { view: 'match', matchId, tick };
}

export function routeHash(r: Route): string {
  if (r.view === 'cup') return '#/';
  return `#/match/${encodeURIComponent(r.matchId)}${r.tick !== null ? `?t=${r.tick}` : ''}`;
}
