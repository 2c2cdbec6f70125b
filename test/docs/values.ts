// Every number the contestant's docs quote, imported from the code that plays by it. The few
// numbers that live outside the engine (the sandbox's clock and debug text, the runner's
// retries) are still read out of their source text: if one moves or changes shape, `lit`
// throws, the docs test fails and names the file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGINE_CONSTANTS, PHYS, PITCH, RULES, TICKS_PER_SECOND, DEFAULT_EXTRA_TIME_TICKS, DEFAULT_HALF_TICKS, FOULS, KICK, SHOOTOUT } from '../../engine/constants.js';
import { restartDistance } from '../../engine/referee/restarts.js';
import { SHOOTOUT_SPOT_X } from '../../engine/referee/shootout.js';
import { M_CORNER, M_DROPPED, M_FREE_KICK, M_GOAL_KICK, M_INDIRECT, M_KICKOFF, M_PENALTY, M_THROW_IN } from '../../engine/state.js';
import { ENGINE_VERSION } from '../../engine/version.js';
import { gauss } from '../../engine/rng.js';
import { DEFAULT_LIMITS } from '../../sandbox/limits.js';
import { FORMULAS } from './formula.js';
import { micropythonVersion, PY_COSTS, PY_MODULES, PY_RECURSION_DEPTH } from './python-facts.js';
import { replayDocValues } from './replay-doc.js';
import { constantTables, shown } from './tables.js';

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

/** The numbers that live outside the engine, each read from the code it comes from. */
function outsideLiterals(): Record<string, number> {
  return {
    matchAttempts: lit('tournament/runner/pool.ts', /const MAX_ATTEMPTS = (\d+);/),
    debugTextChars: lit('sandbox/guest/channel.ts', /clip\(format\(text\)\)\.slice\(0, (\d+)\)/),
    clockEpochMs: lit('sandbox/guest/runtime.ts', /const EPOCH_MS = (\d+);/),
  };
}

/** The engine's noise draw, measured: how many uniform draws it takes, and its largest size (all draws at 1). */
function noiseShape(): { draws: number; bound: number } {
  let draws = 0;
  const bound = gauss(() => {
    draws++;
    return 1;
  });
  return { draws, bound };
}

/** name -> text, for `{{name}}` in the templates under docs/src/. */
export function docValues(): Record<string, string> {
  const v: Record<string, string> = {};
  const put = (prefix: string, o: Record<string, unknown>): void => {
    for (const [k, x] of Object.entries(o)) if (typeof x === 'number' || Array.isArray(x)) v[`${prefix}.${k}`] = shown(x);
  };
  for (const [name, group] of Object.entries(ENGINE_CONSTANTS)) put(name, group);
  put('LIMITS', DEFAULT_LIMITS as unknown as Record<string, unknown>);
  const p = outsideLiterals();
  put('lit', p);
  v['ENGINE_VERSION'] = ENGINE_VERSION;
  v['TICKS_PER_SECOND'] = String(TICKS_PER_SECOND);
  v['DEFAULT_HALF_TICKS'] = String(DEFAULT_HALF_TICKS);
  v['DEFAULT_EXTRA_TIME_TICKS'] = String(DEFAULT_EXTRA_TIME_TICKS);
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
  v['derived.sprintDrainSpeed'] = fmt(PHYS.runSpeed * PHYS.sprintDrainAbove);
  v['derived.runDrainSpeed'] = fmt(PHYS.runSpeed * PHYS.runDrainAbove);
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
  v['derived.controlReach'] = fmt(PHYS.kickReach * FOULS.controlReachFactor);
  v['derived.dogsoWidth'] = fmt(PITCH.penaltyAreaWidth / 2 + FOULS.dogsoWidthExtra);
  v['derived.shotAimHalf'] = fmt(PITCH.goalWidth / 2 + KICK.shotAimMargin);
  v['derived.behindAngle'] = fmt((Math.acos(FOULS.behindCos) * 180) / Math.PI, 0);
  v['derived.shootoutKickTicks'] = String(RULES.restartTicks + SHOOTOUT.liveTicks);
  v['derived.clockEpoch'] = new Date(p.clockEpochMs!).toISOString();
  v['derived.tickBudgetK'] = fmt(DEFAULT_LIMITS.tickBudget / 1000, 0);
  v['python.version'] = micropythonVersion();
  v['python.modules'] = PY_MODULES.map((m) => `\`${m}\``).join(', ');
  v['python.recursionDepth'] = String(PY_RECURSION_DEPTH);
  for (const [k, n] of Object.entries(PY_COSTS)) v[`python.cost.${k}`] = n.toLocaleString('en-US');
  // How many simple loop iterations a tick's budget pays for, after the observation, in each language.
  v['python.loopsPerTick'] = (Math.round((DEFAULT_LIMITS.pyTickBudget - PY_COSTS.observation) / PY_COSTS.loopIteration / 1000) * 1000).toLocaleString('en-US');
  v['python.jsLoopsPerTick'] = DEFAULT_LIMITS.tickBudget.toLocaleString('en-US');
  v['python.starterShare'] = `${Math.round((PY_COSTS.starterTick / DEFAULT_LIMITS.pyTickBudget) * 100)}%`;
  v['derived.matchWallSeconds'] = fmt(DEFAULT_LIMITS.matchWallMs / 1000, 0);
  v['derived.callWallSeconds'] = fmt(DEFAULT_LIMITS.callWallMs / 1000);
  v['derived.setupWallSeconds'] = fmt(DEFAULT_LIMITS.setupWallMs / 1000);
  v['derived.behindOffBack'] = fmt(180 - (Math.acos(FOULS.behindCos) * 180) / Math.PI, 0);
  v['derived.freshSpeedShare'] = fmt(1 - PHYS.exhaustedSpeedFactor, 6);
  v['derived.accelPerTick'] = fmt(PHYS.acceleration / tps, 6);
  v['derived.decelPerTick'] = fmt(PHYS.deceleration / tps, 6);
  // A ball faster than this can cross a player's whole reach between two ticks.
  v['derived.reachSkipSpeed'] = fmt(2 * PHYS.kickReach * tps);
  const n = noiseShape();
  v['derived.noiseDraws'] = String(n.draws);
  v['derived.noiseBound'] = fmt(n.bound);
  for (const [name, text] of Object.entries(constantTables())) v[`table.${name}`] = text;
  Object.assign(v, replayDocValues());
  // Formulas last: they are made of the values above (formula.ts evaluates the same text in the tests).
  for (const [name, text] of Object.entries(FORMULAS)) {
    v[`formula.${name}`] = text.replace(/\{\{([\w.]+)\}\}/g, (_, key: string) => {
      const x = v[key];
      if (x === undefined) throw new Error(`docs: formula ${name} names ${key}, which the docs have no value for`);
      return x;
    });
  }
  return v;
}
