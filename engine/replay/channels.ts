// A frame's numbers as a fixed vector of integer channels (quantised), and back.
// The codec stores channels; Frame objects are what readers see.
import { DT } from '../constants.js';
import { displayMinute } from '../timing.js';
import { B_X, B_Y, B_Z, F_SENT_OFF, F_STRIDE, F_YELLOW, PLAYERS, P_STAMINA, P_STRIDE, P_VX, P_VY, P_X, P_Y, type MatchState } from '../state.js';
import type { Frame, PlayerFrame } from './types.js';

/** Positions in centimetres, speeds in 0.1 m/s, stamina in thousandths. Never used for the hash. */
export const Q_POS = 100;
export const Q_VEL = 10;
export const Q_STAMINA = 1000;
/**
 * A player moves by velocity * DT each tick, so in these units a tick's displacement in cm
 * equals the quantised velocity times this factor (1 at 10 ticks per second): positions are
 * predicted from it and their residuals are rounding noise of -1, 0 or 1.
 */
export const VEL_TO_POS = (Q_POS * DT) / Q_VEL;

export const G_TICK = 0;
export const G_PERIOD = 1;
export const G_PERIOD_TICK = 2;
export const G_MINUTE = 3;
export const G_MODE = 4;
export const G_MODE_TEAM = 5;
export const G_SCORE = 6; // two channels
export const G_SHOOTOUT = 8; // two channels, -1 when no shoot-out
export const G_HOLDER = 10;
export const G_BALL = 11; // x y z
export const GLOBALS = 14;

// Velocities come before positions: decoding goes channel by channel and positions are predicted from velocities.
export const PC_VX = 0;
export const PC_VY = 1;
export const PC_X = 2;
export const PC_Y = 3;
export const PC_STAMINA = 4;
/** Bit 0 sent off, bit 1 yellow card. */
export const PC_STATUS = 5;
export const PC_STRIDE = 6;

/** Channels of the match state: all format 1 stores per frame. */
export const STATE_CHANNELS = GLOBALS + PLAYERS * PC_STRIDE;
/**
 * Format 2 appends each team's work units used for the tick (home, then away), -1 when none was
 * reported (frame 0, a frozen team, a match played without the sandbox). Appended, so the state
 * channels keep their places and a format 1 segment decodes with the same table.
 */
export const G_BUDGET = STATE_CHANNELS;
export const CHANNELS = STATE_CHANNELS + 2;
/** Largest budget use a frame may record: the sandbox's largest budget (sandbox/limits.ts MAX_BUDGET; a test ties them). */
export const MAX_BUDGET_USED = 0x3fffffff;

/** Channels per frame a segment of replay format `format` stores. */
export function channelsOfFormat(format: number): number {
  return format >= 2 ? CHANNELS : STATE_CHANNELS;
}

export const PRED_HOLD = 1;
export const PRED_LINEAR = 2;
export const PRED_VELOCITY = 3;

/**
 * How a channel is predicted from earlier frames of its segment, so that most residuals are 0:
 * HOLD repeats the previous value (discrete things that change rarely); LINEAR extrapolates the
 * last two (the clock, speeds, stamina, the ball); VELOCITY adds the frame's own velocity
 * channel (VELOCITY_FROM channels earlier) to the previous position. Budget use is HOLD: a policy
 * spends about as much each tick as the last (measured on possession v chaser, 6,000 ticks: the two
 * channels add 7.3 KB to 226 KB; predicting 0 adds 15 KB, LINEAR the same as HOLD).
 */
export const PREDICTOR: Uint8Array = (() => {
  const p = new Uint8Array(CHANNELS).fill(PRED_HOLD);
  p[G_TICK] = PRED_LINEAR;
  p[G_PERIOD_TICK] = PRED_LINEAR;
  p[G_BALL] = p[G_BALL + 1] = p[G_BALL + 2] = PRED_LINEAR;
  for (let i = 0; i < PLAYERS; i++) {
    const o = GLOBALS + i * PC_STRIDE;
    p[o + PC_VX] = p[o + PC_VY] = p[o + PC_STAMINA] = PRED_LINEAR;
    p[o + PC_X] = p[o + PC_Y] = PRED_VELOCITY;
  }
  return p;
})();
export const VELOCITY_FROM = PC_X - PC_VX;

/** Human name of a channel, for verify's messages. */
export function channelName(c: number): string {
  const globals = ['tick', 'period', 'periodTick', 'minute', 'mode', 'modeTeam', 'home score', 'away score', 'home shoot-out goals', 'away shoot-out goals', 'holder', 'ball x', 'ball y', 'ball z'];
  if (c < GLOBALS) return globals[c]!;
  if (c >= G_BUDGET) return `${c === G_BUDGET ? 'home' : 'away'} budget used`;
  const i = Math.floor((c - GLOBALS) / PC_STRIDE);
  const field = ['vx', 'vy', 'x', 'y', 'stamina', 'status'][(c - GLOBALS) % PC_STRIDE]!;
  return `player ${i} (${i < 11 ? 'home' : 'away'} #${(i % 11) + 1}) ${field}`;
}

/** The scale a channel's integers are in (1 for counts and indices). */
export function channelScale(c: number): number {
  if (c >= G_BALL && c < G_BALL + 3) return Q_POS;
  if (c < GLOBALS || c >= G_BUDGET) return 1;
  const f = (c - GLOBALS) % PC_STRIDE;
  return f === PC_X || f === PC_Y ? Q_POS : f === PC_VX || f === PC_VY ? Q_VEL : f === PC_STAMINA ? Q_STAMINA : 1;
}

function q(v: number, scale: number, what: string): number {
  if (!Number.isFinite(v)) throw new Error(`replay: ${what} is not a finite number (${v})`);
  // `|| 0` turns -0 into 0, so equal frames always give equal bytes.
  return Math.round(v * scale) || 0;
}

/** Writes a frame's numbers into `out` at `at` (CHANNELS values). */
export function frameToChannels(f: Frame, out: Float64Array, at: number): void {
  out[at + G_TICK] = f.tick;
  out[at + G_PERIOD] = f.period;
  out[at + G_PERIOD_TICK] = f.periodTick;
  out[at + G_MINUTE] = f.minute;
  out[at + G_MODE] = f.mode;
  out[at + G_MODE_TEAM] = f.modeTeam;
  out[at + G_SCORE] = f.score[0];
  out[at + G_SCORE + 1] = f.score[1];
  out[at + G_SHOOTOUT] = f.shootout ? f.shootout[0] : -1;
  out[at + G_SHOOTOUT + 1] = f.shootout ? f.shootout[1] : -1;
  out[at + G_HOLDER] = f.holder;
  out[at + G_BALL] = q(f.ball.x, Q_POS, 'ball x');
  out[at + G_BALL + 1] = q(f.ball.y, Q_POS, 'ball y');
  out[at + G_BALL + 2] = q(f.ball.z, Q_POS, 'ball z');
  if (f.players.length !== PLAYERS) throw new Error(`replay: a frame needs ${PLAYERS} players, got ${f.players.length}`);
  for (let i = 0; i < PLAYERS; i++) {
    const p = f.players[i]!;
    const o = at + GLOBALS + i * PC_STRIDE;
    out[o + PC_X] = q(p.x, Q_POS, `player ${i} x`);
    out[o + PC_Y] = q(p.y, Q_POS, `player ${i} y`);
    out[o + PC_VX] = q(p.vx, Q_VEL, `player ${i} vx`);
    out[o + PC_VY] = q(p.vy, Q_VEL, `player ${i} vy`);
    out[o + PC_STAMINA] = q(p.stamina, Q_STAMINA, `player ${i} stamina`);
    out[o + PC_STATUS] = (p.sentOff ? 1 : 0) | (p.yellow ? 2 : 0);
  }
  setBudgetChannels(out, at, f.budget[0], f.budget[1]);
}

/** Stores each team's budget use for a frame (null: not reported). Only the writer's own input reaches this, so a bad value is a bug. */
export function setBudgetChannels(out: Float64Array, at: number, home: number | null, away: number | null): void {
  out[at + G_BUDGET] = budgetChannel(home, 'home');
  out[at + G_BUDGET + 1] = budgetChannel(away, 'away');
}

function budgetChannel(v: number | null, side: string): number {
  if (v === null) return -1;
  if (!Number.isInteger(v) || v < 0 || v > MAX_BUDGET_USED) throw new Error(`replay: ${side} budget used must be a whole number from 0 to ${MAX_BUDGET_USED}, got ${v}`);
  return v;
}

/** The numeric part of a Frame from channels (events, debug and faults empty). */
export function channelsToFrame(ch: Float64Array, at: number): Frame {
  const players: PlayerFrame[] = new Array(PLAYERS);
  for (let i = 0; i < PLAYERS; i++) {
    const o = at + GLOBALS + i * PC_STRIDE;
    const status = ch[o + PC_STATUS]!;
    players[i] = {
      x: ch[o + PC_X]! / Q_POS,
      y: ch[o + PC_Y]! / Q_POS,
      vx: ch[o + PC_VX]! / Q_VEL,
      vy: ch[o + PC_VY]! / Q_VEL,
      stamina: ch[o + PC_STAMINA]! / Q_STAMINA,
      sentOff: (status & 1) !== 0,
      yellow: (status & 2) !== 0,
    };
  }
  const so0 = ch[at + G_SHOOTOUT]!;
  const b0 = ch[at + G_BUDGET]!;
  const b1 = ch[at + G_BUDGET + 1]!;
  return {
    tick: ch[at + G_TICK]!,
    period: ch[at + G_PERIOD]!,
    periodTick: ch[at + G_PERIOD_TICK]!,
    minute: ch[at + G_MINUTE]!,
    mode: ch[at + G_MODE]!,
    modeTeam: ch[at + G_MODE_TEAM]!,
    score: [ch[at + G_SCORE]!, ch[at + G_SCORE + 1]!],
    shootout: so0 < 0 ? null : [so0, ch[at + G_SHOOTOUT + 1]!],
    holder: ch[at + G_HOLDER]!,
    ball: { x: ch[at + G_BALL]! / Q_POS, y: ch[at + G_BALL + 1]! / Q_POS, z: ch[at + G_BALL + 2]! / Q_POS },
    players,
    events: [],
    debug: [null, null],
    faults: [[], []],
    budget: [b0 < 0 ? null : b0, b1 < 0 ? null : b1],
  };
}

/** The quantised numeric frame of an exact match state (events, debug and faults left empty). */
export function frameFromState(s: MatchState): Frame {
  const ch = new Float64Array(CHANNELS);
  stateToChannels(s, ch);
  return channelsToFrame(ch, 0);
}

/** Quantises an exact state straight into channels (budget use none; the writer sets it): what the writer stores and verify compares. */
export function stateToChannels(s: MatchState, out: Float64Array): void {
  out[G_TICK] = s.tick;
  out[G_PERIOD] = s.period;
  out[G_PERIOD_TICK] = s.periodTick;
  out[G_MINUTE] = displayMinute(s);
  out[G_MODE] = s.mode;
  out[G_MODE_TEAM] = s.modeTeam;
  out[G_SCORE] = s.score[0];
  out[G_SCORE + 1] = s.score[1];
  out[G_SHOOTOUT] = s.shootout ? s.shootout.goals[0] : -1;
  out[G_SHOOTOUT + 1] = s.shootout ? s.shootout.goals[1] : -1;
  out[G_HOLDER] = s.holder;
  out[G_BALL] = q(s.ball[B_X]!, Q_POS, 'ball x');
  out[G_BALL + 1] = q(s.ball[B_Y]!, Q_POS, 'ball y');
  out[G_BALL + 2] = q(s.ball[B_Z]!, Q_POS, 'ball z');
  for (let i = 0; i < PLAYERS; i++) {
    const p = i * P_STRIDE;
    const f = i * F_STRIDE;
    const o = GLOBALS + i * PC_STRIDE;
    out[o + PC_X] = q(s.players[p + P_X]!, Q_POS, `player ${i} x`);
    out[o + PC_Y] = q(s.players[p + P_Y]!, Q_POS, `player ${i} y`);
    out[o + PC_VX] = q(s.players[p + P_VX]!, Q_VEL, `player ${i} vx`);
    out[o + PC_VY] = q(s.players[p + P_VY]!, Q_VEL, `player ${i} vy`);
    out[o + PC_STAMINA] = q(s.players[p + P_STAMINA]!, Q_STAMINA, `player ${i} stamina`);
    out[o + PC_STATUS] = (s.flags[f + F_SENT_OFF] ? 1 : 0) | (s.flags[f + F_YELLOW] ? 2 : 0);
  }
  out[G_BUDGET] = -1;
  out[G_BUDGET + 1] = -1;
}
