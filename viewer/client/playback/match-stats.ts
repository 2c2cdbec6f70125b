// Match statistics counted from the events up to a tick: the same numbers live and in a replay,
// and they never give away what happens after the shown moment.
import type { MatchEvent } from '../../../engine/state.js';

export interface EventCounts {
  goals: number;
  shots: number;
  onTarget: number;
  corners: number;
  fouls: number;
  offsides: number;
  yellow: number;
  red: number;
}

export function emptyCounts(): EventCounts {
  return { goals: 0, shots: 0, onTarget: 0, corners: 0, fouls: 0, offsides: 0, yellow: 0, red: 0 };
}

/** Counts per team (0 home, 1 away) over events with tick <= `tick`; `events` must be in tick order. */
export function countsUpTo(events: readonly MatchEvent[], tick: number): [EventCounts, EventCounts] {
  const c: [EventCounts, EventCounts] = [emptyCounts(), emptyCounts()];
  for (const e of events) {
    if (e.tick > tick) break;
    const t = c[e.team as 0 | 1];
    if (!t) continue;
    switch (e.type) {
      case 'goal':
        t.goals++;
        break;
      case 'shot':
        t.shots++;
        if (e.detail === 'on_target') t.onTarget++;
        break;
      case 'corner':
        t.corners++;
        break;
      case 'foul':
        t.fouls++;
        break;
      case 'offside':
        t.offsides++;
        break;
      case 'yellow_card':
        t.yellow++;
        break;
      case 'red_card':
        t.red++;
        break;
    }
  }
  return c;
}
