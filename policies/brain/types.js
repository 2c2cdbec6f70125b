// The public API's types under the names the brain's JSDoc uses; the generator copies these typedef lines into every policy.
/** @typedef {import('../../engine/policy').Observation} Observation */
/** @typedef {import('../../engine/policy').PlayerView} PlayerView */
/** @typedef {import('../../engine/policy').PlayerCommand} PlayerCommand */
/** @typedef {import('../../engine/policy').BallView} BallView */
/** @typedef {import('../../engine/policy').Vec2} Vec2 */
export {};
