// Native built-ins do work the instrumenter cannot see (a sort, a repeat, a Set built from a
// million entries), so charging is an allow-list: every function-valued property of every
// global built-in is either listed here as constant work, wrapped to charge the real size of its
// input before it runs, or removed. Sizes come from captured intrinsics (the array's own length,
// the typed array's internal length, a Map's size), never from a `length` the policy defines;
// an iterable that is not a plain array, string, typed array, Map or Set is walked by the
// runtime itself, one unit per element, before the native sees it as a plain array.
//
// Every wrapper also counts as one level of call depth, so native recursion that passes
// through a wrapper (toString -> join -> toString ...) meets the same fixed depth cap as the
// policy's own functions, far below V8's real stack limit.
import { b, charge, t } from './budget.js';
import { chargeLengthNatives, installLengthKey } from './lengths.js';
import { chargeOutputNatives } from './strings.js';

type AnyFn = (...args: unknown[]) => unknown;
type Obj = Record<PropertyKey, unknown>;
/** Units to charge for a call; may replace entries of `args` (an iterable by its walked copy). */
type Cost = (self: unknown, args: unknown[]) => number;

// Captured when the runtime is evaluated, before the policy exists.
const apply = Reflect.apply;
const construct = Reflect.construct;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const getProto = Object.getPrototypeOf;
const setProto = Object.setPrototypeOf;
const getDesc = Object.getOwnPropertyDescriptor;
const defineProperty = Object.defineProperty;
const ownKeys = Reflect.ownKeys;
const hasOwn = Object.hasOwn;
const clz32 = Math.clz32;
const ceil = Math.ceil;
const min = Math.min;
const max = Math.max;
const trunc = Math.trunc;
const ITER: typeof Symbol.iterator = Symbol.iterator;
const ArrayProto = Array.prototype;
const TypedProto = getProto(Uint8Array.prototype) as object;
const typedLength = getDesc(TypedProto, 'length')?.get as AnyFn;
const mapSize = getDesc(Map.prototype, 'size')?.get as AnyFn;
const setSize = getDesc(Set.prototype, 'size')?.get as AnyFn;
const bufferBytes = getDesc(ArrayBuffer.prototype, 'byteLength')?.get as AnyFn;
const viewBytes = getDesc(DataView.prototype, 'byteLength')?.get as AnyFn;
const arrayIter = ArrayProto[ITER];
const typedIter = (TypedProto as Obj)[ITER];
const mapIter = Map.prototype[ITER];
const setIter = Set.prototype[ITER];
const stringIter = String.prototype[ITER];
const TypeErr = TypeError;
const RangeErr = RangeError;

/** Longest argument list a call may spread or apply: far below what V8's stack takes at the deepest allowed call. */
export const MAX_ARGS = 10_000;
/** Deepest nesting JSON.stringify and flat may walk; deeper is a RangeError at this fixed depth. */
export const MAX_NESTING = 200;
/** Longest chain of bound functions (calling one recurses natively through the chain). */
export const MAX_BIND_CHAIN = 64;

/** The `length` a generic array method will read from an ordinary object, when it is a plain number data property. */
function plainLength(o: object): number {
  for (let p: object | null = o; p !== null; p = getProto(p) as object | null) {
    const d = getDesc(p, 'length');
    if (!d) continue;
    if ('value' in d && typeof d.value === 'number') return d.value > 0 ? min(d.value, 2 ** 53 - 1) : 0;
    throw new TypeErr('matchday: a built-in was given an array-like whose length is not a plain number');
  }
  return 0;
}

function tryGet(getter: AnyFn, o: object): number {
  try {
    return apply(getter, o, []) as number;
  } catch {
    return -1;
  }
}

/** Real size of a value: characters, elements, entries or bytes; 0 for what has none. */
export function size(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return 0;
  if (isArray(v)) return (v as unknown[]).length;
  if (isView(v)) {
    const n = tryGet(typedLength, v as object);
    return n >= 0 ? n : tryGet(viewBytes, v as object);
  }
  const m = tryGet(mapSize, v as object);
  if (m >= 0) return m;
  const s = tryGet(setSize, v as object);
  if (s >= 0) return s;
  const ab = tryGet(bufferBytes, v as object);
  if (ab >= 0) return ab;
  return plainLength(v as object);
}

/**
 * Units per own key when a native walks an object's keys (spread, assign, keys, ownKeys, for-in).
 * An object with many keys is a hash table in V8, where copying or listing costs about a
 * microsecond a key: hundreds of times a loop iteration. [default: 16]
 */
export const KEY_UNITS = 16;
/**
 * Units per key when a native builds a new object key by key from another (object spread,
 * Object.assign): V8 measured at several microseconds a key for objects past a few hundred keys. [default: 128]
 */
export const COPY_UNITS = 128;
/** Units per element a runtime walk of an iterator costs (a call and a result object per step). [default: 4] */
export const STEP_UNITS = 4;
/**
 * Units per element for methods that build their result through the array's constructor
 * (map, filter, slice, splice, concat, flat, flatMap): Array's constructor is the sandbox's
 * charging one, which takes V8 off its fast path for these, about 1 microsecond an element. [default: 8]
 */
export const SPECIES_UNITS = 8;

/** Work of walking the keys of `v`: KEY_UNITS per own key (an array's or typed array's size read, not listed). */
export function keyCount(v: unknown): number {
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return typeof v === 'string' ? v.length * KEY_UNITS : 0;
  if (isArray(v) || isView(v)) return (size(v) + 8) * KEY_UNITS;
  return ownKeys(v as object).length * KEY_UNITS;
}

/** The iterator `v` would use is the built-in one of a plain array, typed array, string, Map or Set. */
function builtinIterable(v: unknown): boolean {
  if (typeof v === 'string') return true;
  if (typeof v !== 'object' || v === null || hasOwn(v, ITER)) return false;
  const it = (v as Obj)[ITER];
  return (isArray(v) && it === arrayIter) || (isView(v) && it === typedIter) || it === mapIter || it === setIter || it === stringIter;
}

/**
 * Size of an iterable argument, charged as it is known. A built-in iterable's size is read;
 * anything else (a generator, a Map iterator, a policy's own iterator) is walked here, one unit
 * per element, and the caller passes the walked array on instead. Returns [units, replacement].
 */
function iterableCost(v: unknown): [number, unknown] {
  if (v === null || v === undefined) return [0, v];
  if (builtinIterable(v)) return [size(v), v];
  if ((typeof v !== 'object' && typeof v !== 'function') || (v as Obj)[ITER] === undefined) return [size(v), v];
  const out: unknown[] = [];
  const it = apply((v as Obj)[ITER] as AnyFn, v, []) as { next: AnyFn };
  const next = it.next;
  for (let i = 0; ; i++) {
    // A step through the iterator protocol (a call, a result object) is dearer than a loop iteration.
    charge(STEP_UNITS);
    const r = apply(next, it, []) as { done: unknown; value: unknown };
    if (r.done) break;
    out[i] = r.value;
  }
  return [0, out];
}

/** n * ceil(log2(n + 1)): the comparisons of a merge sort, in integer arithmetic. */
function nlogn(n: number): number {
  return n < 4294967296 ? n * (32 - clz32(n)) : Infinity;
}

function num(v: unknown): number {
  return typeof v === 'number' && v > 0 ? v : 0;
}

let depthCap = 400;
/**
 * Call depth of the wrapped native now running (-1: none). A native that builds its result
 * through a constructor (map through Array[Symbol.species], Array.from through `new this(n)`)
 * calls the constructor at its own depth; the policy's code always runs at least one deeper.
 * So a charging constructor called at exactly this depth is that native's own work, charged already.
 */
let nativeAt = -1;

/**
 * The frame of a native the runtime writes out in JavaScript (fastBuilders, fastScans), as the wrapper's: the
 * charge first, then a level of call depth; nativeAt is cleared, since what they call back is the policy's own
 * work. Returns the nativeAt that leaveOwn, in the method's finally, gives back. Small enough for TurboFan to
 * inline, so the written-out methods stay as fast as with the steps spelt out in each.
 */
function enterOwn(units: number): number {
  charge(units);
  if (++b.d > depthCap) t();
  const outer = nativeAt;
  nativeAt = -1;
  return outer;
}

function leaveOwn(outer: number): void {
  nativeAt = outer;
  b.d--;
}

/**
 * Natives whose own charge covers the result they build through a constructor (species, or
 * `new this(n)` in Array.from/of): only these mark their depth in nativeAt. Natives that call a
 * function they are given (Reflect.apply/construct, Function.prototype.apply) must not, or
 * `Reflect.construct(Array, [n])` would build n slots for the price of its argument list.
 */
const BUILDERS = new Set(['map', 'filter', 'slice', 'splice', 'concat', 'flat', 'flatMap', 'from', 'of']);

function wrapFn(name: string, orig: AnyFn, cost: Cost | null): AnyFn {
  const builds = BUILDERS.has(name);
  // A function expression, not a method, so a wrapped constructor stays constructible.
  const wrapped = {
    [name]: function (this: unknown, ...args: unknown[]): unknown {
      if (cost !== null) charge(cost(this, args));
      if (++b.d > depthCap) t();
      const outer = nativeAt;
      nativeAt = builds ? b.d : -1;
      try {
        // `new Map()` builds with the real constructor as new.target, so the object gets the real
        // one's initial map. With the wrapper as new.target V8 derives a map in C++ on every call, a
        // new one each time: every Map or Set then had a hidden class of its own, and each load of
        // its methods (m.get, s.has) missed its inline cache. A subclass keeps its own new.target.
        if (new.target === wrapped) return construct(orig, args);
        return new.target ? construct(orig, args, new.target) : apply(orig, this, args);
      } finally {
        nativeAt = outer;
        b.d--;
      }
    },
  }[name] as AnyFn;
  defineProperty(wrapped, 'length', { value: orig.length });
  return wrapped;
}

function wrap(obj: object, name: PropertyKey, cost: Cost | null): void {
  const d = getDesc(obj, name);
  if (!d || typeof d.value !== 'function') return;
  defineProperty(obj, name, { ...d, value: wrapFn(typeof name === 'symbol' ? `[${String(name.description)}]` : String(name), d.value as AnyFn, cost) });
}

/**
 * Replaces a global constructor by a charging one that builds the same objects: the prototype
 * is shared (instanceof and subclassing work) and statics are inherited from the real one.
 */
function wrapCtor(g: Obj, name: string, cost: Cost): void {
  const Real = g[name] as AnyFn;
  if (typeof Real !== 'function') return;
  const W = wrapFn(name, Real, (self, args) => (b.d === nativeAt ? 0 : cost(self, args)));
  setProto(W, Real);
  defineProperty(W, 'prototype', { value: Real.prototype, writable: false, enumerable: false, configurable: false });
  defineProperty(Real.prototype, 'constructor', { value: W, writable: true, enumerable: false, configurable: true });
  defineProperty(g, name, { value: W, writable: true, enumerable: false, configurable: true });
}

/**
 * The charging Array constructor: `new Array(n)` fills n slots, so it costs n. Written out
 * rather than made by wrapFn: it is on the hot path of every array a policy builds with it and,
 * as Array.prototype.constructor, of every map/filter/slice (species). It makes its arrays with
 * the real constructor as new.target unless a subclass asked, so they share the map of array
 * literals (one hidden class: the policy's property loads stay monomorphic). It calls nothing
 * back, so it needs no depth level; called by a wrapped native at that native's depth (species,
 * Array.from's `new this(n)`), it is that native's work, charged already.
 */
function chargeArrayConstructor(g: Obj): void {
  const Real = Array;
  const W = {
    Array: function (this: unknown, n?: unknown): unknown {
      const argc = arguments.length;
      if (b.d !== nativeAt) charge((argc === 1 && typeof n === 'number' ? num(n) : argc) + 1);
      if (new.target !== undefined && new.target !== W) return construct(Real, arguments, new.target);
      return argc === 1 ? new Real(n) : construct(Real, arguments);
    },
  }.Array as unknown as AnyFn;
  defineProperty(W, 'length', { value: Real.length });
  setProto(W, Real);
  defineProperty(W, 'prototype', { value: Real.prototype, writable: false, enumerable: false, configurable: false });
  defineProperty(Real.prototype, 'constructor', { value: W, writable: true, enumerable: false, configurable: true });
  defineProperty(g, 'Array', { value: W, writable: true, enumerable: false, configurable: true });
}

/** The intrinsic Array, captured before the charging one replaces the global binding. */
const RealArray = Array;

/**
 * A plain array: its prototype is Array.prototype and it has no own `constructor`. Its species is
 * Array.prototype.constructor, which lockdown freezes as the charging Array constructor, whose
 * species is itself, and which builds exactly `new RealArray(n)`. So what map and filter build for
 * it is known without asking: no species lookup, no constructor call.
 */
function plainArray(v: unknown): v is unknown[] {
  return isArray(v) && getProto(v) === ArrayProto && !hasOwn(v, 'constructor');
}

/**
 * map, filter and slice for a plain array, in JavaScript, with the same charge, depth level and steps as
 * the native (the length read once, holes skipped, each element read when reached and only after asking
 * whether its index is there, as the native does: a getter may delete its own index; the callback
 * called with (element, index, array) and thisArg). Why: replacing Array.prototype.constructor
 * (to charge species-built arrays) turns V8's array-species protector off for the whole isolate,
 * so the native map and filter look the species up in C++ and construct their result through the
 * charging constructor on every call: about 10x an in-process call on small arrays. Anything that
 * is not a plain array, or a callback that is not a function, goes to the wrapped native.
 */
/** Longest array whose slice the runtime copies itself (longer ones go to the native). */
const SLICE_OWN_MAX = 64;

function fastBuilders(): void {
  const nativeMap = getDesc(ArrayProto, 'map')?.value as AnyFn;
  const nativeFilter = getDesc(ArrayProto, 'filter')?.value as AnyFn;
  const nativeSlice = getDesc(ArrayProto, 'slice')?.value as AnyFn;
  const methods = {
    map(this: unknown, fn: unknown, thisArg?: unknown): unknown {
      const a = this;
      if (typeof fn !== 'function' || !plainArray(a)) return apply(nativeMap, a, [fn, thisArg]);
      const n = a.length;
      const outer = enterOwn(n * SPECIES_UNITS);
      try {
        const out = new RealArray(n);
        for (let i = 0; i < n; i++) {
          if (!(i in a)) continue;
          const v = a[i];
          out[i] = thisArg === undefined ? (fn as AnyFn)(v, i, a) : apply(fn as AnyFn, thisArg, [v, i, a]);
        }
        return out;
      } finally {
        leaveOwn(outer);
      }
    },
    filter(this: unknown, fn: unknown, thisArg?: unknown): unknown {
      const a = this;
      if (typeof fn !== 'function' || !plainArray(a)) return apply(nativeFilter, a, [fn, thisArg]);
      const n = a.length;
      const outer = enterOwn(n * SPECIES_UNITS);
      try {
        const out: unknown[] = [];
        let to = 0;
        for (let i = 0; i < n; i++) {
          if (!(i in a)) continue;
          const v = a[i];
          if (thisArg === undefined ? (fn as AnyFn)(v, i, a) : apply(fn as AnyFn, thisArg, [v, i, a])) out[to++] = v;
        }
        return out;
      } finally {
        leaveOwn(outer);
      }
    },
    slice(this: unknown, start?: unknown, end?: unknown): unknown {
      const a = this;
      // Only numeric (or absent) bounds: converting anything else may run policy code (valueOf).
      // Only short arrays: appending element by element is slower than the native's copy once the
      // call's own overhead no longer dominates (61,500 slots: ~8 ms against ~4 ms, the same charge).
      if (!plainArray(a) || a.length > SLICE_OWN_MAX || (start !== undefined && typeof start !== 'number') || (end !== undefined && typeof end !== 'number')) {
        return apply(nativeSlice, a, [start, end]);
      }
      const len = a.length;
      const outer = enterOwn(len * SPECIES_UNITS);
      try {
        // ToIntegerOrInfinity, then clamped as the spec does (Infinity and -Infinity clamp the same way).
        const s0 = start === undefined || start !== start ? 0 : trunc(start);
        const e0 = end === undefined ? len : end !== end ? 0 : trunc(end);
        let k = s0 < 0 ? max(len + s0, 0) : min(s0, len);
        const final = e0 < 0 ? max(len + e0, 0) : min(e0, len);
        const out: unknown[] = [];
        for (let n = 0; k < final; k++, n++) {
          // A hole stays a hole at its place in the result (the native sets the length at the end).
          if (!(k in a)) out.length = n + 1;
          else out[n] = a[k];
        }
        return out;
      } finally {
        leaveOwn(outer);
      }
    },
  };
  defineProperty(methods.slice, 'length', { value: 2 });
  defineProperty(ArrayProto, 'slice', { value: methods.slice, writable: true, enumerable: false, configurable: true });
  for (const name of ['map', 'filter'] as const) {
    defineProperty(methods[name], 'length', { value: 1 });
    defineProperty(ArrayProto, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
  }
}

/** A callback called as a native calls it: (element, index, array), with thisArg when one was given. */
function callBack(fn: AnyFn, thisArg: unknown, v: unknown, i: number, a: unknown[]): unknown {
  return thisArg === undefined ? fn(v, i, a) : apply(fn, thisArg, [v, i, a]);
}

/** A `want` no callback's truthiness equals: forEach's scan, which never stops early. */
const NEVER = 2;

/**
 * some, every and forEach: the index of the first element present (holes skipped) whose callback's truthiness
 * is `want`, or -1, with the native's charge (the length, read once) and depth level.
 */
function firstPresent(a: unknown[], fn: AnyFn, thisArg: unknown, want: boolean | typeof NEVER): number {
  const n = a.length;
  const outer = enterOwn(n);
  try {
    for (let i = 0; i < n; i++) {
      if (!(i in a)) continue;
      const truthy = !!callBack(fn, thisArg, a[i], i, a);
      if (want !== NEVER && truthy === want) return i;
    }
    return -1;
  } finally {
    leaveOwn(outer);
  }
}

/**
 * The element firstAny's match was called with (find returns it: a getter may give another on a second read).
 * Cleared by its callers, so the runtime holds no policy value after the call (the isolate may serve another match).
 */
let found: unknown;

function takeFound(): unknown {
  const v = found;
  found = undefined;
  return v;
}

/** find and findIndex: the first index, holes included, whose callback is truthy, or -1; its element kept in `found`. */
function firstAny(a: unknown[], fn: AnyFn, thisArg: unknown): number {
  const n = a.length;
  const outer = enterOwn(n);
  try {
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (callBack(fn, thisArg, v, i, a)) {
        found = v;
        return i;
      }
    }
    return -1;
  } finally {
    leaveOwn(outer);
  }
}

/**
 * some, every, find, findIndex and forEach for an array whose prototype is Array.prototype, in JavaScript, with
 * the wrapped native's charge (the length), depth level and steps (the length read once; holes skipped, asked
 * before the element is read, except by find and findIndex, which read every index; the callback called with (element, index, array) and thisArg).
 * Why: the wrapper hands the call to the native, which calls the callback from a builtin, a real call per
 * element, where in-process TurboFan inlines these methods and their callbacks into the caller: ~100 ns more a
 * call on an 11-element array (docs/PERFORMANCE-HISTORY.md, ninth round). Written out here they are plain
 * functions TurboFan can inline the same way. Anything else, or a callback that is not a function, goes to the
 * wrapped native.
 */
function fastScans(): void {
  const native = (name: string): AnyFn => getDesc(ArrayProto, name)?.value as AnyFn;
  const nativeSome = native('some');
  const nativeEvery = native('every');
  const nativeFind = native('find');
  const nativeFindIndex = native('findIndex');
  const nativeForEach = native('forEach');
  // Whether the written-out loop may take the call: a callback that is a function, on an array of Array.prototype.
  const mine = (a: unknown, fn: unknown): a is unknown[] => typeof fn === 'function' && isArray(a) && getProto(a) === ArrayProto;
  const methods = {
    some(this: unknown, fn: unknown, thisArg?: unknown): unknown {
      if (!mine(this, fn)) return apply(nativeSome, this, [fn, thisArg]);
      return firstPresent(this, fn as AnyFn, thisArg, true) >= 0;
    },
    every(this: unknown, fn: unknown, thisArg?: unknown): unknown {
      if (!mine(this, fn)) return apply(nativeEvery, this, [fn, thisArg]);
      return firstPresent(this, fn as AnyFn, thisArg, false) < 0;
    },
    find(this: unknown, fn: unknown, thisArg?: unknown): unknown {
      if (!mine(this, fn)) return apply(nativeFind, this, [fn, thisArg]);
      return firstAny(this, fn as AnyFn, thisArg) >= 0 ? takeFound() : undefined;
    },
    findIndex(this: unknown, fn: unknown, thisArg?: unknown): unknown {
      if (!mine(this, fn)) return apply(nativeFindIndex, this, [fn, thisArg]);
      const i = firstAny(this, fn as AnyFn, thisArg);
      takeFound();
      return i;
    },
    forEach(this: unknown, fn: unknown, thisArg?: unknown): unknown {
      if (!mine(this, fn)) return apply(nativeForEach, this, [fn, thisArg]);
      firstPresent(this, fn as AnyFn, thisArg, NEVER);
      return undefined;
    },
  };
  for (const name of ['some', 'every', 'find', 'findIndex', 'forEach'] as const) {
    defineProperty(methods[name], 'length', { value: 1 });
    defineProperty(ArrayProto, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
  }
}

const selfSize: Cost = (self) => size(self);
const arg0Size: Cost = (_self, args) => size(args[0]);
const argCount: Cost = (_self, args) => args.length;
const iterArg = (k: number, perElement = 1): Cost => (_self, args) => {
  const [n, v] = iterableCost(args[k]);
  if (v === args[k]) return n * perElement + 1;
  // Walked already at one unit an element; the native's own work on the copy comes on top.
  args[k] = v;
  return (v as unknown[]).length * (perElement - 1) + 1;
};
/** An argument list given as an array: its real size, bounded so no call can reach V8's stack limit. */
const argList = (k: number): Cost => (_self, args) => {
  const n = size(args[k]);
  if (n > MAX_ARGS) throw new RangeErr(`matchday: an argument list of ${n} values (at most ${MAX_ARGS})`);
  return n + 1;
};

/**
 * Walks what JSON.stringify will walk, charging one unit per value (long strings by length),
 * and refuses nesting deeper than MAX_NESTING (cycles stop the walk; the native reports them).
 * Array elements are read directly (fast); object properties through their descriptors, so no
 * getter runs twice.
 */
function nesting(v: unknown, depth: number, path: unknown[]): void {
  if (typeof v === 'string') {
    if (v.length > 64) charge(v.length >> 3);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  if (depth > MAX_NESTING) throw new RangeErr(`matchday: a structure nested deeper than ${MAX_NESTING} levels`);
  for (let i = 0; i < depth; i++) if (path[i] === v) return;
  path[depth] = v;
  if (isArray(v)) {
    const n = (v as unknown[]).length;
    charge(n + 1);
    for (let i = 0; i < n; i++) {
      const x = (v as unknown[])[i];
      if (typeof x === 'string' || (typeof x === 'object' && x !== null)) nesting(x, depth + 1, path);
    }
  } else {
    const keys = ownKeys(v as object);
    charge(keys.length * 4 + 1);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      // A long key is copied (quoted) into the output like a long string.
      if (typeof key === 'string' && key.length > 64) charge(key.length >> 3);
      const d = getDesc(v, key as PropertyKey);
      if (d && 'value' in d) nesting(d.value, depth + 1, path);
    }
  }
}

/**
 * String.raw walks its template's `raw` (n segments, however long its length says) and copies each
 * segment and substitution: n plus the strings' characters at 8 a unit. `raw` is read once here (an
 * accessor's value is handed on in a plain template, so it runs once, as in the native).
 */
function rawCost(_self: unknown, args: unknown[]): number {
  const tpl = args[0];
  if ((typeof tpl !== 'object' && typeof tpl !== 'function') || tpl === null) return args.length + 1;
  const raw = (tpl as Obj).raw;
  args[0] = { raw };
  const n = size(raw);
  let chars = 0;
  if (typeof raw === 'string') chars = raw.length;
  else if (typeof raw === 'object' && raw !== null) {
    for (let i = 0; i < n && i < MAX_ARGS; i++) {
      const d = getDesc(raw, i);
      if (d && typeof d.value === 'string') chars += d.value.length;
    }
  }
  for (let i = 1; i < args.length; i++) if (typeof args[i] === 'string') chars += (args[i] as string).length;
  return n + args.length + (chars >> 3);
}

/** Elements flat(depth) would visit, charged as they are counted. */
function flatCost(self: unknown, args: unknown[]): number {
  const depth = args[0] === undefined ? 1 : +(args[0] as number);
  if (!(depth <= MAX_NESTING)) throw new RangeErr(`matchday: flat depth ${String(args[0])} (at most ${MAX_NESTING})`);
  const walk = (a: unknown, d: number): void => {
    const n = size(a);
    charge(n + 1);
    if (d <= 0 || !isArray(a)) return;
    for (let i = 0; i < n; i++) {
      const x = (a as unknown[])[i];
      if (isArray(x)) walk(x, d - 1);
    }
  };
  walk(self, depth);
  return 0;
}

// Array methods, linear in the receiver's real length. Callbacks are charged on top of that by
// the policy's own instrumentation, and a native callback such as Math.sqrt costs its element.
const ARRAY_LINEAR = [
  'join', 'fill', 'indexOf', 'lastIndexOf', 'includes', 'reverse', 'toReversed', 'slice', 'splice', 'toSpliced',
  'copyWithin', 'with', 'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex',
  'findLast', 'findLastIndex', 'toString', 'toLocaleString', 'shift', 'unshift',
];
/** Constant work on arrays and typed arrays: an iterator is made lazily, push and pop touch one end. */
const ARRAY_FREE = ['constructor', '@@iterator', '@@unscopables', 'entries', 'keys', 'values', 'at', 'push', 'pop'];
const STRING_LINEAR = [
  'split', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'indexOf', 'lastIndexOf', 'includes', 'startsWith',
  'endsWith', 'trim', 'trimStart', 'trimEnd', 'trimLeft', 'trimRight', 'toUpperCase', 'toLowerCase', 'normalize',
  'localeCompare', 'toLocaleUpperCase', 'toLocaleLowerCase', 'slice', 'substring', 'substr', 'isWellFormed',
  'toWellFormed', 'anchor', 'big', 'blink', 'bold', 'fixed', 'fontcolor', 'fontsize',
  'italics', 'link', 'small', 'strike', 'sub', 'sup',
];
/** Constant work: left as they are. (A string's at/charAt/charCodeAt/codePointAt read one character.) */
const STRING_FREE = ['at', 'charAt', 'charCodeAt', 'codePointAt', 'constructor', 'toString', 'valueOf'];

/** Allow-list per object: name -> cost (null: constant work). Anything else that is a function is removed. */
type Table = Record<string, Cost | null>;

const FREE_MATH = [
  'abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'clz32', 'cos', 'cosh', 'exp',
  'expm1', 'floor', 'fround', 'imul', 'log', 'log10', 'log1p', 'log2', 'round', 'sign', 'sin', 'sinh', 'sqrt', 'tan',
  'tanh', 'trunc', 'random',
];

/** A table without a prototype, so names such as `constructor` are never found by inheritance. */
function table(free: readonly string[], charged: Table = {}): Table {
  const out = Object.create(null) as Table;
  for (const k of ownKeys(charged)) out[k as string] = charged[k as string] ?? null;
  for (const k of free) if (!hasOwn(out, k)) out[k] = null;
  return out;
}

function stringCost(self: unknown): number {
  return typeof self === 'string' ? self.length : size(self);
}

/** Applies an allow-list to `obj`: listed names are wrapped or kept, every other function-valued property removed. */
function allow(obj: object | undefined, list: Table): void {
  if (!obj) return;
  for (const key of ownKeys(obj)) {
    const d = getDesc(obj, key);
    if (!d || typeof d.value !== 'function') continue;
    const name = typeof key === 'symbol' ? `@@${String(key.description).replace(/^Symbol\./, '')}` : key;
    if (!hasOwn(list, name)) {
      if (d.configurable) delete (obj as Obj)[key];
      continue;
    }
    const cost = list[name];
    if (cost !== null && cost !== undefined) wrap(obj, key, cost);
  }
}

export interface NativeOptions {
  maxCallDepth: number;
}

export function chargeNatives(opts: NativeOptions): void {
  depthCap = opts.maxCallDepth;
  const g = globalThis as unknown as Obj;
  // First: the length-setting natives are replaced by charging ones, which the tables below then list or wrap.
  chargeLengthNatives();
  installLengthKey();

  const speciesSize: Cost = (self) => size(self) * SPECIES_UNITS;
  const SPECIES = ['map', 'filter', 'slice', 'splice'];
  const arrayTable: Table = table(ARRAY_FREE, {
    ...Object.fromEntries(ARRAY_LINEAR.map((n) => [n, SPECIES.includes(n) ? speciesSize : selfSize])),
    sort: (self) => nlogn(size(self)),
    toSorted: (self) => nlogn(size(self)),
    flat: (self, args) => flatCost(self, args) + size(self) * SPECIES_UNITS,
    flatMap: speciesSize,
    concat: (self, args) => {
      let n = size(self);
      for (const a of args) n += size(a) + 1;
      return n * SPECIES_UNITS;
    },
  });
  allow(ArrayProto, arrayTable);
  fastBuilders();
  fastScans();
  allow(Array, table(['isArray', '@@species'], { from: iterArg(0), of: argCount }));

  const typedTable: Table = table([...ARRAY_FREE, 'buffer', 'byteLength', 'byteOffset', 'length', '@@toStringTag'], {
    ...Object.fromEntries(ARRAY_LINEAR.map((n) => [n, SPECIES.includes(n) ? speciesSize : selfSize])),
    sort: (self) => nlogn(size(self)),
    toSorted: (self) => nlogn(size(self)),
    subarray: null,
    set: (_self, args) => size(args[0]) + 1,
  });
  allow(TypedProto, typedTable);
  allow(getProto(Uint8Array) as object, table(['@@species'], { from: iterArg(0), of: argCount }));

  allow(String.prototype, table([...STRING_FREE, '@@iterator'], {
    ...Object.fromEntries(STRING_LINEAR.map((n) => [n, stringCost])),
    repeat: (self, args) => (typeof self === 'string' ? self.length : 1) * num(args[0]),
    padStart: (_self, args) => num(args[0]),
    padEnd: (_self, args) => num(args[0]),
    concat: (self, args) => {
      let n = typeof self === 'string' ? self.length : 0;
      for (const a of args) n += typeof a === 'string' ? a.length : 1;
      return n;
    },
  }));
  allow(String, table([], { fromCharCode: argCount, fromCodePoint: argCount, raw: rawCost }));

  allow(Object, table(
    ['getPrototypeOf', 'setPrototypeOf', 'create', 'defineProperty', 'getOwnPropertyDescriptor', 'is', 'isExtensible', 'preventExtensions', 'hasOwn'],
    {
      keys: (_self, args) => keyCount(args[0]),
      values: (_self, args) => keyCount(args[0]),
      entries: (_self, args) => keyCount(args[0]),
      getOwnPropertyNames: (_self, args) => keyCount(args[0]),
      getOwnPropertySymbols: (_self, args) => keyCount(args[0]),
      getOwnPropertyDescriptors: (_self, args) => keyCount(args[0]),
      defineProperties: (_self, args) => keyCount(args[1]),
      assign: (_self, args) => {
        let n = 1;
        for (let i = 1; i < args.length; i++) n += keyCount(args[i]) * (COPY_UNITS / KEY_UNITS);
        return n;
      },
      fromEntries: iterArg(0),
      freeze: (_self, args) => keyCount(args[0]),
      seal: (_self, args) => keyCount(args[0]),
      isFrozen: (_self, args) => keyCount(args[0]),
      isSealed: (_self, args) => keyCount(args[0]),
      groupBy: iterArg(0),
    },
  ));
  allow(Object.prototype, table(
    ['hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf', 'constructor',
      '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'],
  ));

  const boundDepth = new WeakMap<object, number>();
  allow(Function.prototype, table(['constructor', 'call', '@@hasInstance', 'toString'], {
    apply: argList(1),
    bind: (self, args) => {
      const depth = (typeof self === 'function' ? (boundDepth.get(self) ?? 0) : 0) + 1;
      if (depth > MAX_BIND_CHAIN) throw new RangeErr(`matchday: a chain of more than ${MAX_BIND_CHAIN} bound functions`);
      if (args.length > MAX_ARGS) throw new RangeErr(`matchday: an argument list of ${args.length} values (at most ${MAX_ARGS})`);
      pendingBindDepth = depth;
      return args.length + 1;
    },
  }));
  // bind's result is known only after the call: remember its chain depth then.
  const bindWrapped = Function.prototype.bind;
  defineProperty(Function.prototype, 'bind', {
    value: {
      bind(this: unknown, ...args: unknown[]): unknown {
        const f = apply(bindWrapped, this, args) as object;
        boundDepth.set(f, pendingBindDepth);
        return f;
      },
    }.bind,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  defineProperty(Function.prototype.bind, 'length', { value: 1 });

  allow(Reflect, table(
    ['defineProperty', 'deleteProperty', 'get', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has', 'isExtensible', 'preventExtensions', 'set', 'setPrototypeOf'],
    { apply: argList(2), construct: argList(1), ownKeys: (_self, args) => keyCount(args[0]) },
  ));
  allow(JSON, table([], {
    parse: (_self, args) => (typeof args[0] === 'string' ? args[0].length : 1),
    stringify: (_self, args) => {
      nesting(args[0], 0, []);
      return 1;
    },
  }));
  // min, max and hypot take an argument list, which spread and apply already charge and bound.
  allow(Math, table([...FREE_MATH, 'max', 'min', 'hypot']));
  allow(Number, table(['isFinite', 'isInteger', 'isNaN', 'isSafeInteger'], { parseFloat: arg0Size, parseInt: arg0Size }));
  allow(Number.prototype, table(['constructor', 'toExponential', 'toFixed', 'toPrecision', 'toString', 'valueOf', 'toLocaleString']));
  allow(Boolean.prototype, table(['constructor', 'toString', 'valueOf']));
  allow(Symbol, table(['for', 'keyFor']));
  allow(Symbol.prototype, table(['constructor', 'toString', 'valueOf', '@@toPrimitive', 'description']));
  allow(BigInt, table(['asIntN', 'asUintN']));
  allow(BigInt.prototype, table(['constructor', 'toString', 'valueOf', 'toLocaleString']));
  const collection = (extra: Table = {}): Table => table(['constructor', 'get', 'set', 'has', 'add', 'delete', 'size', '@@iterator', '@@toStringTag'], {
    clear: selfSize,
    forEach: selfSize,
    entries: null,
    keys: null,
    values: null,
    ...extra,
  });
  allow(Map.prototype, collection());
  allow(Set.prototype, collection());
  allow(WeakMap.prototype, table(['constructor', 'get', 'set', 'has', 'delete', '@@toStringTag']));
  allow(WeakSet.prototype, table(['constructor', 'add', 'has', 'delete', '@@toStringTag']));
  allow(Map, table(['@@species'], { groupBy: iterArg(0) }));
  allow(Set, table(['@@species']));
  allow(ArrayBuffer, table(['isView', '@@species']));
  allow(ArrayBuffer.prototype, table(['constructor', 'byteLength', 'maxByteLength', 'resizable', 'detached', '@@toStringTag'], {
    slice: selfSize,
    resize: (_self, args) => num(args[0]),
    transfer: selfSize,
    transferToFixedLength: selfSize,
  }));
  for (const key of ['encodeURI', 'encodeURIComponent', 'decodeURI', 'decodeURIComponent', 'escape', 'unescape', 'parseInt', 'parseFloat']) {
    wrap(g, key, (_self, args) => size(typeof args[0] === 'string' ? args[0] : '') + 1);
  }
  const re = RegExp.prototype as unknown as Obj;
  // A match scans the input: exec, test and the Symbol methods cost the input's length.
  const input: Cost = (_self, args) => (typeof args[0] === 'string' ? args[0].length : 1) + 1;
  allow(re, table(['constructor', 'compile', 'toString', 'flags', 'source', 'global'], {
    exec: input,
    test: input,
    '@@match': input,
    '@@matchAll': input,
    '@@replace': (_self, args) => size(typeof args[0] === 'string' ? args[0] : '') + size(typeof args[1] === 'string' ? args[1] : '') + 1,
    '@@search': input,
    '@@split': input,
  }));

  // join, toLocaleString and replace charge what they copy (guest/strings.ts): they replace the wrappers above.
  chargeOutputNatives({ size, depthCap, nesting: (v) => nesting(v, 0, []) });

  // Constructors whose work grows with their arguments.
  chargeArrayConstructor(g);
  // A hash-table insert costs a hundred loop iterations or more: priced like a key.
  for (const name of ['Set', 'Map', 'WeakSet', 'WeakMap']) wrapCtor(g, name, iterArg(0, KEY_UNITS));
  const typedCost: Cost = (self, args) => {
    const a = args[0];
    if (typeof a === 'number') return num(a) + 1;
    if (typeof a === 'object' && a !== null && tryGet(bufferBytes, a) >= 0) return 1;
    return iterArg(0)(self, args);
  };
  for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
    wrapCtor(g, name, typedCost);
  }
  wrapCtor(g, 'ArrayBuffer', (_self, args) => ceil(num(args[0]) / 8) + 1);

  // Resuming a generator puts its frame back on the stack: each resumption is one level of
  // depth, so chains of generators resuming each other meet the same cap as recursion. It is
  // also a step through the iterator protocol (a wrapped call, a frame switch, a result object),
  // charged as one: uncharged, `[...gen(30000)]` three times in a tick cost ~50 ms of CPU within
  // the budget (test/slow/sandbox-property.test.ts found it).
  // Each also records its level in b.g while the generator runs: a catch or finally in a generator's body sets
  // the depth back to it (instrument.ts), as one in a function sets it back to the function's own level.
  const genProto = getProto(function* () {}).prototype as object;
  for (const key of ['next', 'return', 'throw']) {
    const orig = getDesc(genProto, key)?.value as AnyFn;
    const resume = {
      [key](this: unknown, ...args: unknown[]): unknown {
        charge(STEP_UNITS);
        if (++b.d > depthCap) t();
        const outer = nativeAt;
        const g = b.g;
        nativeAt = -1;
        b.g = b.d;
        try {
          return apply(orig, this, args);
        } finally {
          b.g = g;
          nativeAt = outer;
          b.d--;
        }
      },
    }[key] as AnyFn;
    defineProperty(resume, 'length', { value: orig.length });
    defineProperty(genProto, key, { ...getDesc(genProto, key), value: resume });
  }
}

let pendingBindDepth = 0;

/** Spread, for-in and rest destructuring, as the instrumenter rewrites them (see instrument.ts). */
export const syntax = {
  /** `...x` in an array literal, a call or `new`: a plain array of x's elements, charged by its size. */
  spread(v: unknown, inCall: boolean): unknown {
    const [n, out] = iterableCost(v);
    const len = out === v ? n : (out as unknown[]).length;
    if (inCall && len > MAX_ARGS) throw new RangeErr(`matchday: an argument list of ${len} values (at most ${MAX_ARGS})`);
    charge(n + 1);
    return out;
  },
  /** `{...x}`: charged by x's own keys. */
  spreadObject(v: unknown): unknown {
    charge(keyCount(v) * (COPY_UNITS / KEY_UNITS) + 1);
    return v;
  },
  /** `for (k in x)`: V8 collects every key before the first iteration, so they are charged before. */
  forIn(v: unknown): unknown {
    let n = 1;
    for (let p: unknown = v; (typeof p === 'object' || typeof p === 'function') && p !== null; p = getProto(p)) n += keyCount(p);
    charge(n);
    return v;
  },
};
