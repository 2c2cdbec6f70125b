// @ts-check
// builtin:ladder-1 — rung 1 of the ladder: stands still all match.
//
// The floor of the ladder: any policy that does anything at all should beat it. Its players stay
// where the kick-off put them; the referee takes its restarts for it when their time runs out
// (the anti-stalling rule), so a match against it still flows.

/** @returns {import('../../engine/policy').Commands} */
export function tick() {
  return [];
}
