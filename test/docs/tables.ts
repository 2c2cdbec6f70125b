// The constants tables of docs/RULES.md and docs/POLICY_API.md, built from the code's own
// objects. Every key needs a line here: a constant added to the engine without one makes
// the docs test fail, so nothing the engine plays by goes undocumented.
import { PHYS, PITCH, RULES } from '../../engine/constants.js';
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
  kickCooldown: ['ticks', 'after a kick the kicker cannot touch the ball for this many ticks'],
  parryRecovery: ['ticks', 'after a parry the goalkeeper cannot play the ball (hands or feet) for this many ticks'],
  kickNoiseBase: ['', 'kick direction noise (lateral spread, as a fraction) of a soft kick by a standing player'],
  kickNoisePower: ['', 'added to the spread × power²'],
  kickNoiseMotion: ['', 'added to the spread × (kicker speed / sprintSpeed)'],
  kickNoiseReach: ['', 'added to the spread × (ball distance from the kicker / kickReach)'],
  kickNoiseHeight: ['', 'added to the spread × (ball height above the grass / kickMaxHeight), for a ball in the air (see the kicking rules)'],
  kickSpeedNoise: ['', 'relative spread of the ball speed, × power'],
};

const RULES_DOC: Described = {
  restartDistance: ['m', 'opponents\' distance from a kick-off, free kick, corner, goal kick or penalty'],
  restartTicks: ['ticks', 'time to take a restart before the referee takes it for the team'],
  goalPauseTicks: ['ticks', 'pause (mode `stopped`) after a goal and at the end of a period'],
  holdTicks: ['ticks', 'longest a goalkeeper may hold the ball (the six-second law)'],
  stuckTicks: ['ticks', 'a ball stuck among players of both teams this long is dropped'],
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

function described(prefix: string, values: Record<string, unknown>, doc: Described): string {
  const rows: string[][] = [];
  for (const [k, v] of Object.entries(values)) {
    const d = doc[k];
    if (!d) throw new Error(`docs: ${prefix}.${k} has no description in test/docs/tables.ts`);
    rows.push([`\`${prefix}.${k}\``, String(v), d[0], d[1]]);
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
  return {
    pitch: described('PITCH', PITCH, PITCH_DOC),
    physics: described('PHYS', PHYS, PHYS_DOC),
    rules: described('RULES', RULES, RULES_DOC),
    limits: described('limits', DEFAULT_LIMITS as unknown as Record<string, unknown>, LIMITS_DOC),
    stats: table(['stat', 'counts'], statRows),
  };
}
