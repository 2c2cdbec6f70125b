// One tick of a match: step(state, home commands, away commands). Reads no clock and no global randomness.
import { RULES } from './constants.js';
import { emit } from './events.js';
import { attackSign } from './frame.js';
import * as L from './obs-layout.js';
import { stepBall } from './physics/ball.js';
import { movePlayers } from './physics/players.js';
import { judgeBallOut } from './referee/ball-out.js';
import { updateHolder } from './referee/keeper.js';
import { advanceClock } from './referee/periods.js';
import { beginRestart, enforceRestartPositions } from './referee/restarts.js';
import { judgeShootoutKick, shootoutActive } from './referee/shootout.js';
import { autoRestart, resolveTouches, type Buffers } from './touches.js';
import {
  F_COOLDOWN, F_SENT_OFF, F_STRIDE, F_TACKLE_CD, M_DROPPED, M_KICKOFF, M_PLAY, M_STOPPED, PERIOD_SHOOTOUT, PLAYERS,
  P_STRIDE, P_X, P_Y, TEAM_SIZE, type MatchState,
} from './state.js';

const everyone = (): boolean => true;
// Zeros for a frozen team's commands: shared by every match because nothing ever writes them.
const idle: Buffers = [new Float64Array(L.CMD_LENGTH), new Float64Array(L.CMD_LENGTH)];
const NOT_FROZEN: [boolean, boolean] = [false, false];
// Per-tick scratch, rewritten at the start of every step() and read only within it (step is synchronous,
// so two matches in one process never see each other's values): spares three allocations per tick.
const signsScratch: [number, number] = [1, 1];
const cmdsScratch: Buffers = [idle[0], idle[1]];

/**
 * Advances the match by one tick. `home` and `away` are the teams' command buffers in
 * their own frames (see obs-layout.ts). `frozen[t]` makes team t's players stand still
 * (a team whose policy failed fatally).
 */
export function step(state: MatchState, home: Float64Array, away: Float64Array, frozen: [boolean, boolean] = NOT_FROZEN): void {
  if (state.finished) return;
  // Most ticks raise no event: setting an array's length calls into the runtime even when it is already 0.
  if (state.events.length !== 0) state.events.length = 0;
  if (state.tick === 0) emit(state, 'kickoff', state.modeTeam, -1, 0, 0);
  state.tick++;
  const signs = signsScratch;
  signs[0] = attackSign(state, 0);
  signs[1] = attackSign(state, 1);
  let cmds = cmdsScratch;
  cmds[0] = frozen[0] ? idle[0] : home;
  cmds[1] = frozen[1] ? idle[1] : away;
  const shootout = state.period === PERIOD_SHOOTOUT;
  const allowed = shootout ? (i: number) => shootoutActive(state, i) : everyone;
  if (shootout) cmds = maskShootout(state, cmds);
  tickCooldowns(state);
  movePlayers(state, cmds, signs, NOT_FROZEN);
  if (state.mode === M_STOPPED) {
    state.modeTimer++;
    if (state.modeTimer >= RULES.goalPauseTicks) beginRestart(state, state.nextMode, state.modeTeam, 0, 0);
    if ((state.mode as number) === M_KICKOFF) enforceRestartPositions(state);
    advanceClock(state);
    return;
  }
  if (state.mode !== M_PLAY) enforceRestartPositions(state);
  if (state.holder >= 0) updateHolder(state);
  const played = resolveTouches(state, cmds, signs, allowed);
  if (state.mode !== M_PLAY && state.mode !== M_STOPPED) {
    if (!played) {
      state.modeTimer++;
      autoRestart(state, signs);
    }
  }
  if (state.mode === M_PLAY && state.holder < 0) {
    if (stepBall(state.ball)) emit(state, 'woodwork', state.lastTouchTeam, state.lastTouchPlayer, state.ball[0]!, state.ball[1]!);
    if (!shootout) judgeBallOut(state);
  }
  if (shootout) {
    judgeShootoutKick(state);
    return;
  }
  if (state.mode === M_PLAY) {
    state.stats.ticksInPlay++;
    if (state.lastTouchTeam >= 0) state.stats.teams[state.lastTouchTeam as 0 | 1].possessionTicks++;
    checkStuck(state);
  }
  advanceClock(state);
}

// The per-tick scans below read imported constants into locals first: an imported binding is re-checked
// at each use, which in a loop over the players costs more than the loop's own work.
function tickCooldowns(state: MatchState): void {
  const f = state.flags;
  const NP = PLAYERS;
  const FS = F_STRIDE;
  const fCool = F_COOLDOWN;
  const fTackle = F_TACKLE_CD;
  for (let i = 0; i < NP; i++) {
    const o = i * FS;
    const cool = f[o + fCool]!;
    if (cool > 0) f[o + fCool] = cool - 1;
    const tackle = f[o + fTackle]!;
    if (tackle > 0) f[o + fTackle] = tackle - 1;
  }
}

// Scratch for maskShootout: rewritten in full on each call and read only within the same synchronous step().
const masked: Buffers = [new Float64Array(L.CMD_LENGTH), new Float64Array(L.CMD_LENGTH)];

/** In a shoot-out only the kicker and the defending goalkeeper take commands. */
function maskShootout(state: MatchState, cmds: Buffers): Buffers {
  for (let t = 0; t < 2; t++) {
    const out = masked[t]!;
    out.fill(0);
    for (let k = 0; k < TEAM_SIZE; k++) {
      if (!shootoutActive(state, t * TEAM_SIZE + k)) continue;
      for (let j = 0; j < L.C_STRIDE; j++) out[k * L.C_STRIDE + j] = cmds[t]![k * L.C_STRIDE + j]!;
    }
  }
  return masked;
}

/** A ball that stays stuck among players of both teams for too long is dropped for the team that last touched it. */
function checkStuck(state: MatchState): void {
  const b = state.ball;
  const speed = Math.sqrt(b[3]! * b[3]! + b[4]! * b[4]!);
  if (speed > RULES.stuckSpeed || state.holder >= 0) {
    state.stuckTimer = 0;
    return;
  }
  let nearHome = 0;
  let nearAway = 0;
  const r2 = RULES.stuckRadius * RULES.stuckRadius;
  const bx = b[0]!;
  const by = b[1]!;
  const pl = state.players;
  const fl = state.flags;
  const NP = PLAYERS;
  const TS = TEAM_SIZE;
  const PS = P_STRIDE;
  const FS = F_STRIDE;
  const fSent = F_SENT_OFF;
  const pX = P_X;
  const pY = P_Y;
  for (let i = 0; i < NP; i++) {
    if (fl[i * FS + fSent]) continue;
    const dx = pl[i * PS + pX]! - bx;
    const dy = pl[i * PS + pY]! - by;
    if (dx * dx + dy * dy < r2) {
      if (i < TS) nearHome++;
      else nearAway++;
    }
  }
  if (nearHome > 0 && nearAway > 0) state.stuckTimer++;
  else state.stuckTimer = 0;
  if (state.stuckTimer >= RULES.stuckTicks) {
    const team = state.lastTouchTeam >= 0 ? state.lastTouchTeam : 0;
    beginRestart(state, M_DROPPED, team, b[0]!, b[1]!);
  }
}

