// One match result turned into the policy's line of the scrimmage table.
import type { RunResult } from '../runner/job.js';
import type { ScrimFixture } from './plan.js';
import type { ScrimLine } from './table.js';

/** The policy's view of a match: its side's goals, shots, ball, faults and budget (a Python policy's in its own units). */
export function scrimLine(f: ScrimFixture, r: Pick<RunResult, 'score' | 'stats' | 'teams' | 'limits' | 'forfeit' | 'hash'>, python = false): ScrimLine {
  const us = f.policyHome ? 0 : 1;
  const them = f.policyHome ? 1 : 0;
  const mine = r.stats.teams[us];
  const theirs = r.stats.teams[them];
  const box = r.teams[us];
  const forfeit = r.forfeit ? (f.policyHome ? r.forfeit.home : r.forfeit.away) : null;
  return {
    id: f.id,
    opponent: f.opponent,
    scrimSeed: f.scrimSeed,
    seed: f.seed,
    policyHome: f.policyHome,
    // The score, not stats.goals: a forfeit is 0-3 without a goal scored.
    goalsFor: r.score[us],
    goalsAgainst: r.score[them],
    shotsFor: mine.shots,
    shotsAgainst: theirs.shots,
    possessionFor: mine.possessionTicks,
    possessionAgainst: theirs.possessionTicks,
    faults: box.faultCount,
    budgetP99: box.budget?.p99 ?? 0,
    budgetMax: box.budget?.max ?? 0,
    budgetLimit: python ? r.limits.pyTickBudget : r.limits.tickBudget,
    forfeit,
    hash: r.hash,
  };
}
