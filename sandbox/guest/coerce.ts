// Natives that turn an argument, or their receiver, into a string and then scan it are charged by that
// string's length; but the charge ran before the native's own conversion, so an object whose toString
// returns a long string cost the object's size (1 unit, or 0 as a receiver) and the native scanned the
// whole string: 100 encodeURIComponent(o) a tick, o's toString returning 4 MB, ran past the 2 s wall
// net on ~300 units. Here each such native converts those values first (once, as the native would, so a
// toString runs once) and hands the strings to the charging wrapper, which then sees their length.
// Also here: JSON.parse with a reviver and JSON.stringify recurse in C++ through the value, calling policy
// code (the reviver, toJSON, getters, a replacer) at every level, where the real stack ends at a depth that
// moves with JIT state (a reviver call on 2,731 nested arrays passed, on 2,732 failed, one tick; later
// 2,732 passed). So the levels they are in count as call depth while they run, against the same fixed cap as
// the policy's own calls: a reviver or toJSON that parses or stringifies again (which reached V8's real
// stack end 12 to 73 calls in, at a count that changed from tick to tick) meets the cap instead, and so does
// a structure a toJSON or getter hands over (which JSON.stringify's own nesting check cannot see). Text
// nested deeper than MAX_NESTING is refused before a reviver sees it. Array.prototype.flat likewise.
import { b, charge, depthCap, t } from './budget.js';
import { replaceMethod } from './methods.js';
import { KEY_UNITS, MAX_NESTING } from './natives.js';

type AnyFn = (...args: unknown[]) => unknown;

const apply = Reflect.apply;
const getDesc = Object.getOwnPropertyDescriptor;
const defineProperty = Object.defineProperty;
const RangeErr = RangeError;
const TypeErr = TypeError;

/** ToString as a native does it (a symbol throws a TypeError); null and undefined left to the native. */
function text(v: unknown): unknown {
  return typeof v === 'string' || v === null || v === undefined ? v : `${v as string}`;
}

/** Replaces method `key` of `obj` by one that converts its receiver (`self`) and the arguments at `at` to strings first. */
function convertFirst(obj: object, key: PropertyKey, self: boolean, at: readonly number[]): void {
  replaceMethod(obj, key, (orig, recvIn, args) => {
    const recv = self && typeof recvIn !== 'string' ? text(recvIn) : recvIn;
    for (const i of at) if (i < args.length && typeof args[i] !== 'function') args[i] = text(args[i]);
    return apply(orig, recv, args);
  });
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

/** Calls the native `fn` with `levels` more call depth counted while it runs (the levels it recurses in C++). */
function atDepth(levels: number, fn: AnyFn, self: unknown, args: unknown[]): unknown {
  const base = b.d;
  b.d = base + levels;
  if (b.d > depthCap()) t();
  try {
    return apply(fn, self, args);
  } finally {
    b.d = base;
  }
}

/** JSON.parse: with a reviver, the text's nesting is refused past MAX_NESTING and counted as depth while it runs. */
function parseCounted(parse: AnyFn): AnyFn {
  return {
    parse(this: unknown, ...args: unknown[]): unknown {
      args[0] = text(args[0]);
      const s = args[0];
      // Text longer than the budget left trips the charge inside: no scan of it for nothing.
      if (typeof args[1] !== 'function' || typeof s !== 'string' || s.length > b.n) return apply(parse, this, args);
      const levels = jsonNesting(s, MAX_NESTING);
      if (levels > MAX_NESTING) throw new RangeErr(`matchday: JSON.parse with a reviver on text nested deeper than ${MAX_NESTING} levels`);
      return atDepth(levels, parse, this, args);
    },
  }.parse as AnyFn;
}

const isArray = Array.isArray;
const MapCtor = Map;
// Captured before harden takes Proxy out of the realm: only the property-list copy below uses one, with traps
// of ours, and it is never handed to policy code (see stringifyCounted).
const ProxyCtor = Proxy;
const mapGet = Map.prototype.get;
const mapSet = Map.prototype.set;
const SetCtor = Set;
const setHas = Set.prototype.has;
const setAdd = Set.prototype.add;

/**
 * JSON.stringify with the depth it is at counted: a replacer of our own (calling the policy's, if any) sees
 * every value the native serialises, after toJSON and getters, with its holder; an object's level is its
 * holder's plus one, and b.d follows it, so policy code the native calls from in there (toJSON, getters, a
 * replacer) runs at that depth, and a structure deeper than the cap allows is a depth fault. A property list
 * (an array replacer) is kept by handing the native, for each plain object, a copy with just the listed
 * keys, behind a proxy that gives them in the list's order.
 */
function stringifyCounted(stringify: AnyFn): AnyFn {
  return {
    stringify(this: unknown, ...args: unknown[]): unknown {
      const value = args[0];
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
        if (typeof args[1] !== 'function') return apply(stringify, this, args);
      }
      const user = args[1];
      let list: string[] | null = null;
      if (isArray(user)) {
        // A hash-table insert a listed key, priced as natives.ts prices one: a list of 100,000 keys was
        // deduplicated pairwise here, for nothing (~20 s of CPU for 600 units with 200 objects).
        const n = (user as unknown[]).length;
        charge(n * KEY_UNITS);
        list = [];
        const seen = new SetCtor<string>();
        for (let i = 0; i < n; i++) {
          const k = (user as unknown[])[i];
          const key = typeof k === 'string' ? k : typeof k === 'number' || k instanceof Number || k instanceof String ? `${k as string}` : null;
          if (key !== null && !(apply(setHas, seen, [key]) as boolean)) {
            apply(setAdd, seen, [key]);
            list[list.length] = key;
          }
        }
      }
      const base = b.d;
      const cap = depthCap();
      const levels = new MapCtor<unknown, number>();
      // A property list's copies (below): each copy's original, and the copy it is a value of. The native's own
      // circularity check sees a new copy at every level, so an object that contains itself is caught here,
      // with the native's TypeError, not by the depth cap (which no catch can stop).
      const original = new MapCtor<unknown, unknown>();
      const holderOf = new MapCtor<unknown, unknown>();
      const replacer = function (this: unknown, key: string, v: unknown): unknown {
        const d = ((apply(mapGet, levels, [this]) as number | undefined) ?? 0) + 1;
        if (typeof user === 'function') {
          b.d = base + d;
          v = apply(user as AnyFn, this, [key, v]);
        }
        if ((typeof v === 'object' || typeof v === 'function') && v !== null) {
          b.d = base + d;
          if (b.d > cap) t();
          if (list !== null && !isArray(v) && !(v instanceof Number || v instanceof String || v instanceof Boolean) && typeof v !== 'function') {
            for (let h: unknown = this; apply(mapGet, original, [h]) !== undefined; h = apply(mapGet, holderOf, [h])) {
              if (apply(mapGet, original, [h]) === v) throw new TypeErr('Converting circular structure to JSON');
            }
            // Every listed key is read from every plain object, as the native reads them, priced like a key:
            // a miss on a key string V8 must hash first measured ~175 ns, 40 loop iterations.
            charge(list.length * KEY_UNITS);
            const picked: Record<string, unknown> = {};
            const order: string[] = [];
            for (const k of list) {
              const x = (v as Record<string, unknown>)[k];
              if (x !== undefined) {
                defineProperty(picked, k, { value: x, writable: true, enumerable: true, configurable: true });
                order[order.length] = k;
              }
            }
            // The list's order, as the native gives it: an object lists integer-like keys first, ascending,
            // so `['a', 1]` would come out as {"1":..,"a":..}. The proxy only reorders the copy's own keys. The
            // native reads it, and hands it to our replacer as `this`; the user gave a list, not a function,
            // so no policy code ever sees it.
            const copy = new ProxyCtor(picked, { ownKeys: () => order });
            apply(mapSet, original, [copy, v]);
            apply(mapSet, holderOf, [copy, this]);
            v = copy;
          }
          apply(mapSet, levels, [v, d]);
        }
        return v;
      };
      args[1] = replacer;
      try {
        return apply(stringify, this, args);
      } finally {
        b.d = base;
      }
    },
  }.stringify as AnyFn;
}

const FREE = ['constructor', 'toString', 'valueOf', 'at', 'charAt', 'charCodeAt', 'codePointAt'];

/**
 * Array.prototype.flat(depth) recurses in C++ up to `depth` levels and reads each element there, running a
 * getter the policy put on one: a getter that calls flat again reached V8's real stack end 35 or 36 calls in
 * (it changed between ticks). The levels it may recurse (its depth argument, at most MAX_NESTING: natives.ts
 * refuses more) count as call depth while it runs.
 */
function flatCounted(flat: AnyFn): AnyFn {
  return {
    flat(this: unknown, ...args: unknown[]): unknown {
      const a = args[0];
      const levels = a === undefined ? 1 : typeof a === 'number' && a > 0 ? (a < MAX_NESTING ? a | 0 : MAX_NESTING) : 0;
      return atDepth(levels, flat, this, args);
    },
  }.flat as AnyFn;
}

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
  const counted: [object, string, (f: AnyFn) => AnyFn][] = [[JSON, 'parse', parseCounted], [JSON, 'stringify', stringifyCounted], [Array.prototype, 'flat', flatCounted]];
  for (const [obj, name, count] of counted) {
    const d = getDesc(obj, name);
    if (!d || typeof d.value !== 'function') continue;
    const wrapped = count(d.value as AnyFn);
    defineProperty(wrapped, 'length', { value: (d.value as AnyFn).length });
    defineProperty(obj, name, { ...d, value: wrapped });
  }
}
