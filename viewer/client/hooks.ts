// Small React bindings: the route from the URL hash and re-rendering on external store changes.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Connection } from './connection.js';
import { parseRoute, type Route } from './route.js';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** Re-renders on every change of the connection (list, statuses, notices). */
export function useConnection(conn: Connection): number {
  return useSyncExternalStore(conn.subscribe, conn.getVersion);
}
