// Errors meant for the person at the terminal: printed without a stack trace. The class lives in
// tournament/errors.ts, where the viewer server can throw it too without importing the CLI.
import { UserError } from '../tournament/errors.js';

export { UserError };

/** Parses a non-negative integer option, or throws a UserError naming the option. */
export function intOption(name: string, value: string, min = 0, max = 0xffffffff): number {
  if (!/^\d+$/.test(value)) throw new UserError(`${name} must be a whole number, got '${value}'`);
  const n = Number(value);
  if (n < min || n > max) throw new UserError(`${name} must be between ${min} and ${max}, got ${value}`);
  return n;
}

/** Parses --pace: times real time, above 0 and at most 10,000; or throws a UserError naming the value. */
export function paceOption(v: string): number {
  const x = Number(v);
  if (!Number.isFinite(x) || x <= 0 || x > 10_000) throw new UserError(`--pace must be a number above 0 (times real time), got '${v}'`);
  return x;
}
