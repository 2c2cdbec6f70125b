// The flat observation: one Float64Array per team per tick, cheap to copy into a sandbox.
// Offsets are fixed; decodeObservation (observation.ts) turns it into the public objects.

export const O_TICK = 0;
export const O_PERIOD = 1;
export const O_PERIOD_TICK = 2;
export const O_PERIOD_TICKS = 3;
export const O_MINUTE = 4;
export const O_MODE = 5;
/** Restart fields are meaningful only when the mode is a restart. */
export const O_RESTART_OWN = 6;
export const O_RESTART_X = 7;
export const O_RESTART_Y = 8;
export const O_RESTART_DIST = 9;
export const O_RESTART_LEFT = 10;
export const O_SCORE_OWN = 11;
export const O_SCORE_OPP = 12;
export const O_BALL = 13; // x y z vx vy vz
/** -1 none, 0 own, 1 opponent; then the player index 0..10. */
export const O_TOUCH_SIDE = 19;
export const O_TOUCH_INDEX = 20;
/** 1 when a shoot-out is on; then own goals, opponent goals, own kicks, opponent kicks, kicking (0 own, 1 opp), kicker index. */
export const O_SHOOTOUT = 21;
export const O_PLAYERS = 28;
/** Per player: x y vx vy stamina yellow sentOff holding. Own team first (11), then opponents (11). */
export const OP_STRIDE = 8;
export const OBS_LENGTH = O_PLAYERS + 22 * OP_STRIDE;

/** The command buffer: per own player, flags then numbers. */
export const C_FLAGS = 0;
export const C_MOVE_X = 1;
export const C_MOVE_Y = 2;
export const C_SPEED = 3;
export const C_KICK_X = 4;
export const C_KICK_Y = 5;
export const C_POWER = 6;
export const C_LIFT = 7;
export const C_STRIDE = 8;
export const CMD_LENGTH = 11 * C_STRIDE;

export const CF_MOVE = 1;
export const CF_SPRINT = 2;
export const CF_KICK = 4;
export const CF_TACKLE = 8;
export const CF_CATCH = 16;
export const CF_SPEED = 32;
