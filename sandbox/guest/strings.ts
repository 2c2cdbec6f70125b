// Natives whose output can be far longer than what their input's size says: join (and through it
// toString, `'' + a`, template literals, String(a)), toLocaleString, replace and replaceAll. Each is
// charged by the characters it copies, 8 a unit (the rate of String.raw and JSON strings), before the
// copy: uncharged, 3,000 joins of 100 elements with a 100,000-character separator ran past a 20 s wall
// net on ~30,000 units, and replaceAll with a 1,000,000-character replacement cost ~15 us a unit.
//
// The values that decide the output are read and converted once, here, and the native is then given
// only primitives (a string separator, strings to join, a replacer function of ours), so a getter or a
// toString cannot tell the charge one size and the native another.
import { b, charge, t } from './budget.js';

type AnyFn = (...args: unknown[]) => unknown;
type Obj = Record<PropertyKey, unknown>;

// Captured when the runtime is evaluated, before natives.ts wraps anything: these are the real natives.
const apply = Reflect.apply;
const getProto = Object.getPrototypeOf;
const getDesc = Object.getOwnPropertyDescriptor;
const defineProperty = Object.defineProperty;
const toObject = Object;
const max = Math.max;
const TypeErr = TypeError;
const SYM_REPLACE: typeof Symbol.replace = Symbol.replace;
const SYM_MATCH: typeof Symbol.match = Symbol.match;
const ArrayProto = Array.prototype;
const TypedProto = getProto(Uint8Array.prototype) as object;
const typedLength = getDesc(TypedProto, 'length')?.get as AnyFn;
const regexpSource = getDesc(RegExp.prototype, 'source')?.get as AnyFn;
const nativeJoin = ArrayProto.join;
const nativeToLocale = ArrayProto.toLocaleString;
const nativeTypedJoin = (TypedProto as { join: AnyFn }).join;
const nativeTypedToLocale = (TypedProto as { toLocaleString: AnyFn }).toLocaleString;
const nativeReplace = String.prototype.replace;
const nativeReplaceAll = String.prototype.replaceAll;
const nativeSymReplace = RegExp.prototype[SYM_REPLACE] as unknown as AnyFn;
const strIndexOf = String.prototype.indexOf;
const strSlice = String.prototype.slice;
const strCode = String.prototype.charCodeAt;
const nativeStringify = JSON.stringify;
const numberValueOf = Number.prototype.valueOf;
const stringValueOf = String.prototype.valueOf;
const isArray = Array.isArray;
const min = Math.min;
const trunc = Math.trunc;

/** Characters a unit of copying buys (String.raw, JSON strings and these all use it). */
export const CHARS_PER_UNIT = 8;
/** Longest ToString of a typed array's element ("-2.2250738585072014e-308" is 24). */
const ELEMENT_CHARS = 25;

const chars = (n: number): void => charge(n / CHARS_PER_UNIT);
const indexOf = (s: string, x: string, from: number): number => apply(strIndexOf, s, [x, from]) as number;
const slice = (s: string, from: number, to?: number): string => apply(strSlice, s, to === undefined ? [from] : [from, to]) as string;
const concat = (parts: string[]): string => apply(nativeJoin, parts, ['']) as string;

function tryLength(v: unknown): number {
  try {
    return apply(typedLength, v, []) as number;
  } catch {
    return -1;
  }
}

/**
 * Receivers whose join or toLocaleString is running, as V8's own join stack: met again (an array that
 * contains itself, directly or not), one joins as ''. Emptied at every call's start (resetOutput), since
 * a call the host cut short by its wall clock never ran its finally blocks.
 */
const joining: unknown[] = [];

export function resetOutput(): void {
  joining.length = 0;
}

function onStack(o: unknown): boolean {
  for (let i = 0; i < joining.length; i++) if (joining[i] === o) return true;
  return false;
}

/** Set once by install. */
let env0: Env;

interface Env {
  /** Real size of an array-like (natives.ts's size: an array's own length, never a getter). */
  size: (v: unknown) => number;
  depthCap: number;
  /** natives.ts's walk of what JSON.stringify will walk: charged by values, keys and long strings; too deep a RangeError. */
  nesting: (v: unknown) => void;
}

/**
 * Joins the receiver's elements, each converted once here (null and undefined as ''), then has the
 * native join the strings: `convert` turns one element into its string.
 */
function joinWith(env: Env, o: unknown, n: number, sep: string, convert: (v: unknown) => string): string {
  if ((typeof o === 'object' || typeof o === 'function') && onStack(o)) return '';
  chars(max(n - 1, 0) * sep.length);
  const at = joining.length;
  joining[at] = o;
  try {
    const parts: string[] = [];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const v = (o as Obj)[i];
      const s = v === undefined || v === null ? '' : convert(v);
      parts[i] = s;
      total += s.length;
    }
    chars(total);
    return apply(nativeJoin, parts, [sep]) as string;
  } finally {
    joining.length = at;
  }
}

const toText = (v: unknown): string => (typeof v === 'string' ? v : `${v as string}`);

/** One element's toLocaleString, as V8 calls it (ECMA-402): always with the locales and options, given or not. */
function localeText(locales: unknown, options: unknown): (v: unknown) => string {
  return (v) => toText(apply((v as Obj).toLocaleString as AnyFn, v, [locales, options]));
}

function install(env: Env): void {
  const { size, depthCap } = env;
  const enter = (): void => {
    if (++b.d > depthCap) t();
  };
  // A join's charge and depth level: its length (it visits every index) and one level while it runs.
  const joined = (n: number, run: () => string): string => {
    charge(n + 1);
    enter();
    try {
      return run();
    } finally {
      b.d--;
    }
  };
  const methods = {
    join(this: unknown, sep?: unknown): string {
      const o = this;
      if (o === undefined || o === null) return apply(nativeJoin, o, [sep]) as string;
      const n = size(o);
      return joined(n, () => joinWith(env, o, n, sep === undefined ? ',' : toText(sep), toText));
    },
    toLocaleString(this: unknown, locales?: unknown, options?: unknown): string {
      const o = this;
      if (o === undefined || o === null) return apply(nativeToLocale, o, []) as string;
      const n = size(o);
      return joined(n, () => joinWith(env, o, n, ',', localeText(locales, options)));
    },
    typedJoin(this: unknown, sep?: unknown): string {
      if (tryLength(this) < 0) return apply(nativeTypedJoin, this, [sep]) as string;
      const s = sep === undefined ? ',' : toText(sep);
      // Read after the separator's conversion, which could resize a length-tracking view: the native reads it then too.
      const n = max(tryLength(this), 0);
      charge(n + 1);
      chars(n * ELEMENT_CHARS + max(n - 1, 0) * s.length);
      enter();
      try {
        return apply(nativeTypedJoin, this, [s]) as string;
      } finally {
        b.d--;
      }
    },
    typedToLocaleString(this: unknown, locales?: unknown, options?: unknown): string {
      const n = tryLength(this);
      if (n < 0) return apply(nativeTypedToLocale, this, []) as string;
      return joined(n, () => joinWith(env, this, n, ',', localeText(locales, options)));
    },
    replace(this: unknown, searchValue?: unknown, replaceValue?: unknown): unknown {
      return stringReplace(env, this, searchValue, replaceValue, false);
    },
    replaceAll(this: unknown, searchValue?: unknown, replaceValue?: unknown): unknown {
      return stringReplace(env, this, searchValue, replaceValue, true);
    },
    [SYM_REPLACE](this: unknown, string?: unknown, replaceValue?: unknown): unknown {
      const rx = this;
      if ((typeof rx !== 'object' && typeof rx !== 'function') || rx === null) return apply(nativeSymReplace, rx, [string, replaceValue]);
      const S = toText(string);
      charge(S.length + 1);
      // The native is always given a function: a template is expanded by ours (the same GetSubstitution),
      // which charges each replacement before the native copies it, whatever exec the RegExp has.
      const rv = typeof replaceValue === 'function' ? chargedReplacer(replaceValue as AnyFn) : templateReplacer(toText(replaceValue));
      enter();
      try {
        return apply(nativeSymReplace, rx, [S, rv]);
      } finally {
        b.d--;
      }
    },
  };
  const put = (obj: object, key: PropertyKey, fn: AnyFn, length: number, name: string): void => {
    defineProperty(fn, 'length', { value: length });
    defineProperty(fn, 'name', { value: name });
    defineProperty(obj, key, { value: fn, writable: true, enumerable: false, configurable: true });
  };
  put(ArrayProto, 'join', methods.join, 1, 'join');
  put(ArrayProto, 'toLocaleString', methods.toLocaleString, 0, 'toLocaleString');
  put(TypedProto, 'join', methods.typedJoin, 1, 'join');
  put(TypedProto, 'toLocaleString', methods.typedToLocaleString, 0, 'toLocaleString');
  put(String.prototype, 'replace', methods.replace, 2, 'replace');
  put(String.prototype, 'replaceAll', methods.replaceAll, 2, 'replaceAll');
  put(RegExp.prototype, SYM_REPLACE, methods[SYM_REPLACE], 2, '[Symbol.replace]');
  env0 = env;
  put(JSON, 'stringify', function stringify(value?: unknown, replacer?: unknown, space?: unknown): unknown {
    return jsonStringify(value, replacer, space);
  } as AnyFn, 3, 'stringify');
}

function hasBrand(valueOf: AnyFn, v: unknown): boolean {
  try {
    apply(valueOf, v, []);
    return true;
  } catch {
    return false;
  }
}

/** JSON.stringify's `space` converted as the native does (once), and the length of the gap it makes. */
function gapOf(space: unknown): [unknown, number] {
  let s = space;
  if (typeof s === 'object' && s !== null) {
    if (hasBrand(numberValueOf, s)) s = +(s as unknown as number);
    else if (hasBrand(stringValueOf, s)) s = `${s as unknown as string}`;
  }
  if (typeof s === 'number') {
    const n = min(10, trunc(s));
    return [s, n >= 1 ? n : 0];
  }
  return [s, typeof s === 'string' ? min(10, s.length) : 0];
}

/**
 * JSON.stringify. What the value holds is walked and charged first (natives.ts, nesting); but what a
 * toJSON method or a replacer function returns is made during the native's walk, out of that one's
 * sight: uncharged, a toJSON returning a 10,000-element array from each of 100 elements cost ~40 us a
 * unit, a replacer returning a 100,000-character string ~20 us a unit, and an indent of 10 at depth 190
 * ~6 us a unit. So the native is given a replacer of ours (calling the one it was given first: coerce.ts
 * wraps this function and always passes its own, which counts the call depth and keeps a property list):
 * each value the native writes is charged a unit plus its key, its indentation and, for a string, its
 * characters (8 a unit), before the native writes it.
 */
function jsonStringify(value: unknown, replacer: unknown, space: unknown): unknown {
  const [sp, gap] = gapOf(space);
  env0.nesting(value);
  // A property list given straight to this function (coerce.ts turns it into a replacer first) stays the native's.
  if (isArray(replacer)) return apply(nativeStringify, JSON, [value, replacer, sp]);
  const user = typeof replacer === 'function' ? (replacer as AnyFn) : null;
  const depthOf = new WeakMap<object, number>();
  const ours = function (this: unknown, key: string, v: unknown): unknown {
    const r = user === null ? v : apply(user, this, [key, v]);
    // Every holder but the root's wrapper is a value this function returned: its level (for the indent) is known.
    const above = typeof this === 'object' && this !== null ? depthOf.get(this) : undefined;
    const d = above === undefined ? 0 : above + 1;
    if (typeof r === 'object' && r !== null) depthOf.set(r, d);
    charge(1 + ((key.length + d * gap + (typeof r === 'string' ? r.length : 0)) >> 3));
    return r;
  };
  return apply(nativeStringify, JSON, [value, ours, sp]);
}

/** A policy's replacer, called as the native would (this undefined); its result converted once and charged before it is copied. */
function chargedReplacer(fn: AnyFn): AnyFn {
  return function (...args: unknown[]): string {
    const s = toText(apply(fn, undefined, args));
    chars(s.length);
    return s;
  };
}

/**
 * A template as a replacer function. The native calls it with (matched, ...captures, position, string)
 * and a last argument, the named groups, only when there are some: so the argument before last is the
 * position (a number) exactly when there are no groups. The template path converts the groups to an
 * object (null is a TypeError there), which the function path does not: done here.
 */
function templateReplacer(tpl: string): AnyFn {
  return function (...a: unknown[]): string {
    const k = a.length;
    const grouped = typeof a[k - 2] !== 'number';
    const last = grouped ? k - 3 : k - 2;
    const caps: unknown[] = [];
    for (let i = 1; i < last; i++) caps[i - 1] = a[i];
    let groups: unknown;
    if (grouped) {
      if (a[k - 1] === null) throw new TypeErr('Cannot convert undefined or null to object');
      groups = toObject(a[k - 1]);
    }
    return substitution(tpl, a[0] as string, a[last + 1] as string, a[last] as number, caps, groups);
  };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * GetSubstitution (ECMA-262 22.1.3.19.1): the replacement a template makes for one match. The scan is
 * charged by the template's length and the replacement by its own, before it is built.
 */
function substitution(tpl: string, matched: string, S: string, position: number, caps: unknown[], groups: unknown): string {
  chars(tpl.length);
  let dollar = indexOf(tpl, '$', 0);
  if (dollar < 0) return tpl;
  const m = caps.length;
  const parts: string[] = [];
  let total = 0;
  let from = 0;
  const add = (s: string): void => {
    parts[parts.length] = s;
    total += s.length;
  };
  while (dollar >= 0) {
    add(slice(tpl, from, dollar));
    const c = apply(strCode, tpl, [dollar + 1]) as number;
    from = dollar + 2;
    if (c === 36) add('$');
    else if (c === 38) add(matched);
    else if (c === 96) add(slice(S, 0, position));
    else if (c === 39) {
      const tail = position + matched.length;
      add(tail >= S.length ? '' : slice(S, tail));
    } else if (isDigit(c)) {
      const c2 = apply(strCode, tpl, [dollar + 2]) as number;
      let count = isDigit(c2) ? 2 : 1;
      let index = count === 2 ? (c - 48) * 10 + (c2 - 48) : c - 48;
      if (index > m && count === 2) {
        count = 1;
        index = c - 48;
      }
      from = dollar + 1 + count;
      if (index >= 1 && index <= m) {
        const cap = caps[index - 1];
        add(cap === undefined ? '' : toText(cap));
      } else add(slice(tpl, dollar, from));
    } else if (c === 60 && groups !== undefined && indexOf(tpl, '>', dollar + 2) >= 0) {
      const gt = indexOf(tpl, '>', dollar + 2);
      const v = (groups as Obj)[slice(tpl, dollar + 2, gt)];
      add(v === undefined ? '' : toText(v));
      from = gt + 1;
    } else {
      add('$');
      from = dollar + 1;
    }
    dollar = indexOf(tpl, '$', from);
  }
  add(slice(tpl, from));
  chars(total);
  return concat(parts);
}

/** IsRegExp (ECMA-262 7.2.8): Symbol.match if defined, else the RegExp brand (the source getter throws without it). */
function isRegExp(v: unknown): boolean {
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return false;
  const m = (v as Obj)[SYM_MATCH];
  if (m !== undefined) return !!m;
  try {
    apply(regexpSource, v, []);
    return true;
  } catch {
    return false;
  }
}

/**
 * String.prototype.replace and replaceAll (ECMA-262 22.1.3.19, 22.1.3.20). A search value with a
 * Symbol.replace method is handed to it (RegExp's is the charging one above); otherwise the search
 * for a string is done here, charged by the string's length, and each replacement is charged as it is
 * made, before the pieces are joined.
 */
function stringReplace(env: Env, O: unknown, searchValue: unknown, replaceValue: unknown, all: boolean): unknown {
  if (O === undefined || O === null) return apply(all ? nativeReplaceAll : nativeReplace, O, [searchValue, replaceValue]);
  if (searchValue !== undefined && searchValue !== null) {
    if (all && isRegExp(searchValue)) {
      const flags = (searchValue as Obj).flags;
      if (flags === undefined || flags === null) throw new TypeErr('String.prototype.replaceAll called with a RegExp whose flags are null or undefined');
      if (indexOf(toText(flags), 'g', 0) < 0) throw new TypeErr('replaceAll must be called with a global RegExp');
    }
    const rep = (searchValue as Obj)[SYM_REPLACE];
    if (rep !== undefined && rep !== null) {
      if (typeof rep !== 'function') throw new TypeErr(`${typeof rep} is not a function`);
      return apply(rep as AnyFn, searchValue, [O, replaceValue]);
    }
  }
  const S = toText(O);
  const search = toText(searchValue);
  const fn = typeof replaceValue === 'function' ? (replaceValue as AnyFn) : null;
  const tpl = fn === null ? toText(replaceValue) : '';
  charge(S.length + 1);
  if (++b.d > env.depthCap) t();
  try {
    const sl = search.length;
    const found: number[] = [];
    if (!all) {
      const p = indexOf(S, search, 0);
      if (p >= 0) found[0] = p;
    } else if (sl === 0) {
      for (let p = 0; p <= S.length; p++) found[p] = p;
    } else {
      for (let p = indexOf(S, search, 0); p >= 0; p = indexOf(S, search, p + sl)) found[found.length] = p;
    }
    if (found.length === 0) return S;
    const parts: string[] = [];
    let end = 0;
    for (let i = 0; i < found.length; i++) {
      const p = found[i] as number;
      let r: string;
      if (fn !== null) {
        r = toText(apply(fn, undefined, [search, p, S]));
        chars(r.length);
      } else r = substitution(tpl, search, S, p, [], undefined);
      // What lies between matches is the string's own characters, at most its length: charged above.
      parts[parts.length] = slice(S, end, p);
      parts[parts.length] = r;
      end = p + sl;
    }
    parts[parts.length] = slice(S, end);
    return concat(parts);
  } finally {
    b.d--;
  }
}

/** Replaces the wrapped output natives by the charging ones above (called by chargeNatives, before lockdown). */
export function chargeOutputNatives(env: Env): void {
  install(env);
}
