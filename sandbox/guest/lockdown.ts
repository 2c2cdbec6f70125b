// Locks the policy's realm down once the sandbox has made its own changes (hardening, charged
// natives, console): every intrinsic reachable from the global object, and the hidden ones
// (iterator and generator prototypes, %TypedArray%, %ThrowTypeError%), is frozen, and the
// global's own bindings become read-only. This is the core of what ses's lockdown() does, done
// here so the sandbox needs no extra package: afterwards nothing a policy does to prototypes or
// globals can change what the runtime charges, clips or returns.
//
// Freezing alone would break the common `Ctor.prototype.toString = fn` (assigning over an
// inherited read-only property throws in strict code: the "override mistake"), so, as ses's
// "moderate" taming does, the few properties programs customise that way become accessors whose
// setter defines an own property on the object assigned to.

const freeze = Object.freeze;
const isFrozen = Object.isFrozen;
const getProto = Object.getPrototypeOf;
const ownKeys = Reflect.ownKeys;
const getDesc = Object.getOwnPropertyDescriptor;
const defineProperty = Object.defineProperty;
const hasOwn = Object.hasOwn;
const apply = Reflect.apply;
const TypeErr = TypeError;
const SetCtor = Set;

type Obj = Record<PropertyKey, unknown>;

/** Turns `obj[key]` (a data property) into an accessor that lets `x[key] = v` define an own property on x. */
function tameOverride(obj: object, key: PropertyKey): void {
  const desc = getDesc(obj, key);
  if (!desc || !('value' in desc) || !desc.configurable) return;
  const value: unknown = desc.value;
  defineProperty(obj, key, {
    get: freeze(function getter(this: unknown) {
      return value;
    }),
    set: freeze(function setter(this: unknown, v: unknown) {
      if (this === obj || (typeof this !== 'object' && typeof this !== 'function') || this === null) {
        throw new TypeErr(`Cannot assign to read only property '${String(key)}' of a built-in (the sandbox freezes built-ins)`);
      }
      if (apply(hasOwn, undefined, [this, key])) (this as Obj)[key] = v;
      else defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
    }),
    enumerable: desc.enumerable ?? false,
    configurable: false,
  });
}

/** Prototypes whose properties programs commonly assign over on their own objects. */
function tameOverrides(): void {
  for (const key of ownKeys(Object.prototype)) if (key !== '__proto__') tameOverride(Object.prototype, key);
  for (const key of ['constructor', 'bind', 'name', 'toString', 'apply', 'call']) tameOverride(Function.prototype, key);
  for (const E of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError]) {
    for (const key of ['constructor', 'message', 'name', 'toString']) tameOverride(E.prototype, key);
  }
  for (const key of ['constructor', 'toString']) tameOverride(Array.prototype, key);
}

/** Intrinsics the global object does not name but a policy can reach through syntax. */
function hiddenIntrinsics(): unknown[] {
  const gen = getProto(function* () {}) as object;
  const asyncGen = getProto(async function* () {}) as object;
  const arrayIter = getProto([][Symbol.iterator]()) as object;
  const throwTypeError = (function (): unknown {
    'use strict';
    // eslint-disable-next-line prefer-rest-params
    return getDesc(arguments, 'callee')?.get;
  })();
  return [
    gen,
    (gen as { prototype?: unknown }).prototype,
    asyncGen,
    (asyncGen as { prototype?: unknown }).prototype,
    getProto((asyncGen as { prototype: object }).prototype),
    getProto(async function () {}),
    arrayIter,
    getProto(arrayIter),
    getProto(''[Symbol.iterator]()),
    getProto(new Map()[Symbol.iterator]()),
    getProto(new Set()[Symbol.iterator]()),
    getProto(apply(RegExp.prototype[Symbol.matchAll], /a/g, [''])),
    getProto(Uint8Array),
    throwTypeError,
  ];
}

// Taken when the runtime is evaluated, before the sandbox wraps anything (RegExp's species
// path would otherwise run through the guarded constructor).
const HIDDEN = hiddenIntrinsics();

const preventExtensions = Object.preventExtensions;
const create = Object.create;

/**
 * Object.freeze's result for an object (every intrinsic that is not a function), reached another way: made
 * non-extensible, then each own property made read-only and non-configurable. Object.freeze gives
 * them dictionary elements, and then every store into a hole of an array (`const a = new Array(n);
 * a[i] = v`, and what the charging Array constructor builds for map and filter) takes V8's slowest
 * path, looking up the prototype chain for a setter: 5x slower in test/bench's hole-store case.
 * Redefining the properties one by one leaves the object in dictionary mode for its properties
 * instead; using it once as a prototype (Object.create) makes V8 turn it back into a fast one, so
 * loads through it (every `a.push`) stay as cheap as before. The same goes for the other
 * prototypes and namespaces: Object.freeze left %TypedArray%.prototype and Float64Array.prototype
 * (either one) slow for the guest runtime's own typed arrays, and a chaser's call cost about
 * twice as much in steady state (about 18 against 8 us) until they were frozen this way too.
 * Functions keep Object.freeze.
 */
function freezeFast(o: object): void {
  preventExtensions(o);
  for (const key of ownKeys(o)) {
    const d = getDesc(o, key);
    if (!d) continue;
    defineProperty(o, key, 'value' in d ? { writable: false, configurable: false } : { configurable: false });
  }
  if (!isFrozen(o)) throw new TypeErr('matchday: lockdown could not freeze an intrinsic');
  create(o);
}

/** A name no intrinsic has: looking it up walks an object's whole prototype chain. */
const PROBE = '__md_fast_probe';

/** One property load, from one call site for every object (see fastAgain). */
function probe(p: object): unknown {
  return (p as Obj)[PROBE];
}

/**
 * Turns every frozen object back into a fast-mode one. V8 keeps an object whose properties were redefined
 * (wrapped, deleted, made read-only) in dictionary mode, where TurboFan cannot fold a method load to a constant
 * and inline the call: String.prototype, Number.prototype, Boolean.prototype, the intrinsic Array (where
 * Array.isArray and Array.from are found), Map, Set, the typed array constructors and more stayed so for the
 * whole match, and in plain Node a loop of string method calls (charCodeAt, at, codePointAt) ran 99 ms with
 * String.prototype in that state against 30 ms (docs/PERFORMANCE-HISTORY.md, ninth round). V8 turns a prototype
 * back into a fast one when a property lookup through it misses an inline cache (JSObject::MakePrototypesFast),
 * which a method of a primitive string or number never does, nor a load made on the object itself. So each frozen
 * object is made the prototype of a new object, and a missing name is looked up through that, from one call site
 * warmed first past V8's lazy allocation of feedback. The objects' properties and attributes do not change.
 */
function fastAgain(objects: Iterable<unknown>, skip: object): void {
  const blank = create(null) as object;
  for (let i = 0; i < 32; i++) probe(blank);
  for (const o of objects) {
    if (o !== skip && ((typeof o === 'object' && o !== null) || typeof o === 'function')) probe(create(o as object));
  }
}

/** Freezes every object reachable from `roots` through own properties (values, getters, setters) and prototypes. */
function deepFreeze(roots: unknown[], keepOpen: object): Set<unknown> {
  // The global object stays open (its bindings are sealed separately); what it inherits is frozen.
  const seen = new SetCtor<unknown>([keepOpen]);
  const todo = [...roots, getProto(keepOpen)];
  while (todo.length > 0) {
    const v = todo.pop();
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
    seen.add(v);
    if (typeof v === 'object') freezeFast(v);
    else freeze(v);
    todo.push(getProto(v));
    for (const key of ownKeys(v)) {
      const d = getDesc(v, key);
      if (!d) continue;
      if ('value' in d) todo.push(d.value);
      else todo.push(d.get, d.set);
    }
  }
  return seen;
}

/**
 * Freezes the realm. Afterwards the global object stays extensible (a policy may add its own
 * globals) but every binding it already has is read-only. Returns how many objects it froze.
 */
export function lockdown(): number {
  const g = globalThis as unknown as Obj;
  tameOverrides();
  const roots: unknown[] = [...HIDDEN];
  for (const key of ownKeys(g)) {
    const d = getDesc(g, key);
    if (!d) continue;
    if ('value' in d) roots.push(d.value);
    else roots.push(d.get, d.set);
  }
  const frozen = deepFreeze(roots, g);
  fastAgain(frozen, g);
  for (const key of ownKeys(g)) {
    const d = getDesc(g, key);
    if (d?.configurable) defineProperty(g, key, 'value' in d ? { writable: false, configurable: false } : { configurable: false });
  }
  if (!isFrozen(Object.prototype)) throw new TypeErr('matchday: lockdown left Object.prototype unfrozen');
  return frozen.size;
}
