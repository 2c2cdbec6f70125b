// Words for what the engine raises, for the feed and tooltips.
import type { MatchEvent } from '../../../engine/state.js';
import { TEAM_SIZE } from '../../../engine/state.js';

const LABELS: Record<string, string> = {
  goal: 'Goal',
  shot: 'Shot',
  kickoff: 'Kick-off',
  throw_in: 'Throw-in',
  corner: 'Corner',
  goal_kick: 'Goal kick',
  free_kick: 'Free kick',
  indirect_free_kick: 'Indirect free kick',
  penalty: 'Penalty',
  dropped_ball: 'Dropped ball',
  offside: 'Offside',
  foul: 'Foul',
  advantage: 'Advantage',
  yellow_card: 'Yellow card',
  red_card: 'Red card',
  catch: 'Catch',
  parry: 'Parry',
  handling: 'Handling',
  back_pass: 'Back pass',
  six_seconds: 'Six seconds',
  second_handling: 'Keeper handled again after releasing',
  shootout_lot: 'Shoot-out decided by lot',
  double_touch: 'Double touch',
  auto_restart: 'Restart taken by the referee',
  woodwork: 'Woodwork',
  half_time: 'Half time',
  extra_time: 'Extra time',
  full_time: 'Full time',
  shootout: 'Shoot-out',
  shootout_kick: 'Shoot-out kick',
  tackle: 'Tackle',
  no_goal: 'No goal',
};

const DETAILS: Record<string, string> = {
  on_target: 'on target',
  off_target: 'off target',
  own_goal: 'own goal',
  scored: 'scored',
  saved: 'saved',
  missed: 'missed',
};

/** Events worth a line in the feed; the rest (tackles, catches) would drown it. */
export const FEED_TYPES = new Set([
  'goal', 'shot', 'kickoff', 'corner', 'penalty', 'offside', 'foul', 'yellow_card', 'red_card', 'woodwork', 'half_time',
  'extra_time', 'full_time', 'shootout', 'shootout_kick', 'no_goal', 'auto_restart', 'free_kick', 'indirect_free_kick',
  'handling', 'back_pass', 'six_seconds', 'second_handling', 'double_touch', 'dropped_ball', 'shootout_lot',
]);

export function eventText(e: MatchEvent, teams: [string, string]): string {
  const label = LABELS[e.type] ?? e.type.replace(/_/g, ' ');
  const team = e.team === 0 || e.team === 1 ? teams[e.team] : '';
  const who = e.player >= 0 ? ` #${(e.player % TEAM_SIZE) + 1}` : '';
  const detail = e.detail ? ` (${DETAILS[e.detail] ?? e.detail.replace(/_/g, ' ')})` : '';
  return `${label}${detail}${team ? ` · ${team}${who}` : ''}`;
}
