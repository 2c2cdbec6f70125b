// Raising events: every referee decision and notable moment becomes one entry in state.events.
import { displayMinute } from './timing.js';
import type { MatchState } from './state.js';

export function emit(state: MatchState, type: string, team: number, player: number, x: number, y: number, detail?: string): void {
  const e = { tick: state.tick, minute: displayMinute(state), type, team, player, x, y } as MatchState['events'][number];
  if (detail !== undefined) e.detail = detail;
  state.events.push(e);
}
