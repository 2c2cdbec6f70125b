// @ts-check
// builtin:statue — stands still all match. For tests: the weakest possible team.

/** @returns {import('../engine/policy').Commands} */
export function tick() {
  return [];
}
