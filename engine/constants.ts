// Every number the engine plays by, in one place; the docs and MatchInfo read them from here.

/** Simulated ticks per second. [default: 10] */
export const TICKS_PER_SECOND = 10;
export const DT = 1 / TICKS_PER_SECOND;
/** Ticks in one half. [default: 3000, i.e. 5 simulated minutes shown as 45] */
export const DEFAULT_HALF_TICKS = 3000;
/** Ticks in each period of extra time. [default: 1000] */
export const DEFAULT_EXTRA_TIME_TICKS = 1000;
/** Hash checkpoint interval stored in replays. */
export const CHECKPOINT_EVERY = 100;

export const PITCH = {
  length: 105,
  width: 68,
  halfLength: 52.5,
  halfWidth: 34,
  goalWidth: 7.32,
  goalHeight: 2.44,
  penaltyAreaDepth: 16.5,
  penaltyAreaWidth: 40.32,
  goalAreaDepth: 5.5,
  goalAreaWidth: 18.32,
  penaltySpotDistance: 11,
  centreCircleRadius: 9.15,
  postRadius: 0.06,
} as const;

export const PHYS = {
  playerRadius: 0.4,
  ballRadius: 0.11,
  gravity: 9.81,
  /** Constant rolling deceleration on grass, m/s^2. */
  rollDecel: 0.9,
  /** Speed-proportional loss while rolling, per second. */
  rollDrag: 0.08,
  /** Quadratic air drag coefficient, 1/m. */
  airDrag: 0.012,
  /** Vertical restitution on a bounce; horizontal speed kept on a bounce. */
  bounce: 0.55,
  bounceFriction: 0.85,
  /** Below this vertical speed a landing ball stops bouncing and rolls. */
  settleSpeed: 1.2,
  postRestitution: 0.7,
  runSpeed: 6,
  sprintSpeed: 8,
  acceleration: 4,
  deceleration: 6,
  /** Top speed with no stamina left is this fraction of the fresh one. */
  exhaustedSpeedFactor: 0.65,
  sprintDrain: 0.0015,
  runDrain: 0.0002,
  recover: 0.0006,
  kickReach: 1.0,
  kickMaxHeight: 1.9,
  catchReach: 1.2,
  catchMaxHeight: 2.6,
  tackleReach: 1.6,
  maxKickSpeed: 30,
  throwSpeed: 18,
  /** Ticks a player must wait after a kick before touching the ball again. */
  kickCooldown: 3,
  /** Ticks a goalkeeper needs to recover after parrying a ball (no hands, no feet). */
  parryRecovery: 5,
  /** Direction noise (as a lateral fraction) of a perfect soft kick, and its growth with power, motion and awkwardness. */
  kickNoiseBase: 0.015,
  kickNoisePower: 0.055,
  kickNoiseMotion: 0.03,
  kickNoiseReach: 0.05,
  kickNoiseHeight: 0.08,
  /** Relative spread of a kick's speed at full power. */
  kickSpeedNoise: 0.06,
} as const;

export const RULES = {
  /** Distance opponents keep from a restart spot (free kicks, corners, kick-off). */
  restartDistance: 9.15,
  /** Ticks a team has to take a restart before the referee takes it for them. */
  restartTicks: 100,
  /** Pause after a goal before the kick-off is set. */
  goalPauseTicks: 30,
  /** Ticks a goalkeeper may hold the ball (the six-second law is 60 ticks). */
  holdTicks: 60,
  /** Ticks a contested ball may stay stuck before the referee drops it. */
  stuckTicks: 150,
} as const;
