// Pitch regions, in absolute coordinates, for a team that attacks toward sign * x.
import { PITCH, RULES } from './constants.js';

/** True when (x, y) lies in the penalty area that team with attack sign `s` defends. */
export function inOwnPenaltyArea(x: number, y: number, s: number): boolean {
  return s * x <= -PITCH.halfLength + PITCH.penaltyAreaDepth && s * x >= -PITCH.halfLength - RULES.areaBehindLine && Math.abs(y) <= PITCH.penaltyAreaWidth / 2;
}

export function inOwnGoalArea(x: number, y: number, s: number): boolean {
  return s * x <= -PITCH.halfLength + PITCH.goalAreaDepth && Math.abs(y) <= PITCH.goalAreaWidth / 2;
}

export function dist(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  return Math.sqrt(dx * dx + dy * dy);
}
