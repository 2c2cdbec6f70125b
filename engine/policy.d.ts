// The public contract between matchday and a policy: every name here is permanent.
//
// Frame: every policy sees the match in its own frame. The origin is the centre
// spot, x runs along the pitch and the policy ALWAYS attacks toward +x (the
// opponent's goal line is x = +52.5, its own is x = -52.5), y runs across the
// pitch from -34 to +34, z is height above the grass. Units are metres,
// metres per second and ticks (10 ticks per simulated second).

/** A point or a direction on the pitch, in metres, in the policy's own frame. */
export interface Vec2 {
  x: number;
  y: number;
}

/** Which team a fact belongs to, seen from the policy that reads it. */
export type Side = 'own' | 'opponent';

/** The part of the match being played. */
export type Period = 'first_half' | 'second_half' | 'extra_first' | 'extra_second' | 'shootout' | 'finished';

/**
 * What the referee is waiting for.
 * - `play`: the ball is in play.
 * - a restart (`kickoff`, `throw_in`, `corner`, `goal_kick`, `free_kick`,
 *   `indirect_free_kick`, `penalty`, `dropped_ball`): the ball lies at
 *   `restart.spot` and a player of `restart.team` must kick it. Opponents are
 *   kept `restart.minDistance` metres away by the referee.
 * - `stopped`: a short pause after a goal and at the end of a period. Players
 *   still move (go back to your own half for the kick-off); nobody can play
 *   the ball. The clock keeps running.
 * The laws of each restart are in docs/RULES.md (`matchday spec`).
 */
export type GameMode =
  | 'play'
  | 'kickoff'
  | 'throw_in'
  | 'corner'
  | 'goal_kick'
  | 'free_kick'
  | 'indirect_free_kick'
  | 'penalty'
  | 'dropped_ball'
  | 'stopped';

/** One player as every policy sees it (own team and opponents alike). */
export interface PlayerView {
  /** 0..10, fixed for the whole match. Index 0 is always the goalkeeper. */
  index: number;
  /** Shirt number shown by the viewer (index + 1). */
  number: number;
  isGoalkeeper: boolean;
  x: number;
  y: number;
  vx: number;
  vy: number;
  /** 0 (exhausted) .. 1 (fresh). Top speed falls linearly with it (docs/RULES.md, players). */
  stamina: number;
  yellowCards: number;
  /** A sent-off player has left the pitch for good; its commands are ignored. */
  sentOff: boolean;
  /** True for a goalkeeper holding the ball in its hands. */
  holdingBall: boolean;
}

export interface BallView {
  x: number;
  y: number;
  /** Height of the ball's centre above the grass, metres (0.11 when on the grass). */
  z: number;
  vx: number;
  vy: number;
  vz: number;
}

/** The referee's pending restart, when `mode` is a restart. */
export interface RestartView {
  kind: Exclude<GameMode, 'play' | 'stopped'>;
  team: Side;
  spot: Vec2;
  /**
   * The distance (m) the referee keeps the opponents from `spot` for this
   * restart: shorter for a throw-in and a dropped ball than for the others
   * (docs/RULES.md, restarts, gives every value).
   */
  minDistance: number;
  /** Ticks until the referee takes the restart for the team (anti-stalling): a short pass to the taker's nearest team-mate. */
  ticksLeft: number;
}

export interface ShootoutView {
  /** Goals scored in the shoot-out so far. */
  own: number;
  opponent: number;
  /** Kicks taken so far by each team. */
  ownKicks: number;
  opponentKicks: number;
  /** Which team takes the kick now. */
  kicking: Side;
  /** Index of the player who must take this kick (the referee chooses the rotation); only it and the defending goalkeeper act. */
  kickerIndex: number;
}

/** Facts fixed for the whole match, given to `setup` and in every observation. */
export interface MatchInfo {
  /** 'home' or 'away': only a label; the frame is the same for both. */
  side: 'home' | 'away';
  /**
   * The name the team plays under: a policy file's name without its extension,
   * a builtin's name, or the name a cup config gives it. With the seed it keys
   * the team's random streams (Math.random and the engine's draws for the team),
   * so renaming a policy file changes its matches (docs/POLICY_API.md, MatchInfo).
   */
  teamName: string;
  opponentName: string;
  seed: number;
  ticksPerSecond: number;
  halfTicks: number;
  extraTime: boolean;
  extraTimeTicks: number;
  shootout: boolean;
  pitch: PitchInfo;
  physics: PhysicsInfo;
}

export interface PitchInfo {
  length: number;
  width: number;
  goalWidth: number;
  goalHeight: number;
  penaltyAreaDepth: number;
  penaltyAreaWidth: number;
  goalAreaDepth: number;
  goalAreaWidth: number;
  penaltySpotDistance: number;
  centreCircleRadius: number;
}

export interface PhysicsInfo {
  playerRadius: number;
  ballRadius: number;
  /**
   * Horizontal distance within which a player can kick or trap the ball, judged
   * once per tick: from where the player stands after that tick's movement to
   * where the observation showed the ball.
   */
  kickReach: number;
  /** Highest ball centre a player can kick (a header or a volley). */
  kickMaxHeight: number;
  /** Horizontal distance within which a goalkeeper can catch. */
  catchReach: number;
  catchMaxHeight: number;
  tackleReach: number;
  runSpeed: number;
  sprintSpeed: number;
  acceleration: number;
  maxKickSpeed: number;
  gravity: number;
}

export interface Observation {
  /** Ticks since kick-off of the match, over all periods. */
  tick: number;
  period: Period;
  /** Ticks played in this period, and its length. */
  periodTick: number;
  periodTicks: number;
  /** The clock people see, scaled so that a half lasts 45 minutes. */
  minute: number;
  mode: GameMode;
  restart: RestartView | null;
  score: { own: number; opponent: number };
  ball: BallView;
  /** The last player to touch the ball, or null before the first touch. */
  lastTouch: { team: Side; index: number } | null;
  /** Your players, index 0..10 (index 0 is the goalkeeper). */
  own: PlayerView[];
  /** The opponents, index 0..10, in your frame. */
  opponents: PlayerView[];
  shootout: ShootoutView | null;
  info: MatchInfo;
}

/** What one player is told to do this tick. Every field is optional. */
export interface PlayerCommand {
  /** Run toward this point and stop there. Omit to slow to a halt. */
  moveTo?: Vec2;
  /** Cap the running speed (m/s); default: full running (or sprinting) speed. */
  speed?: number;
  /** Sprint: higher top speed at a stamina cost. */
  sprint?: boolean;
  /**
   * Kick the ball toward `target` if it is within reach after this tick's
   * movement. `power` 0..1 is the fraction of the maximum kick speed (a power
   * at or below the trap threshold traps the ball: it takes the player's
   * velocity); `lift` 0..1 raises it (0 along the ground, 1 at 45 degrees).
   * A goalkeeper holding the ball releases it with a kick (a throw when lift
   * is 0). Speed, noise and cooldown: docs/RULES.md, kicking.
   */
  kick?: { target: Vec2; power: number; lift?: number };
  /**
   * Try to win the ball from the opponent in control of it, or one the tackler
   * touches. A bad tackle is a foul. Every tackle the referee examines starts
   * the tackle cooldown, even one that reaches nobody (docs/RULES.md, tackling).
   */
  tackle?: boolean;
  /**
   * Goalkeeper only, in open play: try to catch the ball within reach. The ball
   * must be inside the own penalty area (otherwise: a handling offence, a direct
   * free kick), and not last kicked by a team-mate (the back-pass law: an indirect
   * free kick). A failed catch is a parry.
   */
  catch?: boolean;
}

/** The value `tick` returns: one entry per own player index (missing or null: no command; only the first 11 are read). */
export type Commands = ReadonlyArray<PlayerCommand | null | undefined>;

/** The module a policy file is: export `tick`, optionally `setup`. */
export interface PolicyModule {
  setup?(info: MatchInfo): void;
  tick(observation: Observation): Commands;
}

/**
 * Debug drawing, free of budget beyond a fixed small cost; shown by the viewer, never read
 * by the engine. Inside the sandbox it is the global `debug`; coordinates in your own frame.
 * In TypeScript: `declare const debug: DebugApi;`
 */
export interface DebugApi {
  dot(x: number, y: number, color?: string): void;
  line(x1: number, y1: number, x2: number, y2: number, color?: string): void;
  text(x: number, y: number, text: string, color?: string): void;
}
