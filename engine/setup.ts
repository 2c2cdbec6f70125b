// Creates the state of a match about to kick off.
import { DEFAULT_EXTRA_TIME_TICKS, DEFAULT_HALF_TICKS, PHYS } from './constants.js';
import { stream } from './rng.js';
import { F_STRIDE, M_KICKOFF, PLAYERS, P_STAMINA, P_STRIDE, P_X, P_Y, TEAM_SIZE, emptyRefereeState, emptyTeamStats, type MatchConfig, type MatchState } from './state.js';

/** Where players stand before the first kick-off, in the own frame (attacking +x). */
export const START_FORMATION: ReadonlyArray<readonly [number, number]> = [
  [-50, 0],
  [-35, -20], [-37, -7], [-37, 7], [-35, 20],
  [-20, -22], [-22, -7], [-22, 7], [-20, 22],
  [-8, -10], [-8, 10],
];

export function defaultConfig(partial: Partial<MatchConfig> & { seed: number }): MatchConfig {
  return {
    homeName: 'home',
    awayName: 'away',
    halfTicks: DEFAULT_HALF_TICKS,
    extraTime: false,
    extraTimeTicks: DEFAULT_EXTRA_TIME_TICKS,
    shootout: false,
    ...partial,
  };
}

/** Team streams are keyed by name, so playing the same two teams with sides swapped swaps their streams too. */
function teamKey(config: MatchConfig, team: 0 | 1): string {
  const name = team === 0 ? config.homeName : config.awayName;
  // Two teams with the same name must still get independent streams.
  return config.homeName === config.awayName ? `${name}#${team}` : name;
}

export function createMatch(config: MatchConfig): MatchState {
  if (!Number.isInteger(config.seed) || config.seed < 0 || config.seed > 0xffffffff) {
    throw new Error(`seed must be an integer from 0 to 4294967295, got ${config.seed}`);
  }
  if (!Number.isInteger(config.halfTicks) || config.halfTicks < 10) {
    throw new Error(`halfTicks must be an integer of at least 10, got ${config.halfTicks}`);
  }
  const players = new Float64Array(PLAYERS * P_STRIDE);
  for (let i = 0; i < PLAYERS; i++) {
    const f = START_FORMATION[i % TEAM_SIZE]!;
    // Home attacks +x in the first half; the away frame is rotated by 180 degrees.
    const s = i < TEAM_SIZE ? 1 : -1;
    players[i * P_STRIDE + P_X] = s * f[0];
    players[i * P_STRIDE + P_Y] = s * f[1];
    players[i * P_STRIDE + P_STAMINA] = 1;
  }
  const rng = {
    team: [stream(config.seed, `team:${teamKey(config, 0)}`), stream(config.seed, `team:${teamKey(config, 1)}`)] as [
      ReturnType<typeof stream>,
      ReturnType<typeof stream>,
    ],
    referee: stream(config.seed, 'referee'),
  };
  // The toss: each team draws from its own stream and the higher kicks off, so no side is favoured.
  const a = rng.team[0]();
  const b = rng.team[1]();
  const firstKickoff = b > a ? 1 : 0;
  return {
    config,
    tick: 0,
    period: 0,
    periodTick: 0,
    mode: M_KICKOFF,
    modeTeam: firstKickoff,
    modeX: 0,
    modeY: 0,
    modeTimer: 0,
    nextMode: M_KICKOFF,
    score: [0, 0],
    firstKickoff,
    ball: new Float64Array([0, 0, PHYS.ballRadius, 0, 0, 0]),
    players,
    flags: new Int32Array(PLAYERS * F_STRIDE),
    lastTouchTeam: -1,
    lastTouchPlayer: -1,
    holder: -1,
    holdTimer: 0,
    stuckTimer: 0,
    shootout: null,
    finished: false,
    endReason: '',
    events: [],
    stats: { teams: [emptyTeamStats(), emptyTeamStats()], ticksInPlay: 0 },
    rng,
    referee: emptyRefereeState(),
  };
}
