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
  /** Sprinting faster than this fraction of runSpeed drains sprintDrain per tick. */
  sprintDrainAbove: 0.9,
  /** Moving faster than this fraction of runSpeed (not sprinting) drains runDrain per tick. */
  runDrainAbove: 0.7,
  /** Players may run to |x| <= runLimitX and |y| <= runLimitY: a little beyond the lines (throw-ins, corners), no further. */
  runLimitX: 56,
  runLimitY: 37,
  /** Longest distance the ball may travel in one integration substep, so it cannot tunnel through a post. */
  ballSubstep: 0.12,
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
  /** A ball slower than this (m/s) with players of both teams within stuckRadius (m) of it is stuck. */
  stuckSpeed: 0.5,
  stuckRadius: 1.5,
  /** Opponents' distance from a throw-in. */
  throwInDistance: 2,
  /** Opponents' distance from a dropped ball. */
  droppedBallDistance: 4,
  /** Players sent out of a penalty area stand this far beyond its lines; the free kick for carrying the ball out is this far outside it. */
  areaMargin: 0.5,
  /** The penalty area reaches this far behind the goal line (a goalkeeper on or behind the line is still in it). */
  areaBehindLine: 0.5,
  /** At a kick-off, a player of the team not kicking off who strays into the other half is put back this far inside its own. */
  kickoffBack: 0.01,
  /** Goals a team that cannot start concedes (the other scores them; a double forfeit is 0-0 with no winner). */
  forfeitGoals: 3,
} as const;

/** Commands: what the engine accepts from a policy (engine/commands.ts clamps the rest). */
export const COMMANDS = {
  /** Targets (moveTo, kick) further than this from the centre on either axis are clamped, in metres. */
  targetLimit: 200,
  /** Largest `speed` cap a command may ask for, in m/s. */
  speedLimit: 100,
} as const;

/** Kicks: traps, the speed lost at the edge of reach, and what counts as a pass or a shot (engine/kick.ts). */
export const KICK = {
  /** A kick with power at most this is a trap: the ball dies at the feet and moves with the player. */
  trapPower: 0.02,
  /** A kick at the edge of reach loses this fraction of its speed (× ball distance / kickReach). */
  awkSpeedLoss: 0.25,
  /** The height term of the kick noise applies to a ball whose centre is higher than this, in metres. */
  noiseHeightFrom: 0.5,
  /** A kick (not a shot) with power >= passMinPower at a target >= passMinDistance m from the ball is a pass; shorter ones are dribbling touches. */
  passMinDistance: 6,
  passMinPower: 0.15,
  /** A kick at the goal from within shotMaxDistance m of the goal line with power >= shotMinPower is a shot... */
  shotMaxDistance: 40,
  shotMinPower: 0.3,
  /** ...when its aim crosses the goal line within this margin (m) outside the posts. */
  shotAimMargin: 3,
} as const;

/** Tackles, fouls and cards (engine/referee/fouls.ts). Chances are probabilities drawn from the tackler's team stream. */
export const FOULS = {
  /** Ticks before a player may tackle again. */
  tackleCooldown: 10,
  /** Bodies closer than this (centre to centre, m) during a tackle are in contact. */
  contact: 1.1,
  /** A foul by a tackler running faster than this (m/s) is reckless: a yellow card. */
  recklessSpeed: 5.5,
  /** The opponent in control of the ball: the nearest within kickReach × this. */
  controlReachFactor: 1.5,
  /** From behind: the carrier runs faster than behindCarrierSpeed (m/s) and the tackler comes from more than acos(behindCos) off its run. */
  behindCarrierSpeed: 1,
  behindCos: -0.5,
  /** Foul chance of a tackle: the base, plus each term that applies with body contact, capped. */
  chanceBase: 0.04,
  chanceMissesBall: 0.7,
  chanceBehind: 0.5,
  chanceLate: 0.3,
  chanceStretch: 0.15,
  chanceCap: 0.95,
  /** A clean tackle wins the ball with chance max(winMin, winBase - winSlope × ball distance / tackleReach). */
  winBase: 0.85,
  winSlope: 0.5,
  winMin: 0.1,
  /** A won ball leaves at the tackler's velocity × pokeRun plus its offset from the tackler × pokeOffset (per second). */
  pokeRun: 1.2,
  pokeOffset: 2,
  /** Denying an obvious goal-scoring opportunity: the fouled player within dogsoDistance m of the goal line and |y| < penaltyAreaWidth / 2 + dogsoWidthExtra. */
  dogsoDistance: 30,
  dogsoWidthExtra: 5,
  /** |y| of the spot by the halfway line where a sent-off player stands for the rest of the match. */
  sentOffY: 37,
} as const;

/** The goalkeeper's hands (engine/referee/keeper.ts). */
export const KEEPER = {
  /** Height at which a held ball is carried, in metres. */
  heldHeight: 1.0,
  /** A catch succeeds with chance min(1, max(catchMin, catchBase - ball speed / catchSpeedDiv)) × (1 - diveLoss × dive). */
  catchBase: 1.3,
  catchSpeedDiv: 35,
  catchMin: 0.1,
  diveLoss: 0.5,
  /** dive = 0 for a ball within diveFrom m, rising to 1 at catchReach. */
  diveFrom: 0.8,
  /** A parry sends the ball back at this fraction of its speed (and of its vertical speed, upward)... */
  parryKeep: 0.3,
  /** ...turned by a lateral error of this spread (a fraction, like the kick noise). */
  parryNoise: 0.6,
  /** Where the goalkeeper waits for a penalty: this far in front of its goal line (a shoot-out kick: shootoutLine). */
  penaltyLine: 0.2,
  shootoutLine: 0.3,
} as const;

/** The referee's kick for a team that does not take its restart in time (engine/touches.ts). */
export const AUTO_RESTART = {
  /** A pass this far (m) forward when the taker has no team-mate. */
  noMateDistance: 10,
  /** The taker is placed this far (m) behind the ball, facing the pass. */
  takerBehind: 0.5,
  /** Power of a penalty nobody takes, shot at the middle of the goal. */
  penaltyPower: 0.6,
  /** The pass rolls at the speed that reaches the team-mate (v² = 2·rollDecel·d) × this, for a distance of at least passMinDistance m. */
  passMargin: 1.3,
  passMinDistance: 1,
} as const;

/** The penalty shoot-out (engine/referee/shootout.ts). */
export const SHOOTOUT = {
  /** Kicks each in the first round, before sudden death. */
  round: 5,
  /**
   * Kicks each after which a still-level shoot-out is settled by a seeded lot. Real shoot-outs
   * have no cap, but two teams that never miss nor save would keep a match (and a cup) running
   * for ever. [default: 50]
   */
  maxKicks: 50,
  /** Ticks a kick stays live after the restart time runs out. */
  liveTicks: 40,
  /** A struck ball slower than this (m/s) ends the kick. */
  slowBall: 0.5,
  /** The order in which the referee calls kickers: forwards first, the goalkeeper last. */
  kickerOrder: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
  /** The kicker is placed this far (m) behind the spot. */
  kickerBack: 2,
  /** The others wait in the centre circle: player k of a team at x = waitX + k × waitStep, y = ∓waitY (home -, away +). */
  waitX: -2,
  waitStep: 0.4,
  waitY: 3,
  /** Cooldown (ticks) put on a kicker who has struck, so it cannot touch the ball again during its kick. */
  kickerLock: 1_000_000,
} as const;

/** Every group above by name: the docs render one table per group and fail on a number without a description. */
export const ENGINE_CONSTANTS = { PITCH, PHYS, RULES, COMMANDS, KICK, FOULS, KEEPER, AUTO_RESTART, SHOOTOUT } as const;

/**
 * Bounds of a match config wherever it comes from: a config file, the command line, a replay's
 * header (engine/replay/schema.ts). `matchday play --config` holds files to the same numbers.
 */
export const MIN_PERIOD_TICKS = 10;
export const MAX_PERIOD_TICKS = 1_000_000;
export const MAX_TEAM_NAME_CHARS = 100;
