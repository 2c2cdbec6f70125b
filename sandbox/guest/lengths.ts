// An array's length grown is charged, before V8 does the work. Growing it to n makes V8 fill a
// backing store of n holes (and shrinking it back trims the store), O(n) work no loop iteration
// counts: uncharged, `a.length = 60000; a.length = 1` a thousand times cost ~2.9 s of CPU for
// ~1,000 units. So every way policy code can set an array's length goes through here:
//  - syntax (instrument.ts): a static `x.length` write target becomes `__md_g(x).length`, whose
//    `length` accessor charges; a computed write target `x[k]` converts k once in the policy's
//    code (a number, the common case, in an inline check) and calls `__md_k(x, k)` for anything
//    else, which hands back LEN, an accessor on Array.prototype that charges, when the key is
//    'length' and x an array;
//  - natives (natives.ts): Reflect.set, Object/Reflect.defineProperty, Object.defineProperties
//    and Object.assign charge the same way when they set an array's length.
// A growth from `old` to `n` costs n - old units, the rate `new Array(n)` pays for its n slots; a
// shrink costs nothing (V8 trims or fills at most what an earlier, charged, growth made).
import { charge } from './budget.js';

// Captured before the policy exists.
const isArray = Array.isArray;
const getProto = Object.getPrototypeOf;
const getDesc = Object.getOwnPropertyDescriptor;
const defineProperty = Object.defineProperty;
const hasOwn = Object.hasOwn;
const ownKeys = Reflect.ownKeys;
const create = Object.create;
const toObject = Object;
const apply = Reflect.apply;
const nativeSet = Reflect.set;
const objectDefine = Object.defineProperty;
const reflectDefine = Reflect.defineProperty;
const nativeDefineAll = Object.defineProperties;
const nativeAssign = Object.assign;
const TypeErr = TypeError;
const ArrayProto = Array.prototype;

/** The key a computed write of an array's 'length' is redirected to (see installLengthKey). */
export const LEN: unique symbol = Symbol('length');

/** Charges the growth of `a`'s length to `n` (a number already converted), if the store can happen. */
export function chargeGrowth(a: unknown[], n: number): void {
  const old = a.length;
  // Only a valid length that grows, on a writable length: a frozen array still throws its TypeError.
  if (n > old && n === n >>> 0 && getDesc(a, 'length')?.writable === true) charge(n - old);
}

/**
 * ToNumber of a length's new value, once: V8's ArraySetLength converts it twice (ToUint32, then
 * ToNumber), so a valueOf could say 1 to the charge and 60000 to the store. The store gets the number.
 */
export function toLength(v: unknown): number {
  return typeof v === 'number' ? v : +(v as number);
}

/** `a.length = v`, charged: the value converted once, then the growth charged, then the store (strict: a frozen array throws). */
export function setLength(a: unknown[], v: unknown): void {
  const n = toLength(v);
  chargeGrowth(a, n);
  a.length = n;
}

/** What `__md_g(a)` hands back for an array: its `length` reads and writes the array's, the writes charged. */
class LengthOf {
  constructor(private readonly a: unknown[]) {}
  get length(): number {
    return this.a.length;
  }
  set length(v: unknown) {
    setLength(this.a, v);
  }
}

/** A static `x.length` write target's base: an array goes through LengthOf, anything else is itself. */
export function g(o: unknown): unknown {
  return isArray(o) ? new LengthOf(o) : o;
}

/** ToPropertyKey, once: a symbol stays a symbol, anything else becomes its string (a toString may run policy code). */
function toKey(k: unknown): PropertyKey {
  if (typeof k === 'string' || typeof k === 'symbol') return k;
  return ownKeys({ [k as PropertyKey]: 0 })[0] as PropertyKey;
}

/**
 * A computed write target's key that is not a number (the instrumented code checks that inline):
 * converted once, and LEN when it is 'length' and `o` an array, so the store goes through the
 * charging accessor. An array whose prototype chain does not reach that accessor (a null or
 * foreign prototype) cannot have its length set this way: a TypeError, rather than an uncharged store.
 */
export function k(o: unknown, key: unknown): PropertyKey {
  const p = toKey(key);
  if (p !== 'length' || !isArray(o)) return p;
  for (let q: object | null = o; q !== null; q = getProto(q) as object | null) {
    if (hasOwn(q, LEN)) {
      if (q === ArrayProto) return LEN;
      break;
    }
  }
  throw new TypeErr("matchday: an array whose prototype chain does not reach Array.prototype cannot have its 'length' set through a computed key (write a.length = n)");
}

/** Puts LEN on Array.prototype (before lockdown freezes it): reads give the length, writes set it, charged. */
export function installLengthKey(): void {
  defineProperty(ArrayProto, LEN, {
    get(this: unknown[]): number {
      return this.length;
    },
    set(this: unknown[], v: unknown): void {
      if (isArray(this)) setLength(this, v);
      else (this as { length: unknown }).length = v;
    },
    enumerable: false,
    configurable: false,
  });
}

type AnyFn = (...args: unknown[]) => unknown;
type Obj = Record<PropertyKey, unknown>;

const isObject = (v: unknown): v is Obj => (typeof v === 'object' || typeof v === 'function') && v !== null;

/** The fields ToPropertyDescriptor reads, in its order. */
const FIELDS = ['enumerable', 'configurable', 'value', 'writable', 'get', 'set'] as const;

/**
 * ToPropertyDescriptor's reads (each field's presence, then its value: a getter runs once, in the
 * spec's order) copied into a plain object, which the native then reads again without side effects.
 */
function plainDescriptor(attrs: Obj): Obj {
  const d = create(null) as Obj;
  for (let i = 0; i < FIELDS.length; i++) {
    const f = FIELDS[i] as string;
    if (f in attrs) d[f] = attrs[f];
  }
  return d;
}

/** Object/Reflect.defineProperty on an array: the key converted once; a new length's value converted once and its growth charged. */
function defineOn(native: AnyFn, a: unknown[], p: unknown, attrs: unknown): unknown {
  const key = toKey(p);
  if (!isObject(attrs)) return native(a, key, attrs); // the native's TypeError
  const desc = plainDescriptor(attrs);
  if (key === 'length' && 'value' in desc) {
    desc.value = toLength(desc.value);
    chargeGrowth(a, desc.value as number);
  }
  return native(a, key, desc);
}

/** True when a [[Set]] of 'length' that starts at `target` ends defining the receiver's own length (no setter, nothing read-only on the way). */
function reachesReceiver(target: object): boolean {
  for (let q: object | null = target; q !== null; q = getProto(q) as object | null) {
    const d = getDesc(q, 'length');
    if (d) return 'value' in d && d.writable === true;
  }
  return true;
}

/**
 * The natives that can set an array's length, replaced (before natives.ts wraps or lists them) by
 * versions that charge the growth as the syntax does. Anything that is not an array goes straight
 * to the native. Same names, lengths and results; a key, a descriptor field and a length's value
 * are each read or converted once, as the natives do.
 */
export function chargeLengthNatives(): void {
  const methods = {
    defineProperty(o: unknown, p: unknown, attrs: unknown): unknown {
      return isArray(o) ? defineOn(objectDefine as AnyFn, o, p, attrs) : objectDefine(o, p as PropertyKey, attrs as PropertyDescriptor);
    },
    set(target: unknown, key: unknown, value: unknown, ...rest: unknown[]): boolean {
      if (!isObject(target)) return apply(nativeSet, undefined, [target, key, value, ...rest]) as boolean; // the native's TypeError
      const p = toKey(key);
      const receiver = rest.length > 0 ? rest[0] : target;
      let v = value;
      if (p === 'length' && isArray(receiver) && reachesReceiver(target)) {
        v = toLength(value);
        chargeGrowth(receiver, v as number);
      }
      return rest.length > 0 ? nativeSet(target, p, v, receiver) : nativeSet(target, p, v);
    },
    defineProperties(o: unknown, props: unknown): unknown {
      if (!isArray(o) || props === null || props === undefined) return nativeDefineAll(o, props as PropertyDescriptorMap);
      // As the spec does: every descriptor read first, then each property defined in order.
      const from = toObject(props) as Obj;
      const keys = ownKeys(from);
      const descs: unknown[] = [];
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as PropertyKey;
        if (getDesc(from, key)?.enumerable !== true) continue;
        const attrs = from[key];
        if (!isObject(attrs)) throw new TypeErr(`Property description must be an object: ${String(attrs)}`);
        descs.push(key, plainDescriptor(attrs));
      }
      for (let i = 0; i < descs.length; i += 2) defineOn(objectDefine as AnyFn, o, descs[i], descs[i + 1]);
      return o;
    },
    assign(target: unknown, ...sources: unknown[]): unknown {
      if (!isArray(target)) return apply(nativeAssign, undefined, [target, ...sources]);
      for (let i = 0; i < sources.length; i++) {
        const src = sources[i];
        if (src === null || src === undefined) continue;
        const from = toObject(src) as Obj;
        const keys = ownKeys(from);
        for (let j = 0; j < keys.length; j++) {
          const key = keys[j] as PropertyKey;
          if (getDesc(from, key)?.enumerable !== true) continue;
          const v = from[key];
          if (key === 'length') setLength(target, v);
          else (target as unknown as Obj)[key] = v;
        }
      }
      return target;
    },
  };
  const reflectMethods = {
    defineProperty(o: unknown, p: unknown, attrs: unknown): unknown {
      return isArray(o) ? defineOn(reflectDefine as AnyFn, o, p, attrs) : reflectDefine(o as object, p as PropertyKey, attrs as PropertyDescriptor);
    },
  };
  const put = (obj: object, name: string, fn: AnyFn, length: number): void => {
    objectDefine(fn, 'length', { value: length });
    objectDefine(obj, name, { value: fn, writable: true, enumerable: false, configurable: true });
  };
  put(Object, 'defineProperty', methods.defineProperty as AnyFn, 3);
  put(Object, 'defineProperties', methods.defineProperties as AnyFn, 2);
  put(Object, 'assign', methods.assign as AnyFn, 2);
  put(Reflect, 'set', methods.set as AnyFn, 3);
  put(Reflect, 'defineProperty', reflectMethods.defineProperty as AnyFn, 3);
}
