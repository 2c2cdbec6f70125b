// The final whistle: the match ends, with the reason it ended (full time, extra time, a shoot-out).
import { emit } from '../events.js';
import { PERIOD_FINISHED, type MatchState } from '../state.js';

export function finish(state: MatchState, reason: string): void {
  state.period = PERIOD_FINISHED;
  state.finished = true;
  state.endReason = reason;
  emit(state, 'full_time', -1, -1, 0, 0, reason);
}
