// The constants tables of docs/RULES.md and docs/POLICY_API.md, built from the code's own
// objects. Every group of ENGINE_CONSTANTS and every key needs a line here: a constant added
// to the engine without one makes the docs test fail, so nothing the engine plays by goes
// undocumented.
import { ENGINE_CONSTANTS } from '../../engine/constants.js';
import { emptyTeamStats } from '../../engine/state.js';
import { DEFAULT_LIMITS } from '../../sandbox/limits.js';

type Described = Record<string, readonly [unit: string, meaning: string]>;

const PITCH_DOC: Described = {
  length: ['m', 'goal line to goal line (x from -halfLength to +halfLength)'],
  width: ['m', 'touch line to touch line (y from -halfWidth to +halfWidth)'],
  halfLength: ['m', 'x of the goal lines: your own at -halfLength, the opponent\'s at +halfLength'],
  halfWidth: ['m', 'y of the touch lines'],
  goalWidth: ['m', 'between the inside of the posts, centred on y = 0'],
  goalHeight: ['m', 'grass to the underside of the crossbar'],
  penaltyAreaDepth: ['m', 'penalty area depth from the goal line'],
  penaltyAreaWidth: ['m', 'penalty area width, centred on y = 0'],
  goalAreaDepth: ['m', 'goal area depth from the goal line'],
  goalAreaWidth: ['m', 'goal area width, centred on y = 0'],
  penaltySpotDistance: ['m', 'penalty spot distance from the goal line'],
  centreCircleRadius: ['m', 'centre circle radius'],
  postRadius: ['m', 'radius of the posts and the crossbar (the ball bounces off them)'],
};

const PHYS_DOC: Described = {
  playerRadius: ['m', 'body radius; overlapping bodies are pushed apart, half the overlap each'],
  ballRadius: ['m', 'ball radius; `ball.z` of a ball on the grass'],
  gravity: ['m/s²', 'gravity on a ball in the air'],
  rollDecel: ['m/s²', 'constant deceleration of a rolling ball'],
  rollDrag: ['1/s', 'extra deceleration of a rolling ball per m/s of its speed'],
  airDrag: ['1/m', 'quadratic air drag of a ball in flight'],
  bounce: ['', 'fraction of the vertical speed kept on a bounce'],
  bounceFriction: ['', 'fraction of the horizontal speed kept on a bounce'],
  settleSpeed: ['m/s', 'a landing ball slower than this (vertically) stops bouncing and rolls'],
  postRestitution: ['', 'fraction of the speed into a post or the bar that comes back out'],
  runSpeed: ['m/s', 'top running speed of a fresh player'],
  sprintSpeed: ['m/s', 'top sprinting speed of a fresh player (`sprint: true`)'],
  acceleration: ['m/s²', 'largest speed gain per second'],
  deceleration: ['m/s²', 'largest speed loss per second (braking and turning)'],
  exhaustedSpeedFactor: ['', 'top speed at stamina 0, as a fraction of the fresh top speed'],
  sprintDrain: ['per tick', 'stamina lost per tick while sprinting fast'],
  runDrain: ['per tick', 'stamina lost per tick while running fast without sprinting'],
  recover: ['per tick', 'stamina regained per tick otherwise'],
  kickReach: ['m', 'horizontal distance from a player\'s centre within which it can kick or trap the ball'],
  kickMaxHeight: ['m', 'highest ball centre a player can kick (a header or volley)'],
  catchReach: ['m', 'horizontal distance within which a goalkeeper can catch or parry'],
  catchMaxHeight: ['m', 'highest ball centre a goalkeeper can reach with the hands'],
  tackleReach: ['m', 'ball distance within which a tackle can win the ball'],
  maxKickSpeed: ['m/s', 'ball speed of a kick at power 1 (before noise)'],
  throwSpeed: ['m/s', 'speed cap of a throw-in and of a goalkeeper\'s throw (a release with lift 0)'],
  kickCooldown: ['ticks', 'after a kick or a trap, the kicker\'s next touch comes this many ticks later at the earliest'],
  parryRecovery: ['ticks', 'after a parry the goalkeeper cannot play the ball (hands or feet) for this many ticks'],
  kickNoiseBase: ['', 'standard deviation of a kick\'s lateral error (a fraction: metres sideways per metre) for a soft kick by a standing player with the ball at its centre'],
  kickNoisePower: ['', 'added to the spread × power²'],
  kickNoiseMotion: ['', 'added to the spread × (kicker speed / sprintSpeed)'],
  kickNoiseReach: ['', 'added to the spread × (ball distance from the kicker / kickReach)'],
  kickNoiseHeight: ['', 'added to the spread × (ball height above the grass / kickMaxHeight), for a ball higher than KICK.noiseHeightFrom'],
  kickSpeedNoise: ['', 'standard deviation of the ball speed, relative, × power'],
  sprintDrainAbove: ['× runSpeed', 'sprinting faster than this drains `sprintDrain`'],
  runDrainAbove: ['× runSpeed', 'moving faster than this, unless sprinting faster than `sprintDrainAbove`, drains `runDrain`'],
  runLimitX: ['m', 'players can run up to x = ± this (a little beyond the goal lines), no further'],
  runLimitY: ['m', 'players can run up to y = ± this (a little beyond the touch lines), no further'],
  ballSubstep: ['m', 'longest ball travel in one integration substep: a fast ball moves in several, so it cannot pass through a post'],
};

const RULES_DOC: Described = {
  restartDistance: ['m', 'opponents\' distance from a kick-off, free kick, corner, goal kick or penalty'],
  restartTicks: ['ticks', 'time to take a restart before the referee takes it for the team'],
  goalPauseTicks: ['ticks', 'pause (mode `stopped`) after a goal and at the end of a period'],
  holdTicks: ['ticks', 'longest a goalkeeper may hold the ball (the six-second law)'],
  stuckTicks: ['ticks', 'a ball stuck among players of both teams this long is dropped'],
  stuckSpeed: ['m/s', 'a ball slower than this with players of both teams within `stuckRadius` of it is stuck'],
  stuckRadius: ['m', 'see `stuckSpeed`'],
  throwInDistance: ['m', 'opponents\' distance from a throw-in'],
  droppedBallDistance: ['m', 'opponents\' distance from a dropped ball'],
  areaMargin: ['m', 'players sent out of a penalty area stand this far beyond its lines; a goalkeeper who carries the ball out of its area concedes a free kick at least this far outside it'],
  areaBehindLine: ['m', 'the penalty area reaches this far behind the goal line: a goalkeeper on or just behind its line is still in it'],
  kickoffBack: ['m', 'at a kick-off, a player of the team not kicking off found in the other half is put back this far inside its own'],
  forfeitGoals: ['goals', 'a team that cannot start loses 0-forfeitGoals (both: 0-0 and no winner)'],
};

const COMMANDS_DOC: Described = {
  targetLimit: ['m', '`moveTo` and kick targets beyond ± this on either axis are clamped (the direction still works)'],
  speedLimit: ['m/s', 'largest `speed` cap a command may set (a larger one is clamped; the top speed applies anyway)'],
};

const KICK_DOC: Described = {
  trapPower: ['', 'a kick with power ≤ this is a trap: the ball takes the player\'s velocity, then rolls freely'],
  awkSpeedLoss: ['', 'fraction of the kick speed lost, × (ball distance from the kicker / kickReach)'],
  noiseHeightFrom: ['m', 'the height term of the kick noise applies only to a ball higher than this'],
  passMinDistance: ['m', 'a pass aims at a target at least this far from the ball'],
  passMinPower: ['', 'a pass has at least this power'],
  shotMaxDistance: ['m', 'a shot is kicked from less than this from the goal line'],
  shotMinPower: ['', 'a shot has at least this power'],
  shotAimMargin: ['m', 'a shot\'s aim crosses the goal line no further than this outside a post'],
};

const FOULS_DOC: Described = {
  tackleCooldown: ['ticks', 'a player can tackle once every this many ticks'],
  contact: ['m', 'bodies closer than this (centre to centre) during a tackle are in contact'],
  recklessSpeed: ['m/s', 'a foul by a tackler running faster than this is reckless: a yellow card'],
  controlReachFactor: ['× kickReach', 'the opponent nearest the ball within this distance is in control of it'],
  behindCarrierSpeed: ['m/s', 'a tackle is from behind when the carrier runs faster than this…'],
  behindCos: ['cosine', '…and the tackler comes from more than acos(this) off the carrier\'s direction of run'],
  chanceBase: ['', 'foul chance of every tackle'],
  chanceMissesBall: ['', 'added, with body contact, when the ball is beyond tackleReach'],
  chanceBehind: ['', 'added, with body contact, for a tackle from behind'],
  chanceLate: ['', 'added, with body contact, when the challenged player is not in control of the ball'],
  chanceStretch: ['', 'added, with body contact, when the ball is beyond kickReach'],
  chanceCap: ['', 'the foul chance never exceeds this'],
  winBase: ['', 'a clean tackle wins the ball with chance max(winMin, winBase - winSlope × ball distance / tackleReach)'],
  winSlope: ['', 'see `winBase`'],
  winMin: ['', 'see `winBase`'],
  pokeRun: ['', 'a won ball leaves at the tackler\'s velocity × this…'],
  pokeOffset: ['1/s', '…plus the ball\'s offset from the tackler × this'],
  dogsoDistance: ['m', 'denying an obvious goal-scoring opportunity: the fouled player within this of the goal line…'],
  dogsoWidthExtra: ['m', '…and within penaltyAreaWidth / 2 + this of the centre line, nearer the goal than every outfield defender'],
  sentOffY: ['m', 'a sent-off player stands at (0, ± this), beside the pitch, for the rest of the match'],
};

const KEEPER_DOC: Described = {
  heldHeight: ['m', '`ball.z` of a ball in the goalkeeper\'s hands'],
  catchBase: ['', 'catch chance: min(1, max(catchMin, catchBase - ball speed / catchSpeedDiv)) × (1 - diveLoss × dive)'],
  catchSpeedDiv: ['m/s', 'see `catchBase`'],
  catchMin: ['', 'see `catchBase`'],
  diveLoss: ['', 'see `catchBase`'],
  diveFrom: ['m', 'dive is 0 for a ball within this distance, rising to 1 at catchReach'],
  parryKeep: ['', 'a parried ball comes back at this fraction of its speed (its vertical speed turned upward)'],
  parryNoise: ['', 'standard deviation of the lateral error of a parry (a fraction, like the kick noise)'],
  penaltyLine: ['m', 'at a penalty the defending goalkeeper is held this far in front of its goal line until the kick'],
  shootoutLine: ['m', 'for a shoot-out kick the goalkeeper is placed this far in front of its goal line'],
};

const AUTO_RESTART_DOC: Described = {
  noMateDistance: ['m', 'the referee\'s kick for a team with no team-mate to pass to goes this far forward'],
  takerBehind: ['m', 'the taker is placed this far behind the ball, facing the pass'],
  penaltyPower: ['', 'power of a penalty nobody takes, shot at the middle of the goal'],
  passMargin: ['', 'the pass is kicked at the rolling speed that reaches the team-mate, √(2 · rollDecel · d), × this…'],
  passMinDistance: ['m', '…for a distance d of at least this'],
};

const SHOOTOUT_DOC: Described = {
  round: ['kicks', 'kicks each before sudden death'],
  maxKicks: ['kicks', 'kicks each after which a still-level shoot-out is settled by a seeded lot'],
  liveTicks: ['ticks', 'a kick not decided when more than restartTicks + this ticks have passed since it was set up (not since the strike) is over'],
  slowBall: ['m/s', 'a struck ball slower than this ends the kick'],
  kickerOrder: ['indices', 'the order in which the referee calls a team\'s kickers'],
  kickerBack: ['m', 'the kicker is placed this far behind the spot'],
  waitX: ['m', 'the others wait in the centre circle: player k at x = waitX + k × waitStep…'],
  waitStep: ['m', 'see `waitX`'],
  waitY: ['m', '…and y = -this (home) or +this (away)'],
  kickerLock: ['ticks', 'a kicker who has struck cannot touch the ball again during its kick (a cooldown this long)'],
};

const LIMITS_DOC: Described = {
  tickBudget: ['units', 'work budget of one `tick` call'],
  setupBudget: ['units', 'work budget of loading the file (top-level code) plus `setup`'],
  memoryMb: ['MB', 'heap limit of the team\'s isolate'],
  maxCallDepth: ['calls', 'deepest nesting of your own function calls'],
  callWallMs: ['ms', 'wall-clock safety net for one call (never reached by a policy within its budget)'],
  setupWallMs: ['ms', 'wall-clock safety net for loading and `setup`'],
  matchWallMs: ['ms', 'wall-clock bank for all of a team\'s calls in one match'],
  maxLogLines: ['lines', 'console lines kept per tick (the rest are counted in one note)'],
  maxLogChars: ['chars', 'characters kept per console line'],
  maxDebugMarks: ['marks', 'debug dots, lines and labels kept per tick'],
  pyTickBudget: ['fuel units', 'a Python policy\'s budget for one `tick` call: one unit per function entry and loop head of the interpreter (about 40 a simple loop iteration)'],
  pySetupBudget: ['fuel units', 'a Python policy\'s budget for loading the file plus `setup`'],
  pyMemoryMb: ['MB', 'the Python interpreter\'s own memory (its heap lives inside), on top of the isolate\'s heap'],
};

const STATS_DOC: Record<string, string> = {
  goals: 'goals scored (own goals count for the team that benefits)',
  shots: 'kicks that count as a shot (see "Shot" above)',
  shotsOnTarget: 'shots whose kicked direction (after noise) crosses the goal line between the posts',
  passes: 'kicks that count as a pass (see "Pass" above)',
  passesCompleted: 'passes whose next touch is by a team-mate of the kicker',
  possessionTicks: 'ticks in play during which the team was the last to touch the ball',
  tackles: 'tackles that challenged an opponent (the ball or a body within reach)',
  tacklesWon: 'tackles that won the ball without a foul',
  fouls: 'fouls from tackles plus handling offences by the goalkeeper',
  yellowCards: 'cautions (a second one is also a red card)',
  redCards: 'sendings-off (second yellow or denying an obvious goal-scoring opportunity)',
  corners: 'corner kicks awarded to the team',
  offsides: 'offside offences by the team',
  distance: 'metres run by all the team\'s players together',
};

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Each group of engine constants: the name of its table in the templates, and its descriptions. */
const GROUPS: Record<keyof typeof ENGINE_CONSTANTS, { table: string; doc: Described }> = {
  PITCH: { table: 'pitch', doc: PITCH_DOC },
  PHYS: { table: 'physics', doc: PHYS_DOC },
  RULES: { table: 'rules', doc: RULES_DOC },
  COMMANDS: { table: 'commands', doc: COMMANDS_DOC },
  KICK: { table: 'kick', doc: KICK_DOC },
  FOULS: { table: 'fouls', doc: FOULS_DOC },
  KEEPER: { table: 'keeper', doc: KEEPER_DOC },
  AUTO_RESTART: { table: 'autoRestart', doc: AUTO_RESTART_DOC },
  SHOOTOUT: { table: 'shootout', doc: SHOOTOUT_DOC },
};

/** A constant as the docs print it: a list joined by commas, a number as JavaScript writes it. */
export function shown(v: unknown): string {
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function described(prefix: string, values: Record<string, unknown>, doc: Described): string {
  const rows: string[][] = [];
  for (const [k, v] of Object.entries(values)) {
    const d = doc[k];
    if (!d) throw new Error(`docs: ${prefix}.${k} has no description in test/docs/tables.ts`);
    rows.push([`\`${prefix}.${k}\``, shown(v), d[0], d[1]]);
  }
  for (const k of Object.keys(doc)) if (!(k in values)) throw new Error(`docs: test/docs/tables.ts describes ${prefix}.${k}, which the code no longer has`);
  return table(['constant', 'value', 'unit', 'meaning'], rows);
}

export function constantTables(): Record<string, string> {
  const stats = emptyTeamStats() as unknown as Record<string, unknown>;
  const statRows: string[][] = [];
  for (const k of Object.keys(stats)) {
    const d = STATS_DOC[k];
    if (!d) throw new Error(`docs: stat ${k} has no definition in test/docs/tables.ts`);
    statRows.push([`\`${k}\``, d]);
  }
  for (const k of Object.keys(STATS_DOC)) if (!(k in stats)) throw new Error(`docs: stat ${k} no longer exists`);
  const tables: Record<string, string> = {};
  for (const [name, values] of Object.entries(ENGINE_CONSTANTS)) {
    const g = GROUPS[name as keyof typeof ENGINE_CONSTANTS];
    if (!g) throw new Error(`docs: constants group ${name} has no table in test/docs/tables.ts`);
    tables[g.table] = described(name, values, g.doc);
  }
  tables.limits = described('limits', DEFAULT_LIMITS as unknown as Record<string, unknown>, LIMITS_DOC);
  tables.stats = table(['stat', 'counts'], statRows);
  return tables;
}
