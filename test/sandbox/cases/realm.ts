// Hostile corpus, the realm: a policy that tampers with built-ins or globals changes nothing the
// runtime charges, clips or returns. Built-ins are frozen, so each attempt is a TypeError the
// policy may catch; the plain idioms that assign over inherited methods keep working.
import { expect } from 'vitest';
import { CF_MOVE } from '../../../engine/obs-layout.js';
import { budget, logs, moveOf, probe, threw, tick, type Case } from '../corpus.js';
import type { RunRecord } from '../harness.js';

/** The policy catches its own tampering and goes on: no fault, the log says what it met, play is untouched. */
const caught = (expected: string[]) => (r: RunRecord): void => {
  expect(r.faults).toEqual([]);
  expect(logs(r)).toEqual(expected);
  expect(moveOf(r, 0, 0)).toEqual([CF_MOVE, 1, 1]);
};
const tamper = (attempt: string, after = ''): string =>
  tick(`let met = 'allowed';\ntry { ${attempt}; } catch (e) { met = e.name; }\n${after}\nconsole.log(met);\nreturn [{ moveTo: { x: 1, y: 1 } }];`);

export const REALM_CASES: Case[] = [
  {
    name: 'Array.prototype.push replaced so the runtime would store null marks',
    source: tamper('Array.prototype.push = function () { this[this.length] = null; return 0; }', "debug.dot(1, 2, 'red');"),
    check: (r) => {
      caught(['TypeError'])(r);
      expect(r.ticks[0]?.outcome?.debug?.marks).toEqual([{ kind: 'dot', x: 1, y: 2, color: 'red' }]);
    },
  },
  {
    name: 'Array.prototype.push redefined with defineProperty',
    source: tamper("Object.defineProperty(Array.prototype, 'push', { value: () => 0 })", "debug.dot(3, 4, 'blue');"),
    check: (r) => {
      caught(['TypeError'])(r);
      expect(r.ticks[0]?.outcome?.debug?.marks).toEqual([{ kind: 'dot', x: 3, y: 4, color: 'blue' }]);
    },
  },
  {
    name: 'String.prototype.slice replaced so log lines and messages would stay huge',
    source: tick(
      "try { String.prototype.slice = function () { return String(this); }; } catch (e) {}\n" +
        "console.log('y'.repeat(100000));\nthrow new Error('z'.repeat(100000));",
    ),
    check: (r) => {
      threw(/tick threw: Error: z+; players idle/)(r);
      expect(logs(r)[0]?.length).toBeLessThanOrEqual(201);
      for (const f of r.faults) expect(f.message.length).toBeLessThan(700);
    },
  },
  {
    name: 'Math.ceil replaced by Math.sign to switch the sort charge off',
    source: `const a = [];\nfor (let i = 0; i < 20000; i++) a.push((i * 7919) % 20011);\n${tick('try { Math.ceil = Math.sign; } catch (e) {}\nfor (let k = 0; k < 200; k++) a.slice().sort();\nreturn [];')}`,
    check: budget,
  },
  {
    name: 'Error.prepareStackTrace cannot hook the runtime',
    source: tick("try { Error.prepareStackTrace = () => { for (;;); }; } catch (e) {}\nfor (;;);"),
    check: budget,
  },
  {
    name: 'a setter on Object.prototype cannot intercept what the runtime builds',
    source: tamper("Object.defineProperty(Object.prototype, 'kind', { set() { throw new Error('got you'); } })", "debug.text(1, 1, 'label', 'red');"),
    check: (r) => {
      caught(['TypeError'])(r);
      expect(r.ticks[0]?.outcome?.debug?.marks).toEqual([{ kind: 'text', x: 1, y: 1, text: 'label', color: 'red' }]);
    },
  },
  { name: 'the array iterator replaced', source: tamper('Array.prototype[Symbol.iterator] = function* () { for (;;) yield 1; }'), check: caught(['TypeError']) },
  { name: "the array iterator's next replaced", source: tamper('Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true })'), check: caught(['TypeError']) },
  { name: 'Array.prototype cut from Object.prototype', source: tamper('Object.setPrototypeOf(Array.prototype, null)'), check: caught(['TypeError']) },
  { name: 'JSON.stringify replaced', source: tamper('JSON.stringify = () => "x".repeat(1e6)', "console.log({ a: 1 });"), check: (r) => { expect(logs(r)).toEqual(['{"a":1}', 'TypeError']); } },
  { name: 'a global binding replaced', source: tamper('globalThis.Math = { ceil: () => 0 }'), check: caught(['TypeError']) },
  { name: 'the console replaced', source: tamper('globalThis.console = { log() {} }'), check: caught(['TypeError']) },
  { name: 'own globals are still allowed', source: tamper('globalThis.mine = 5', 'met = met + " " + mine;'), check: caught(['allowed 5']) },
  {
    name: 'every intrinsic is frozen, the hidden ones too',
    source: probe(
      '[Object.prototype, Array.prototype, Function.prototype, Math, JSON, Reflect, Object.getPrototypeOf(function* () {}), ' +
        'Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), Object.getPrototypeOf(Uint8Array), Date, RegExp.prototype]' +
        '.every((o) => Object.isFrozen(o))',
    ),
    check: (r) => expect(logs(r)).toEqual(['true']),
  },
  {
    name: 'assigning over inherited methods on own objects still works (override taming)',
    source: probe(
      "(() => { function V() {} V.prototype.toString = function () { return 'vec'; }; const e = new Error(); e.message = 'mine'; " +
        "const o = {}; o.constructor = 1; o.hasOwnProperty = 2; return String(new V()) + ' ' + e.message + ' ' + o.constructor + ' ' + o.hasOwnProperty + ' ' + String({}); })()",
    ),
    check: (r) => expect(logs(r)).toEqual(['vec mine 1 2 [object Object]']),
  },
  // Lockdown freezes plain intrinsic objects property by property rather than with Object.freeze (for speed):
  // the typed-array prototypes, whose charged wrappers are data fields, and the collections must end up
  // as frozen as before, and a charged wrapper must not be replaceable.
  {
    name: 'typed-array and collection prototypes are frozen and closed, charged wrappers included',
    source: probe(
      '[Object.getPrototypeOf(Uint8Array).prototype, Float64Array.prototype, Int32Array.prototype, Map.prototype, Set.prototype, ' +
        'WeakMap.prototype, String.prototype, Number.prototype, Symbol.prototype, ArrayBuffer.prototype]' +
        ".every((o) => Object.isFrozen(o) && !Object.isExtensible(o) && Object.getOwnPropertyNames(o).every((k) => !Object.getOwnPropertyDescriptor(o, k).configurable))",
    ),
    check: (r) => expect(logs(r)).toEqual(['true']),
  },
  { name: "a typed array's charged fill replaced", source: tamper('Object.getPrototypeOf(Uint8Array).prototype.fill = () => 0'), check: caught(['TypeError']) },
  { name: 'a method added to Float64Array.prototype', source: tamper('Float64Array.prototype.sum = function () { return 0; }'), check: caught(['TypeError']) },
  { name: 'Object.prototype.toString itself stays put', source: tamper("Object.prototype.toString = () => 'hacked'", 'met = met + " " + String({});'), check: caught(['TypeError [object Object]']) },
];

