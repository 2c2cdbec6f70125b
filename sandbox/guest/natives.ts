// Native built-ins do work the instrumenter cannot see (a sort, a repeat, a fill of a
// billion slots), so each is wrapped to charge the size of its input before it runs,
// or of its output when only the output tells (JSON.stringify, Object.keys).
import { charge } from './budget.js';

type AnyFn = (...args: unknown[]) => unknown;
type Cost = (self: unknown, args: unknown[]) => number;

const apply = Reflect.apply;

/** Length (or size) of a value, 0 when it has none; getters on it run as policy code and are charged. */
function len(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const o = v as { length?: unknown; size?: unknown };
  const n = typeof v === 'string' ? v.length : +((o.length ?? o.size) as number);
  return n > 0 ? n : 0;
}

/** n * ceil(log2(n + 1)): the comparisons of a merge sort, in integer arithmetic. */
function nlogn(n: number): number {
  return n < 4294967296 ? n * (32 - Math.clz32(n)) : Infinity;
}

const selfLen: Cost = (self) => len(self);

function wrapBefore(obj: object, name: string, cost: Cost): void {
  const target = obj as Record<string, unknown>;
  const orig = target[name];
  if (typeof orig !== 'function') return;
  const wrapped = {
    [name](this: unknown, ...args: unknown[]): unknown {
      charge(cost(this, args));
      return apply(orig as AnyFn, this, args);
    },
  }[name] as AnyFn;
  Object.defineProperty(wrapped, 'length', { value: (orig as AnyFn).length });
  Object.defineProperty(obj, name, { value: wrapped, writable: true, enumerable: false, configurable: true });
}

function wrapAfter(obj: object, name: string): void {
  const target = obj as Record<string, unknown>;
  const orig = target[name];
  if (typeof orig !== 'function') return;
  const wrapped = {
    [name](this: unknown, ...args: unknown[]): unknown {
      charge(1);
      const result = apply(orig as AnyFn, this, args);
      charge(len(result));
      return result;
    },
  }[name] as AnyFn;
  Object.defineProperty(wrapped, 'length', { value: (orig as AnyFn).length });
  Object.defineProperty(obj, name, { value: wrapped, writable: true, enumerable: false, configurable: true });
}

// Linear in the receiver's length. Callback methods are charged too: a native callback
// such as Math.sqrt would otherwise run a million times for free.
const LINEAR = [
  'join', 'fill', 'indexOf', 'lastIndexOf', 'includes', 'reverse', 'toReversed', 'slice', 'splice', 'toSpliced',
  'flat', 'flatMap', 'copyWithin', 'with', 'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every',
  'find', 'findIndex', 'findLast', 'findLastIndex',
];
const STRING_LINEAR = [
  'split', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'indexOf', 'lastIndexOf', 'includes',
  'startsWith', 'endsWith', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'normalize',
  'localeCompare', 'toLocaleUpperCase', 'toLocaleLowerCase',
];

export function chargeNatives(): void {
  const typedProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
  for (const proto of [Array.prototype, typedProto]) {
    for (const name of LINEAR) wrapBefore(proto, name, selfLen);
    wrapBefore(proto, 'sort', (self) => nlogn(len(self)));
    wrapBefore(proto, 'toSorted', (self) => nlogn(len(self)));
  }
  wrapBefore(Array.prototype, 'concat', (self, args) => {
    let n = len(self);
    for (const a of args) n += len(a) + 1;
    return n;
  });
  wrapBefore(typedProto, 'set', (_self, args) => len(args[0]));
  wrapBefore(Array, 'from', (_self, args) => len(args[0]) + 1);
  for (const name of STRING_LINEAR) wrapBefore(String.prototype, name, (self) => (typeof self === 'string' ? self.length : len(self)));
  wrapBefore(String.prototype, 'repeat', (self, args) => (typeof self === 'string' ? self.length : 1) * (+(args[0] as number) || 0));
  wrapBefore(String.prototype, 'padStart', (_self, args) => +(args[0] as number) || 0);
  wrapBefore(String.prototype, 'padEnd', (_self, args) => +(args[0] as number) || 0);
  wrapBefore(String.prototype, 'concat', (self, args) => {
    let n = typeof self === 'string' ? self.length : 0;
    for (const a of args) n += typeof a === 'string' ? a.length : 1;
    return n;
  });
  wrapBefore(JSON, 'parse', (_self, args) => (typeof args[0] === 'string' ? args[0].length : 1));
  wrapAfter(JSON, 'stringify');
  for (const name of ['keys', 'values', 'entries', 'getOwnPropertyNames', 'getOwnPropertySymbols']) wrapAfter(Object, name);
  wrapBefore(Object, 'fromEntries', (_self, args) => len(args[0]));
  wrapBefore(Function.prototype, 'apply', (_self, args) => len(args[1]));
  wrapBefore(Reflect, 'apply', (_self, args) => len(args[2]));
  wrapBefore(Reflect, 'construct', (_self, args) => len(args[1]));
  wrapBefore(String, 'fromCharCode', (_self, args) => args.length);
}
