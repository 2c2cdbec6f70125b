// Takes away everything that could reach outside the policy's own team or make a run
// differ from the next: code generation, shared memory, GC observers, the real clock,
// unseeded randomness and regular expressions that need backtracking.

import { charge } from './budget.js';
import { parseUnits } from './formatting.js';

type AnyFn = (...args: unknown[]) => unknown;

const REMOVED = [
  'eval',
  'WebAssembly',
  'SharedArrayBuffer',
  'Atomics',
  'WeakRef',
  'FinalizationRegistry',
  // Intl formats "now" when given no date, which would read the real clock.
  'Intl',
  // A chain of proxies recurses natively where no counter sees it, and traps make every
  // built-in's reads policy code: the sandbox cannot bound that, so Proxy is not offered.
  'Proxy',
  // Promise jobs would run after the tick, outside its budget: no promises (async syntax is refused at load).
  'Promise',
] as const;

function refuseCodegen(): never {
  throw new EvalError('matchday: building code from strings (eval, Function) is not allowed in a policy');
}

/** Replaces `proto.constructor` (Function, AsyncFunction, ...) by a stub that refuses. */
function blockConstructor(proto: object, name: string): AnyFn {
  // A plain function so `new stub()` and Reflect.construct(stub) reach the throw too.
  const stub = {
    [name]: function (): never {
      return refuseCodegen();
    },
  }[name] as AnyFn;
  Object.defineProperty(stub, 'prototype', { value: proto, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(proto, 'constructor', { value: stub, writable: false, enumerable: false, configurable: false });
  return stub;
}

function removeCodegen(g: Record<string, unknown>): void {
  const fnStub = blockConstructor(Function.prototype, 'Function');
  blockConstructor(Object.getPrototypeOf(async function () {}) as object, 'AsyncFunction');
  blockConstructor(Object.getPrototypeOf(function* () {}) as object, 'GeneratorFunction');
  blockConstructor(Object.getPrototypeOf(async function* () {}) as object, 'AsyncGeneratorFunction');
  Object.defineProperty(g, 'Function', { value: fnStub, writable: false, enumerable: false, configurable: false });
}

/** `Date` with the real constructor's behaviour except that "now" is the match clock. */
function freezeDate(g: Record<string, unknown>, now: () => number): void {
  const RealDate = Date;
  const construct = Reflect.construct;
  function MatchDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(now()).toString();
    // A date text is parsed natively (~1 us, more for a long one): charged as formatting.ts says.
    if (args.length === 1 && typeof args[0] === 'string') charge(parseUnits(args[0]));
    // The real Date as new.target unless a subclass asked: the wrapper as new.target makes V8 derive
    // a hidden class in C++ on every call (see wrapFn in natives.ts).
    return construct(RealDate, args.length === 0 ? [now()] : args, new.target === MatchDate ? RealDate : new.target);
  }
  Object.defineProperty(MatchDate, 'prototype', { value: RealDate.prototype, writable: false });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: MatchDate, writable: true, configurable: true });
  Object.defineProperty(MatchDate, 'now', { value: () => now(), writable: true, configurable: true });
  Object.defineProperty(MatchDate, 'UTC', { value: RealDate.UTC, writable: true, configurable: true });
  Object.defineProperty(MatchDate, 'parse', { value: RealDate.parse, writable: true, configurable: true });
  Object.defineProperty(g, 'Date', { value: MatchDate, writable: true, enumerable: false, configurable: true });
}

/**
 * Refuses a pattern V8's linear-time engine cannot run (backreferences, lookaround):
 * everything else falls back to that engine on excessive backtracking (the host sets
 * the V8 flags), so no pattern that gets through can hang a tick.
 */
export function makeLinearCheck(RealRegExp: RegExpConstructor): (pattern: string, flags: string) => void {
  return (pattern, flags) => {
    try {
      // The 'l' flag exists under --enable-experimental-regexp-engine; it throws for non-linear patterns.
      new RealRegExp(pattern, flags.replace(/[lgy]/g, '') + 'l');
    } catch (err) {
      if (String((err as Error).message).includes('linear')) {
        throw new SyntaxError(
          `matchday: regular expression /${pattern.slice(0, 60)}/ needs backtracking (backreference or lookaround), which a policy may not use`,
        );
      }
      // Any other problem (a bad pattern) is left for the real constructor to report.
    }
  };
}

function guardRegExp(g: Record<string, unknown>): void {
  const RealRegExp = RegExp;
  const construct = Reflect.construct;
  const check = makeLinearCheck(RealRegExp);
  function SafeRegExp(this: unknown, pattern?: unknown, flags?: unknown): unknown {
    const isRe = pattern instanceof RealRegExp;
    const src = isRe ? (pattern as RegExp).source : pattern === undefined ? '' : String(pattern);
    const fl = flags !== undefined ? String(flags) : isRe ? (pattern as RegExp).flags : '';
    check(src, fl);
    return new.target ? construct(RealRegExp, [pattern, flags], new.target) : (RealRegExp as AnyFn)(pattern, flags);
  }
  Object.setPrototypeOf(SafeRegExp, RealRegExp); // statics such as RegExp.$1 and Symbol.species
  Object.defineProperty(SafeRegExp, 'prototype', { value: RealRegExp.prototype, writable: false });
  Object.defineProperty(RealRegExp.prototype, 'constructor', { value: SafeRegExp, writable: true, configurable: true });
  Object.defineProperty(g, 'RegExp', { value: SafeRegExp, writable: true, enumerable: false, configurable: true });
  // These build a RegExp from a string through the intrinsic constructor, past the wrapper.
  const sp = String.prototype as unknown as Record<string, AnyFn>;
  const apply = Reflect.apply;
  for (const [name, flags] of [['match', ''], ['matchAll', 'g'], ['search', '']] as const) {
    const orig = sp[name] as AnyFn;
    const wrapped = {
      [name](this: unknown, ...args: unknown[]): unknown {
        const a = args[0];
        if (a === null || (typeof a !== 'object' && typeof a !== 'function')) check(a === undefined ? '(?:)' : String(a), flags);
        return apply(orig, this, args);
      },
    }[name] as AnyFn;
    Object.defineProperty(wrapped, 'length', { value: orig.length });
    Object.defineProperty(sp, name, { value: wrapped, writable: true, enumerable: false, configurable: true });
  }
}

/**
 * Takes BigInt away, after the charged natives are in place (they list BigInt's methods) and before
 * lockdown. A BigInt operator is native work no counter sees, growing with its operands' size: three
 * `3n ** 3000000n` in one tick cost ~250 ms of CPU for 4 units, and a multiplication of two numbers of
 * 100 million bits (12 MB, within the heap) runs for seconds. The instrumenter refuses BigInt
 * literals; with the constructor, the 64-bit typed arrays and DataView's 64-bit accessors gone, no
 * BigInt value can be made at all. A football policy has no use for one.
 */
export function removeBigInt(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of ['BigInt', 'BigInt64Array', 'BigUint64Array']) delete g[name];
  const dv = DataView.prototype as unknown as Record<string, unknown>;
  for (const name of ['getBigInt64', 'getBigUint64', 'setBigInt64', 'setBigUint64']) delete dv[name];
}

export interface HardenOptions {
  random: () => number;
  /** Milliseconds since the epoch on the match clock. */
  now: () => number;
}

export function harden(opts: HardenOptions): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of REMOVED) delete g[name];
  removeCodegen(g);
  freezeDate(g, opts.now);
  guardRegExp(g);
  // The bundled seedrandom hangs itself on Math; a policy gets only the seeded Math.random.
  delete (Math as unknown as Record<string, unknown>).seedrandom;
  const random = opts.random;
  Object.defineProperty(Math, 'random', { value: () => random(), writable: true, configurable: true });
}
