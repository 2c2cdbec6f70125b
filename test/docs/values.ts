// Every number the contestant's docs quote, taken from the code: exported constants are
// imported, and the few literals the engine keeps private are read out of its source text.
// If a literal moves or changes shape, `lit` throws, the docs test fails and names the file:
// the docs are then regenerated (test/docs/write-docs.ts) and their prose reread.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_EXTRA_TIME_TICKS, DEFAULT_HALF_TICKS, PHYS, PITCH, RULES, TICKS_PER_SECOND } from '../../engine/constants.js';
import { PASS_MIN_DISTANCE, PASS_MIN_POWER, SHOT_MAX_DISTANCE, SHOT_MIN_POWER } from '../../engine/kick.js';
import { TACKLE_COOLDOWN } from '../../engine/referee/fouls.js';
import { restartDistance } from '../../engine/referee/restarts.js';
import { KICKER_ORDER, KICK_LIVE_TICKS, MAX_SHOOTOUT_KICKS, ROUND, SHOOTOUT_SPOT_X } from '../../engine/referee/shootout.js';
import { M_CORNER, M_DROPPED, M_FREE_KICK, M_GOAL_KICK, M_INDIRECT, M_KICKOFF, M_PENALTY, M_THROW_IN } from '../../engine/state.js';
import { ENGINE_VERSION } from '../../engine/version.js';
import { DEFAULT_LIMITS } from '../../sandbox/limits.js';
import { constantTables } from './tables.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function source(file: string): string {
  return readFileSync(ROOT + file, 'utf8');
}

/** Group 1 of `re` in `file`; throws when the code no longer has that shape. */
function grab(file: string, re: RegExp): string {
  const m = re.exec(source(file));
  if (!m || m[1] === undefined) throw new Error(`docs: ${file} no longer matches ${re}; update test/docs/values.ts and reread the docs`);
  return m[1];
}

/** A numeric literal from the engine's source. */
export function lit(file: string, re: RegExp): number {
  const v = Number(grab(file, re));
  if (!Number.isFinite(v)) throw new Error(`docs: ${file}: ${re} did not capture a number`);
  return v;
}

/** Rounds for prose: at most `digits` decimals, no trailing zeros. */
export function fmt(v: number, digits = 2): string {
  return String(Number(v.toFixed(digits)));
}

const FOULS = 'engine/referee/fouls.ts';
const KEEPER = 'engine/referee/keeper.ts';

/** The private literals, each with the code it comes from. */
function privateLiterals(): Record<string, number> {
  return {
    fieldX: lit('engine/physics/players.ts', /const FIELD_X = ([\d.]+);/),
    fieldY: lit('engine/physics/players.ts', /const FIELD_Y = ([\d.]+);/),
    sprintDrainAbove: lit('engine/physics/players.ts', /sprint && sp > PHYS\.runSpeed \* ([\d.]+)\)/),
    runDrainAbove: lit('engine/physics/players.ts', /else if \(sp > PHYS\.runSpeed \* ([\d.]+)\)/),
    trapPower: lit('engine/kick.ts', /if \(k\.power <= ([\d.]+)\)/),
    awkSpeedLoss: lit('engine/kick.ts', /\(1 - ([\d.]+) \* awk\)/),
    shotAimMargin: lit('engine/kick.ts', /const SHOT_AIM_MARGIN = ([\d.]+);/),
    targetLimit: lit('engine/commands.ts', /const LIMIT = ([\d.]+);/),
    contact: lit(FOULS, /const CONTACT = ([\d.]+);/),
    recklessSpeed: lit(FOULS, /const RECKLESS_SPEED = ([\d.]+);/),
    controlReachFactor: lit(FOULS, /let bestD = PHYS\.kickReach \* ([\d.]+);/),
    behindCarrierSpeed: lit(FOULS, /const behind = qs > ([\d.]+) &&/),
    behindCos: lit(FOULS, /\(qs \* Math\.max\(manD, 1e-6\)\) < (-[\d.]+)/),
    foulBase: lit(FOULS, /let foulChance = ([\d.]+);/),
    foulMissesBall: lit(FOULS, /if \(contact && missesBall\) foulChance \+= ([\d.]+);/),
    foulBehind: lit(FOULS, /if \(contact && behind\) foulChance \+= ([\d.]+);/),
    foulLate: lit(FOULS, /if \(contact && late\) foulChance \+= ([\d.]+);/),
    foulStretch: lit(FOULS, /if \(contact && ballD > PHYS\.kickReach\) foulChance \+= ([\d.]+);/),
    foulCap: lit(FOULS, /Math\.min\(([\d.]+), foulChance\)/),
    winBase: lit(FOULS, /const win = Math\.max\([\d.]+, ([\d.]+) - /),
    winSlope: lit(FOULS, /const win = Math\.max\([\d.]+, [\d.]+ - ([\d.]+) \* /),
    winMin: lit(FOULS, /const win = Math\.max\(([\d.]+),/),
    dogsoDistance: lit(FOULS, /if \(PITCH\.halfLength - qx > ([\d.]+)\) return false;/),
    dogsoWidthExtra: lit(FOULS, /PITCH\.penaltyAreaWidth \/ 2 \+ ([\d.]+)\) return false;/),
    heldHeight: lit(KEEPER, /const HELD_Z = ([\d.]+);/),
    catchBase: lit(KEEPER, /Math\.max\([\d.]+, ([\d.]+) - speed \/ [\d.]+\)/),
    catchSpeedDiv: lit(KEEPER, /Math\.max\([\d.]+, [\d.]+ - speed \/ ([\d.]+)\)/),
    catchMin: lit(KEEPER, /Math\.min\(1, Math\.max\(([\d.]+), /),
    diveFrom: lit(KEEPER, /const dive = d > ([\d.]+) \?/),
    diveLoss: lit(KEEPER, /\* \(1 - ([\d.]+) \* dive\)/),
    stuckSpeed: lit('engine/step.ts', /if \(speed > ([\d.]+) \|\| state\.holder >= 0\)/),
    stuckRadius: Math.sqrt(lit('engine/step.ts', /dx \* dx \+ dy \* dy < ([\d.]+)\) near/)),
    autoPenaltyPower: lit('engine/touches.ts', /const power = penalty \? ([\d.]+) :/),
    autoNoMate: lit('engine/touches.ts', /let tx = state\.modeX \+ s \* ([\d.]+);/),
    shootoutKickerBack: lit('engine/referee/shootout.ts', /place\(state, so\.kicker, SHOOTOUT_SPOT_X - ([\d.]+), 0\)/),
    noiseHeightFrom: lit('engine/kick.ts', /const height = b\[2\]! > ([\d.]+) \?/),
    shootoutSlowBall: lit('engine/referee/shootout.ts', /else if \(speed < ([\d.]+) \|\|/),
    forfeitGoals: lit('engine/match.ts', /home \? \[0, (\d+)\] : \[\d+, 0\]/),
    matchAttempts: lit('tournament/runner/pool.ts', /const MAX_ATTEMPTS = (\d+);/),
    debugTextChars: lit('sandbox/guest/channel.ts', /clip\(format\(text\)\)\.slice\(0, (\d+)\)/),
    clockEpochMs: lit('sandbox/guest/runtime.ts', /const EPOCH_MS = (\d+);/),
  };
}

/** name -> text, for `{{name}}` in the templates under docs/src/. */
export function docValues(): Record<string, string> {
  const v: Record<string, string> = {};
  const put = (prefix: string, o: Record<string, unknown>): void => {
    for (const [k, x] of Object.entries(o)) if (typeof x === 'number') v[`${prefix}.${k}`] = String(x);
  };
  put('PITCH', PITCH);
  put('PHYS', PHYS);
  put('RULES', RULES);
  put('LIMITS', DEFAULT_LIMITS as unknown as Record<string, unknown>);
  const p = privateLiterals();
  put('lit', p);
  v['lit.stuckRadius'] = fmt(p.stuckRadius!);
  v['ENGINE_VERSION'] = ENGINE_VERSION;
  v['TICKS_PER_SECOND'] = String(TICKS_PER_SECOND);
  v['DEFAULT_HALF_TICKS'] = String(DEFAULT_HALF_TICKS);
  v['DEFAULT_EXTRA_TIME_TICKS'] = String(DEFAULT_EXTRA_TIME_TICKS);
  v['PASS_MIN_DISTANCE'] = String(PASS_MIN_DISTANCE);
  v['PASS_MIN_POWER'] = String(PASS_MIN_POWER);
  v['SHOT_MAX_DISTANCE'] = String(SHOT_MAX_DISTANCE);
  v['SHOT_MIN_POWER'] = String(SHOT_MIN_POWER);
  v['TACKLE_COOLDOWN'] = String(TACKLE_COOLDOWN);
  v['KICK_LIVE_TICKS'] = String(KICK_LIVE_TICKS);
  v['ROUND'] = String(ROUND);
  v['MAX_SHOOTOUT_KICKS'] = String(MAX_SHOOTOUT_KICKS);
  v['KICKER_ORDER'] = KICKER_ORDER.join(', ');
  v['SHOOTOUT_SPOT_X'] = String(SHOOTOUT_SPOT_X);
  const dist = { kickoff: M_KICKOFF, throw_in: M_THROW_IN, corner: M_CORNER, goal_kick: M_GOAL_KICK, free_kick: M_FREE_KICK, indirect_free_kick: M_INDIRECT, penalty: M_PENALTY, dropped_ball: M_DROPPED };
  for (const [k, m] of Object.entries(dist)) v[`distance.${k}`] = String(restartDistance(m));
  // Derived numbers, computed here so the prose never does arithmetic by hand.
  const tps = TICKS_PER_SECOND;
  v['derived.tickMs'] = String(1000 / tps);
  v['derived.halfSeconds'] = String(DEFAULT_HALF_TICKS / tps);
  v['derived.halfMinutesSimulated'] = fmt(DEFAULT_HALF_TICKS / tps / 60);
  v['derived.ticksPerShownMinute'] = fmt(DEFAULT_HALF_TICKS / 45);
  v['derived.extraSeconds'] = String(DEFAULT_EXTRA_TIME_TICKS / tps);
  v['derived.holdSeconds'] = fmt(RULES.holdTicks / tps);
  v['derived.restartSeconds'] = fmt(RULES.restartTicks / tps);
  v['derived.stuckSeconds'] = fmt(RULES.stuckTicks / tps);
  v['derived.goalPauseSeconds'] = fmt(RULES.goalPauseTicks / tps);
  v['derived.exhaustedRun'] = fmt(PHYS.runSpeed * PHYS.exhaustedSpeedFactor);
  v['derived.exhaustedSprint'] = fmt(PHYS.sprintSpeed * PHYS.exhaustedSpeedFactor);
  v['derived.sprintDrainSpeed'] = fmt(PHYS.runSpeed * p.sprintDrainAbove!);
  v['derived.runDrainSpeed'] = fmt(PHYS.runSpeed * p.runDrainAbove!);
  v['derived.sprintEmptySeconds'] = fmt(1 / PHYS.sprintDrain / tps, 0);
  v['derived.runEmptySeconds'] = fmt(1 / PHYS.runDrain / tps, 0);
  v['derived.recoverSeconds'] = fmt(1 / PHYS.recover / tps, 0);
  v['derived.timeToRun'] = fmt(PHYS.runSpeed / PHYS.acceleration);
  v['derived.timeToSprint'] = fmt(PHYS.sprintSpeed / PHYS.acceleration);
  v['derived.kickCooldownSeconds'] = fmt(PHYS.kickCooldown / tps);
  v['derived.halfGoalWidth'] = fmt(PITCH.goalWidth / 2);
  v['derived.halfBoxWidth'] = fmt(PITCH.penaltyAreaWidth / 2);
  v['derived.halfGoalAreaWidth'] = fmt(PITCH.goalAreaWidth / 2);
  v['derived.boxLineX'] = fmt(PITCH.halfLength - PITCH.penaltyAreaDepth);
  v['derived.goalAreaLineX'] = fmt(PITCH.halfLength - PITCH.goalAreaDepth);
  v['derived.penaltySpotX'] = fmt(PITCH.halfLength - PITCH.penaltySpotDistance);
  v['derived.controlReach'] = fmt(PHYS.kickReach * p.controlReachFactor!);
  v['derived.dogsoWidth'] = fmt(PITCH.penaltyAreaWidth / 2 + p.dogsoWidthExtra!);
  v['derived.shotAimHalf'] = fmt(PITCH.goalWidth / 2 + p.shotAimMargin!);
  v['derived.behindAngle'] = fmt((Math.acos(p.behindCos!) * 180) / Math.PI, 0);
  v['derived.shootoutKickTicks'] = String(RULES.restartTicks + KICK_LIVE_TICKS);
  v['derived.clockEpoch'] = new Date(p.clockEpochMs!).toISOString();
  v['derived.tickBudgetK'] = fmt(DEFAULT_LIMITS.tickBudget / 1000, 0);
  v['derived.matchWallSeconds'] = fmt(DEFAULT_LIMITS.matchWallMs / 1000, 0);
  v['derived.callWallSeconds'] = fmt(DEFAULT_LIMITS.callWallMs / 1000);
  v['derived.setupWallSeconds'] = fmt(DEFAULT_LIMITS.setupWallMs / 1000);
  for (const [name, text] of Object.entries(constantTables())) v[`table.${name}`] = text;
  return v;
}
