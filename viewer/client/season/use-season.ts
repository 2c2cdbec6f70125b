// The season this server hosts, polled while the page is open: every few seconds while a matchday is being
// played (so live scores and the tables move), less often otherwise. null until known; 'none' without a season.
import { useEffect, useState } from 'react';
import { fetchSeason } from './api.js';
import type { SeasonStatus } from './types.js';

const LIVE_MS = 2000;
const IDLE_MS = 15000;

export type SeasonState = { season: SeasonStatus | null | 'none'; error: string | null };

export function useSeason(): SeasonState {
  const [state, setState] = useState<SeasonState>({ season: null, error: null });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      fetchSeason()
        .then((s) => {
          if (stopped) return;
          setState({ season: s ?? 'none', error: null });
          // No season here: nothing to poll for.
          if (s) timer = setTimeout(poll, s.matchdays.some((m) => m.state === 'locked') ? LIVE_MS : IDLE_MS);
        })
        .catch((e: unknown) => {
          if (stopped) return;
          setState((old) => ({ season: old.season, error: e instanceof Error ? e.message : String(e) }));
          timer = setTimeout(poll, IDLE_MS);
        });
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return state;
}
