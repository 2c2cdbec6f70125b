// Helpers for the tests that hold the brief to the engine: the docs' own numbers and formulas, and a
// recorder of a team's random draws, so a test can recompute a seeded outcome from the brief's text.
import { DT } from '../../engine/constants.js';
import { stepBall } from '../../engine/physics/ball.js';
import type { MatchState } from '../../engine/state.js';
import { evaluate, type FormulaName } from './formula.js';
import { docValues } from './values.js';

const V = docValues();

/** A number as the docs print it (`{{name}}`); throws for a name the docs do not have. */
export function doc(name: string): number {
  const text = V[name];
  const v = Number(text);
  if (text === undefined || !Number.isFinite(v)) throw new Error(`the docs have no number ${name}`);
  return v;
}

/** The formula as the docs print it. */
export function formulaText(name: FormulaName): string {
  return V[`formula.${name}`]!;
}

/** Evaluates the printed formula `name` with the given variables. */
export function formula(name: FormulaName, vars: Record<string, number>): number {
  return evaluate(formulaText(name), vars);
}

/**
 * One of the brief's noise draws g, from the uniform draws it is made of: "the sum of
 * derived.noiseDraws uniform draws rescaled to mean 0 and standard deviation 1"
 * (a uniform draw has mean 1/2 and variance 1/12).
 */
export function noiseDraw(uniforms: readonly number[]): number {
  const k = doc('derived.noiseDraws');
  if (uniforms.length !== k) throw new Error(`a noise draw takes ${k} uniform draws, got ${uniforms.length}`);
  let sum = 0;
  for (const u of uniforms) sum += u;
  return (sum - k / 2) * Math.sqrt(12 / k);
}

/** Records every draw team `team`'s engine stream gives from now on. */
export function recordDraws(s: MatchState, team: 0 | 1): number[] {
  const draws: number[] = [];
  const inner = s.rng.team[team];
  s.rng.team[team] = () => {
    const u = inner();
    draws.push(u);
    return u;
  };
  return draws;
}

/** The ball one tick on from `ball` (x, y, z) with velocity v, as a free ball: what a touch's result looks like a tick later. */
export function ballAfter(ball: ArrayLike<number>, vx: number, vy: number, vz: number): Float64Array {
  const b = new Float64Array([ball[0]!, ball[1]!, ball[2]!, vx, vy, vz]);
  stepBall(b);
  return b;
}

/** Where a player at (x, y) with velocity (vx, vy) that keeps it stands after one tick (the engine's own arithmetic). */
export function moved(x: number, y: number, vx: number, vy: number): [number, number] {
  return [x + vx * DT, y + vy * DT];
}
