// Formatting and parsing of numbers and dates: native work of about a microsecond a call (ICU for the
// locale forms, V8's date parser and dtoa for the rest), which cost 1 unit or none: 150,000 Date
// toString calls, 1.5 us each, or toLocaleTimeString 1.6 us, toPrecision 0.8 us, new Date(text) 1 us,
// against a loop iteration's few nanoseconds. A tick could so spend ~0.75 s of CPU within its budget.
// Each such call now costs FORMAT_UNITS (the rate natives.ts gives a microsecond: a dictionary key),
// and a date parse its text's length on top, charged before it runs.
import { charge } from './budget.js';
import { replaceMethod } from './methods.js';

/** Units for one formatting or parsing call (about a microsecond of native work). [default: 16] */
export const FORMAT_UNITS = 16;

const apply = Reflect.apply;

/** The units a date text costs to parse: FORMAT_UNITS and its length. */
export function parseUnits(text: unknown): number {
  return FORMAT_UNITS + (typeof text === 'string' ? text.length : 0);
}

function chargeMethod(obj: object, key: PropertyKey, cost: (args: unknown[]) => number): void {
  replaceMethod(obj, key, (orig, self, args) => {
    charge(cost(args));
    return apply(orig, self, args);
  });
}

/** Wraps the formatting and parsing natives. Runs after harden (the match Date) and before lockdown. */
export function chargeFormatting(): void {
  const fixed = (): number => FORMAT_UNITS;
  const dp = Date.prototype;
  for (const key of ['toString', 'toDateString', 'toTimeString', 'toISOString', 'toUTCString', 'toGMTString', 'toJSON', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', Symbol.toPrimitive]) {
    chargeMethod(dp, key, key === Symbol.toPrimitive ? (args) => (args[0] === 'number' ? 0 : FORMAT_UNITS) : fixed);
  }
  const np = Number.prototype;
  for (const key of ['toFixed', 'toExponential', 'toPrecision', 'toLocaleString']) chargeMethod(np, key, fixed);
  // The common n.toString() is V8's cached decimal; another radix runs the conversion.
  chargeMethod(np, 'toString', (args) => (args[0] === undefined || args[0] === 10 ? 0 : FORMAT_UNITS));
  // Date.parse here; `new Date(text)` in harden.ts's match Date, which charges parseUnits too.
  const D = (globalThis as unknown as { Date: object }).Date;
  chargeMethod(D, 'parse', (args) => parseUnits(args[0]));
}
