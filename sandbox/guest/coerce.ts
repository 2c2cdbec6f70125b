// Natives that turn an argument, or their receiver, into a string and then scan it are charged by that
// string's length; but the charge ran before the native's own conversion, so an object whose toString
// returns a long string cost the object's size (1 unit, or 0 as a receiver) and the native scanned the
// whole string: 100 encodeURIComponent(o) a tick, o's toString returning 4 MB, ran past the 2 s wall
// net on ~300 units. Here each such native converts those values first (once, as the native would, so a
// toString runs once) and hands the strings to the charging wrapper, which then sees their length.
// Also here: JSON.parse with a reviver walks the parsed value recursively in C++, where the real stack
// ends at a depth that moves with JIT state (a reviver call on 2,731 nested arrays passed, on 2,732
// failed, one tick; later 2,732 passed): text nested deeper than MAX_NESTING is refused at a fixed depth.
import { b } from './budget.js';
import { MAX_NESTING } from './natives.js';

type AnyFn = (...args: unknown[]) => unknown;

const apply = Reflect.apply;
const getDesc = Object.getOwnPropertyDescriptor;
const defineProperty = Object.defineProperty;
const RangeErr = RangeError;

/** ToString as a native does it (a symbol throws a TypeError); null and undefined left to the native. */
function text(v: unknown): unknown {
  return typeof v === 'string' || v === null || v === undefined ? v : `${v as string}`;
}

/** Replaces method `key` of `obj` by one that converts its receiver (`self`) and the arguments at `at` to strings first. */
function convertFirst(obj: object, key: PropertyKey, self: boolean, at: readonly number[], check?: (args: unknown[]) => void): void {
  const d = getDesc(obj, key);
  if (!d || typeof d.value !== 'function') return;
  const orig = d.value as AnyFn;
  const name = typeof key === 'symbol' ? `[${String(key.description)}]` : key;
  const wrapped = {
    // A method, so not a constructor, as these natives are not.
    [name](this: unknown, ...args: unknown[]): unknown {
      const recv = self && typeof this !== 'string' ? text(this) : this;
      for (const i of at) if (i < args.length && typeof args[i] !== 'function') args[i] = text(args[i]);
      if (check) check(args);
      return apply(orig, recv, args);
    },
  }[name] as AnyFn;
  defineProperty(wrapped, 'length', { value: orig.length });
  defineProperty(obj, key, { ...d, value: wrapped });
}

/** Deepest nesting of arrays and objects in JSON text (brackets outside strings), stopping past `cap`. */
export function jsonNesting(s: string, cap: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > deepest && (deepest = depth) > cap) return deepest;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

function reviverNesting(args: unknown[]): void {
  const s = args[0];
  // Text longer than the budget left will trip the charge that follows: no scan of it for nothing.
  if (typeof args[1] !== 'function' || typeof s !== 'string' || s.length > b.n) return;
  if (jsonNesting(s, MAX_NESTING) > MAX_NESTING) {
    throw new RangeErr(`matchday: JSON.parse with a reviver on text nested deeper than ${MAX_NESTING} levels`);
  }
}

const FREE = ['constructor', 'toString', 'valueOf', 'at', 'charAt', 'charCodeAt', 'codePointAt'];

/** Installs the conversions. Runs after natives.ts's allow-list (it wraps the charging wrappers) and before lockdown. */
export function convertStringInputs(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const sp = String.prototype as unknown as Record<string, unknown>;
  for (const key of Reflect.ownKeys(sp)) {
    // These read one character (or make an iterator): converting an object is O(1) for them.
    if (typeof key === 'symbol' || FREE.includes(key)) continue;
    convertFirst(sp, key, true, []);
  }
  const re = RegExp.prototype;
  for (const key of ['exec', 'test', Symbol.match, Symbol.matchAll, Symbol.search, Symbol.split]) convertFirst(re, key, false, [0]);
  // The replacement too, unless it is a function.
  convertFirst(re, Symbol.replace, false, [0, 1]);
  for (const key of ['encodeURI', 'encodeURIComponent', 'decodeURI', 'decodeURIComponent', 'escape', 'unescape', 'parseInt', 'parseFloat']) {
    convertFirst(g, key, false, [0]);
  }
  convertFirst(Number, 'parseInt', false, [0]);
  convertFirst(Number, 'parseFloat', false, [0]);
  convertFirst(JSON, 'parse', false, [0], reviverNesting);
}
