// What a kick does to the ball: direction, speed, lift and seeded noise, plus its pass/shot bookkeeping.
import { KICK, PHYS, PITCH } from './constants.js';
import { emit } from './events.js';
import { gauss } from './rng.js';
import { P_STRIDE, P_VX, P_VY, P_X, P_Y, F_COOLDOWN, F_STRIDE, type MatchState } from './state.js';

export interface KickSpec {
  /** Target on the pitch, absolute frame. */
  tx: number;
  ty: number;
  power: number;
  lift: number;
  /** Cap on the ball's speed (a throw-in or a goalkeeper's throw). */
  maxSpeed: number;
}

/**
 * Applies player `p`'s kick to the ball. `s` is the kicker's attack sign. Noise grows with
 * power, with the kicker's speed, with the ball's distance from the feet and its height,
 * so a hard shot on the run is less precise than a soft pass from a standing player.
 */
export function applyKick(state: MatchState, p: number, team: number, s: number, k: KickSpec): void {
  const b = state.ball;
  const pl = state.players;
  const rng = state.rng.team[team as 0 | 1];
  const px = pl[p * P_STRIDE + P_X]!;
  const py = pl[p * P_STRIDE + P_Y]!;
  const pvx = pl[p * P_STRIDE + P_VX]!;
  const pvy = pl[p * P_STRIDE + P_VY]!;
  state.flags[p * F_STRIDE + F_COOLDOWN] = PHYS.kickCooldown;
  if (k.power <= KICK.trapPower) {
    // A trap: the ball dies at the feet and moves with the player.
    b[3] = pvx;
    b[4] = pvy;
    if (b[5]! > 0) b[5] = 0;
    return;
  }
  let dx = k.tx - b[0]!;
  let dy = k.ty - b[1]!;
  let d = Math.sqrt(dx * dx + dy * dy);
  if (d < 1e-6) {
    dx = s;
    dy = 0;
    d = 1;
  }
  dx /= d;
  dy /= d;
  const bdx = b[0]! - px;
  const bdy = b[1]! - py;
  const awk = Math.min(1, Math.sqrt(bdx * bdx + bdy * bdy) / PHYS.kickReach);
  const pspeed = Math.sqrt(pvx * pvx + pvy * pvy);
  const height = b[2]! > KICK.noiseHeightFrom ? (b[2]! - PHYS.ballRadius) / PHYS.kickMaxHeight : 0;
  const sigma =
    PHYS.kickNoiseBase +
    PHYS.kickNoisePower * k.power * k.power +
    PHYS.kickNoiseMotion * (pspeed / PHYS.sprintSpeed) +
    PHYS.kickNoiseReach * awk +
    PHYS.kickNoiseHeight * height;
  const n = gauss(rng) * sigma;
  // Lateral noise: perpendicular to the aim, so the whole computation stays free of angles.
  let ex = dx - dy * n;
  let ey = dy + dx * n;
  const e = Math.sqrt(ex * ex + ey * ey);
  ex /= e;
  ey /= e;
  let speed = k.power * PHYS.maxKickSpeed * (1 - KICK.awkSpeedLoss * awk) * (1 + gauss(rng) * PHYS.kickSpeedNoise * k.power);
  if (speed > k.maxSpeed) speed = k.maxSpeed;
  if (speed < 0) speed = 0;
  const q = Math.sqrt(1 + k.lift * k.lift);
  const vh = speed / q;
  b[3] = ex * vh;
  b[4] = ey * vh;
  b[5] = (speed * k.lift) / q;
  classifyKick(state, p, team, s, k, ex, ey);
}

/** Shot or pass, by the definitions in docs/RULES.md; updates stats and raises a shot event. */
function classifyKick(state: MatchState, p: number, team: number, s: number, k: KickSpec, ex: number, ey: number): void {
  const r = state.referee;
  const st = state.stats.teams[team as 0 | 1];
  const b = state.ball;
  r.lastKickPlayer = p;
  r.lastKickWasShot = false;
  r.lastKickWasPass = false;
  // In the kicker's frame the goal it attacks is at x = +halfLength.
  const bx = s * b[0]!;
  const by = s * b[1]!;
  const aimX = s * (k.tx - b[0]!);
  const aimY = s * (k.ty - b[1]!);
  const toGoal = PITCH.halfLength - bx;
  if (aimX > 0 && k.power >= KICK.shotMinPower && toGoal < KICK.shotMaxDistance) {
    const crossAim = by + (aimY / aimX) * toGoal;
    if (Math.abs(crossAim) < PITCH.goalWidth / 2 + KICK.shotAimMargin) {
      const fx = s * ex;
      const fy = s * ey;
      const crossReal = fx > 0 ? by + (fy / fx) * toGoal : Infinity;
      const onTarget = Math.abs(crossReal) < PITCH.goalWidth / 2;
      st.shots++;
      if (onTarget) st.shotsOnTarget++;
      r.lastKickWasShot = true;
      emit(state, 'shot', team, p, b[0]!, b[1]!, onTarget ? 'on_target' : 'off_target');
      return;
    }
  }
  const tdx = k.tx - b[0]!;
  const tdy = k.ty - b[1]!;
  if (k.power >= KICK.passMinPower && tdx * tdx + tdy * tdy >= KICK.passMinDistance * KICK.passMinDistance) {
    st.passes++;
    r.lastKickWasPass = true;
  }
}
