// @ts-check
// builtin:ladder-2 — rung 2 of the ladder: all eleven run at the ball and kick it at the goal.
//
// The beginner's first policy. It wins the ball from a team that stands still, but it has no
// shape: one long ball over the swarm and there is nobody left at the back.

/**
 * @param {import('../../engine/policy').Observation} obs
 * @returns {import('../../engine/policy').Commands}
 */
export function tick(obs) {
  const goal = { x: obs.info.pitch.length / 2, y: 0 };
  return obs.own.map(() => ({
    moveTo: { x: obs.ball.x, y: obs.ball.y },
    sprint: true,
    // Moderate power: hard enough to move the ball upfield, too soft to beat a keeper from afar.
    kick: { target: goal, power: 0.7 },
  }));
}
