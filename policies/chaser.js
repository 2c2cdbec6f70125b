// @ts-check
// builtin:chaser — every player runs at the ball and kicks it toward the goal. For tests.

/**
 * @param {import('../engine/policy').Observation} obs
 * @returns {import('../engine/policy').Commands}
 */
export function tick(obs) {
  const goal = { x: obs.info.pitch.length / 2, y: 0 };
  return obs.own.map(() => ({
    moveTo: { x: obs.ball.x, y: obs.ball.y },
    sprint: true,
    kick: { target: goal, power: 0.7 },
  }));
}
