// Prototype chains: what walks an object's whole chain in one native step is charged a unit per link,
// counted here before V8 walks it. A policy can build a chain of 100,000 objects or more within its
// heap (a loop of Object.create), and then `p instanceof F` walks all of it: 200 of them in one tick
// cost ~1.3 s of CPU for 201 units before this charge, 2,000 ran past the 2 s wall net.
// What is charged: `instanceof` and `in` (the instrumenter routes their object through `inst`), for-in
// (natives.ts's charge for the keys, plus one a link here), `isPrototypeOf`, `__lookupGetter__`,
// `__lookupSetter__`, and the cycle check of `Object.setPrototypeOf`, `Reflect.setPrototypeOf` and the
// `__proto__` setter. Not charged (sandbox/README.md, known limits): an ordinary property read that
// misses on a deep chain, and a direct call of Function.prototype[Symbol.hasInstance], which the
// language makes read-only.
import { b, charge } from './budget.js';

const getProto = Object.getPrototypeOf;
const getDesc = Object.getOwnPropertyDescriptor;
const defineProperty = Object.defineProperty;
const apply = Reflect.apply;

type AnyFn = (...args: unknown[]) => unknown;

/** Links in `v`'s prototype chain (v itself included, 0 for a primitive), counted up to one past the budget left. */
export function chainLinks(v: unknown): number {
  const stop = b.n + 1;
  let n = 0;
  for (let p = v; (typeof p === 'object' || typeof p === 'function') && p !== null; p = getProto(p) as unknown) {
    if (++n > stop) break;
  }
  return n;
}

/** `x instanceof C` and `k in x` as the instrumenter rewrites them (`__md_s.inst(x)`): x's chain charged, x handed on. */
export function inst<V>(v: V): V {
  if (typeof v === 'object' || typeof v === 'function') charge(chainLinks(v));
  return v;
}

/** Replaces method `key` of `obj` by one that charges `cost` first; a method, so not a constructor, as the native. */
function chargeMethod(obj: object, key: string, cost: (self: unknown, args: unknown[]) => number): void {
  const d = getDesc(obj, key);
  if (!d || typeof d.value !== 'function') return;
  const orig = d.value as AnyFn;
  const wrapped = {
    [key](this: unknown, ...args: unknown[]): unknown {
      charge(cost(this, args));
      return apply(orig, this, args);
    },
  }[key] as AnyFn;
  defineProperty(wrapped, 'length', { value: orig.length });
  defineProperty(obj, key, { ...d, value: wrapped });
}

/** Wraps the natives that walk a whole chain. Runs after natives.ts's allow-list and before lockdown. */
export function chargeChainNatives(): void {
  const op = Object.prototype;
  chargeMethod(op, 'isPrototypeOf', (_self, args) => chainLinks(args[0]));
  chargeMethod(op, '__lookupGetter__', (self) => chainLinks(self));
  chargeMethod(op, '__lookupSetter__', (self) => chainLinks(self));
  // The new prototype's chain is walked to refuse a cycle.
  chargeMethod(Object, 'setPrototypeOf', (_self, args) => chainLinks(args[1]));
  chargeMethod(Reflect, 'setPrototypeOf', (_self, args) => chainLinks(args[1]));
  const proto = getDesc(op, '__proto__');
  if (proto?.set && proto.get) {
    const set = proto.set;
    defineProperty(op, '__proto__', {
      ...proto,
      set: {
        ['set __proto__'](this: unknown, v: unknown): void {
          charge(chainLinks(v));
          apply(set, this, [v]);
        },
      }['set __proto__'],
    });
  }
}
