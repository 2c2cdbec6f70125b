// The hostile corpus: tiny policies that attack the sandbox, each with its documented
// outcome asserted at run time, each run twice to show the outcome is the same.
import { describe, expect, it } from 'vitest';
import { CMD_LENGTH, CF_MOVE } from '../../engine/obs-layout.js';
import { stream } from '../../engine/rng.js';
import { budget, idle, logs, moveOf, probe, refused, runCases, threw, tick, warnings, everyTick, type Case } from './corpus.js';
import { INFO, PLAIN_POLICY, runPolicy } from './harness.js';

const FORBIDDEN = [
  'eval', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry', 'setTimeout',
  'setInterval', 'setImmediate', 'queueMicrotask', 'process', 'require', 'Intl', 'performance', 'fetch', 'Proxy', 'Promise',
];

const CASES: Case[] = [
  // Loops and the work budget.
  { name: 'endless loop in tick', source: tick('for (;;) {}'), check: budget },
  { name: 'endless while with partial commands', source: tick('const c = [{ moveTo: { x: 1, y: 1 } }];\nwhile (true) c.push(c[0]);'), check: budget },
  {
    name: 'endless loop in setup',
    source: `export function setup(info) {\n  while (true) {}\n}\n${tick('return [];')}`,
    check: (r) => refused(r, /^hostile\.js:2: top-level code or setup\(\) ran over the setup budget/),
  },
  { name: 'endless loop at top level', source: `let n = 0;\n\nfor (;;) n++;\n${tick('return [];')}`, check: (r) => refused(r, /^hostile\.js:3: .*setup budget/) },
  {
    name: 'unbounded recursion',
    source: `function f(n) { return f(n + 1) + 1; }\n${tick('return f(0);')}`,
    check: (r) => {
      everyTick(r, 'error', /call depth passed 400/);
      expect(r.faults[0]?.line).toBe(1);
      expect(r.overBudgetTicks).toEqual([]);
    },
  },
  {
    name: 'recursion overflow caught by the policy',
    source: `function f(n) { return f(n + 1); }\n${tick('try { f(0); } catch (e) {}\nreturn [{ moveTo: { x: 5, y: 5 } }];')}`,
    check: threw(/call depth passed/),
  },
  {
    name: 'recursion through getters and toString',
    source: `const o = { get deep() { return String(this) + o.deep; }, toString() { return o.deep; } };\n${tick('return [o.deep];')}`,
    check: threw(/call depth passed/),
  },
  { name: 'try/catch around the overrun', source: tick('try { for (;;); } catch (e) {}\nreturn [{ moveTo: { x: 9, y: 9 } }];'), check: budget },
  { name: 'finally { return } around the overrun', source: tick('try { for (;;); } finally { return [{ moveTo: { x: 9, y: 9 } }]; }'), check: budget },
  {
    name: 'catch, mutate the sentinel, loop and rethrow',
    source: tick("try { for (;;); } catch (e) { try { e.matchday = 'ok'; } catch {}\nfor (let i = 0; i < 10; i++);\nthrow new Error('mine'); }"),
    check: budget,
  },
  {
    name: 'overrun on one tick only: the budget is per tick',
    source: tick('if (obs.tick === 1) for (;;);\nreturn [{ moveTo: { x: 1, y: 2 } }];'),
    check: (r) => {
      expect(r.overBudgetTicks).toEqual([1]);
      expect(moveOf(r, 0, 0)).toEqual([CF_MOVE, 1, 2]);
      idle(r, 1);
      expect(moveOf(r, 2, 0)).toEqual([CF_MOVE, 1, 2]);
    },
  },
  { name: 'naming the counter is refused', source: tick('__md_c = () => {};\nreturn [];'), check: (r) => refused(r, /^hostile\.js:2: names starting with __md_ are reserved/) },
  { name: 'reaching the counter by property', source: tick('globalThis.__md_e = null;'), check: (r) => refused(r, /reserved/) },

  // Memory and size.
  {
    name: 'memory bomb',
    source: `const keep = [];\n${tick('for (let i = 0; i < 200000; i++) keep.push({ a: i, b: [i, i] });\nreturn [];')}`,
    // A generous wall cap: near its heap limit V8 collects hard, and a safety-net timeout would muddle the case.
    opts: { ticks: 12, limits: { memoryMb: 32, tickBudget: 2_000_000, callWallMs: 30_000 } },
    flaky: true,
    check: (r) => {
      const fatal = r.faults.find((f) => f.fatal);
      expect(fatal?.kind).toBe('memory');
      const at = r.ticks.findIndex((t) => t.outcome?.faults?.[0]?.kind === 'memory');
      expect(at).toBeGreaterThanOrEqual(0);
      for (let t = at; t < r.ticks.length; t++) idle(r, t);
      expect(r.ticks.slice(at + 1).every((t) => t.outcome === undefined)).toBe(true);
      expect(r.controller.nonReproducible).toBe(true);
      expect(r.controller.stats().frozenFrom).toBe(at);
    },
  },
  { name: 'huge string built', source: tick("return 'x'.repeat(1e9);"), check: budget },
  {
    name: 'long string returned',
    source: tick("return 'x'.repeat(100000);"),
    check: (r) => {
      expect(r.faults).toEqual([]);
      expect(warnings(r)).toEqual(['tick returned string, expected an array of 11 commands']);
    },
  },
  {
    name: 'huge array returned',
    source: tick('return Array.from({ length: 200000 }, (_, i) => ({ moveTo: { x: i, y: 0 } }));'),
    check: (r) => {
      expect(r.faults).toEqual([]);
      expect(warnings(r)[0]).toMatch(/200000 commands; only the first 11/);
      expect(moveOf(r, 0, 10)).toEqual([CF_MOVE, 10, 0]);
    },
  },
  { name: 'Array.from({length: 1e9})', source: tick('return Array.from({ length: 1e9 });'), check: budget },
  { name: 'new Array(1e9).fill()', source: tick('return new Array(1e9).fill(0);'), check: budget },
  {
    name: 'giant sort',
    source: `const a = [];\nfor (let i = 0; i < 100000; i++) a.push((i * 7919) % 100003);\n${tick('a.sort((x, y) => x - y);\nreturn [];')}`,
    check: budget,
  },
  { name: 'native callbacks are charged', source: `const a = new Array(100000).fill(4);\n${tick('for (let k = 0; k < 10; k++) a.map(Math.sqrt);\nreturn [];')}`, check: budget },
  { name: 'JSON.stringify of a big structure', source: `const a = new Array(100000).fill(123456);\n${tick('for (let k = 0; k < 10; k++) JSON.stringify(a);\nreturn [];')}`, check: budget },

  // Code generation and the host.
  { name: 'eval', source: tick("return eval('[]');"), check: threw(/ReferenceError: eval is not defined/) },
  { name: 'new Function', source: tick("return new Function('return []')();"), check: threw(/EvalError: matchday: building code from strings/) },
  { name: '(function(){}).constructor', source: tick("return (function () {}).constructor('return []')();"), check: threw(/EvalError/) },
  { name: '[].constructor.constructor', source: tick("return [].constructor.constructor('return []')();"), check: threw(/EvalError/) },
  { name: "globalThis['ev' + 'al']", source: tick("return globalThis['ev' + 'al']('[]');"), check: threw(/TypeError/) },
  { name: 'Reflect.construct(Function)', source: tick("return Reflect.construct(Function, ['return []'])();"), check: threw(/EvalError/) },
  { name: 'AsyncFunction constructor (async is refused at load)', source: tick("return (async function () {}).constructor('return 1');"), check: (r) => refused(r, /^hostile\.js:2: async functions and await are not allowed/) },
  { name: 'GeneratorFunction constructor', source: tick("return (function* () {}).constructor('yield 1');"), check: threw(/EvalError/) },
  { name: 'AsyncGeneratorFunction constructor', source: tick("return Object.getPrototypeOf(async function* () {}).constructor('');"), check: (r) => refused(r, /async functions and await are not allowed/) },
  { name: 'arrow constructor via prototype', source: tick("return Object.getPrototypeOf(async () => {}).constructor('');"), check: (r) => refused(r, /async functions and await are not allowed/) },
  { name: 'dynamic import()', source: tick("import('node:fs');\nreturn [];"), check: (r) => refused(r, /^hostile\.js:2: import\(\) is not allowed/) },
  { name: 'static import', source: `import fs from 'node:fs';\n${tick('return [];')}`, check: (r) => refused(r, /^hostile\.js:1: imports are not allowed \(found import "node:fs"\)/) },
  { name: 'require', source: `\n${tick("const fs = require('fs');\nreturn [];")}`, check: (r) => refused(r, /^hostile\.js:3: require\(\) is not allowed/) },
  { name: 'process', source: tick('process.exit(1);'), check: threw(/ReferenceError: process is not defined/) },
  {
    name: 'forbidden globals are gone',
    source: tick(
      `for (const k of ${JSON.stringify(FORBIDDEN)}) console.log(k + '=' + typeof globalThis[k]);\n` +
        "try { Function('return 1'); console.log('Function works'); } catch (e) { console.log('Function blocked'); }\nreturn [];",
    ),
    check: (r) => expect(logs(r)).toEqual([...FORBIDDEN.map((k) => `${k}=undefined`), 'Function blocked']),
  },
  {
    name: 'Date.now() and new Date() follow the match clock',
    source: probe("Date.now() + ' ' + new Date().toISOString() + ' ' + (typeof Date()) + ' ' + new Date(0).toISOString()"),
    check: (r) => {
      expect(logs(r, 0)).toEqual(['1781136000000 2026-06-11T00:00:00.000Z string 1970-01-01T00:00:00.000Z']);
      expect(logs(r, 2)).toEqual(['1781136000200 2026-06-11T00:00:00.200Z string 1970-01-01T00:00:00.000Z']);
    },
  },
  {
    name: 'Math.random steering play comes from the team stream',
    source: tick('return [{ moveTo: { x: Math.random() * 100, y: Math.random() * 10 } }];'),
    check: (r) => {
      const rng = stream(INFO.seed, `policy:${INFO.teamName}`);
      for (let t = 0; t < r.ticks.length; t++) {
        const x = Math.min(200, rng() * 100);
        const y = rng() * 10;
        expect(moveOf(r, t, 0)).toEqual([CF_MOVE, x, y]);
      }
    },
  },
  { name: 'Math.seedrandom is not left behind', source: probe('typeof Math.seedrandom'), check: (r) => expect(logs(r)).toEqual(['undefined']) },

  // Throwing.
  {
    name: 'throws an Error every tick',
    source: `\n${tick("throw new Error('nope');")}`,
    check: (r) => {
      threw(/tick threw: Error: nope/)(r);
      expect(r.faults.every((f) => f.line === 3)).toBe(true);
      expect(r.controller.stats().errorTicks).toBe(3);
    },
  },
  { name: 'throws a string', source: tick("throw 'plain words';"), check: threw(/threw string plain words/) },
  { name: 'throws null', source: tick('throw null;'), check: threw(/threw object null/) },
  { name: 'throws an object', source: tick('throw { code: 1 };'), check: threw(/threw a non-Error object/) },
  { name: 'throws a proxy (Proxy is not offered)', source: tick('throw new Proxy({}, { getPrototypeOf() { for (;;); } });'), check: threw(/ReferenceError: Proxy is not defined/) },
  {
    name: 'throws an Error whose message getter loops',
    source: tick("const e = new Error('x');\nObject.defineProperty(e, 'message', { get() { for (;;); } });\nthrow e;"),
    check: budget,
  },

  // Malformed returns.
  { name: 'returns null', source: tick('return null;'), check: (r) => { expect(r.faults).toEqual([]); expect(warnings(r)).toEqual([]); idle(r, 0); } },
  { name: 'returns a number', source: tick('return 42;'), check: (r) => { expect(warnings(r)).toEqual(['tick returned number, expected an array of 11 commands']); idle(r, 0); } },
  { name: 'returns a string', source: tick("return 'go';"), check: (r) => { expect(warnings(r)).toEqual(['tick returned string, expected an array of 11 commands']); idle(r, 0); } },
  {
    name: 'returns getters',
    source: tick('return [{ get moveTo() { return { x: 3, y: 4 }; } }];'),
    check: (r) => { expect(r.faults).toEqual([]); expect(moveOf(r, 0, 0)).toEqual([CF_MOVE, 3, 4]); },
  },
  { name: 'returns a getter that loops', source: tick('return [{ get moveTo() { for (;;); } }];'), check: budget },
  { name: 'returns a proxy (Proxy is not offered)', source: tick('return new Proxy([], { get() { for (;;); } });'), check: threw(/ReferenceError: Proxy is not defined/) },
  {
    name: 'returns an array-like claiming a huge length',
    source: tick("return { length: 1e9, 0: { moveTo: { x: 1, y: 1 } } };"),
    check: (r) => { expect(warnings(r)[0]).toMatch(/tick returned object, expected an array/); },
  },
  {
    name: 'NaN and Infinity positions',
    source: tick('return [{ moveTo: { x: NaN, y: 0 } }, { moveTo: { x: Infinity, y: 0 }, kick: { target: { x: 1, y: -Infinity }, power: 1 } }];'),
    check: (r) => {
      expect(warnings(r)).toEqual([
        'command 0: moveTo must be {x, y} with finite numbers',
        'command 1: moveTo must be {x, y} with finite numbers',
        'command 1: kick must be {target: {x, y}, power: 0..1, lift?: 0..1}',
      ]);
      idle(r, 0);
      expect(r.controller.stats().sanitisedTicks).toBe(3);
    },
  },
  {
    name: '500 commands instead of 11',
    source: tick('return Array.from({ length: 500 }, (_, i) => ({ moveTo: { x: i, y: 1 } }));'),
    check: (r) => {
      expect(warnings(r)).toEqual(['tick returned 500 commands; only the first 11 are used']);
      for (let p = 0; p < 11; p++) expect(moveOf(r, 0, p)).toEqual([CF_MOVE, p, 1]);
    },
  },
  {
    name: 'tampered built-ins cannot smuggle NaN to the engine (built-ins are frozen)',
    source: tick('Number.isFinite = () => true;\nreturn [{ moveTo: { x: NaN, y: 0 } }];'),
    check: threw(/TypeError: Cannot assign to read only property 'isFinite'/),
  },

  // Regular expressions.
  {
    name: 'catastrophic regular expression runs in linear time',
    source: probe("/(a+)+$/.test('a'.repeat(40) + '!')"),
    opts: { limits: { callWallMs: 1500 } },
    check: (r) => { expect(r.faults).toEqual([]); expect(logs(r)).toEqual(['false']); expect(r.controller.nonReproducible).toBe(false); },
  },
  { name: 'backreference literal refused at load', source: `\n${tick('return /(a*)*\\1$/.test("aaaa") ? [] : [];')}`, check: (r) => refused(r, /^hostile\.js:3: regular expression .* needs backtracking/) },
  { name: 'backreference built at run time', source: tick("return new RegExp('(a*)*\\\\1$').test('aaaa');"), check: threw(/SyntaxError: matchday: regular expression/) },
  { name: 'backtracking pattern through String.prototype.match', source: tick("return 'aaaa'.match('(?<=a)b');"), check: threw(/needs backtracking/) },

  // Console and debug flooding.
  {
    name: 'console flooding',
    source: tick("for (let i = 0; i < 100000; i++) console.log('spam', i);\nconsole.log('x'.repeat(10000));\nreturn [];"),
    check: (r) => {
      expect(r.faults).toEqual([]);
      const l = logs(r);
      expect(l).toHaveLength(21);
      expect(l[0]).toBe('spam 0');
      expect(l[20]).toBe('(99981 more log lines dropped this tick)');
    },
  },
  {
    name: 'long log line is clipped',
    source: tick("console.log('y'.repeat(10000));\nreturn [];"),
    check: (r) => { expect(logs(r)[0]?.length).toBeLessThanOrEqual(201); },
  },
  {
    name: 'debug marks are bounded and cannot affect play',
    source: tick("for (let i = 0; i < 1000; i++) debug.dot(i, 0, 'red');\ndebug.line(0, 0, NaN, 1);\ndebug.text(1, 2, 'hello', 'javascript:alert(1)');\nreturn [{ moveTo: { x: 1, y: 1 } }];"),
    check: (r) => {
      const d = r.ticks[0]?.outcome?.debug;
      expect(d?.marks).toHaveLength(64);
      expect(d?.marks[0]).toEqual({ kind: 'dot', x: 0, y: 0, color: 'red' });
      expect(d?.logs).toEqual(['(937 more debug marks dropped this tick)']);
      expect(moveOf(r, 0, 0)).toEqual([CF_MOVE, 1, 1]);
    },
  },

  // Loading.
  { name: 'syntax error', source: 'export function tick(obs) {\n  return [;\n}', check: (r) => refused(r, /^hostile\.js:2: syntax error/) },
  { name: 'no tick exported', source: 'export function tack() { return []; }', check: (r) => refused(r, /exports no tick function/) },
  { name: 'setup throws', source: `export function setup() {\n  throw new Error('no');\n}\n${tick('return [];')}`, check: (r) => refused(r, /^hostile\.js:2: setup\(\) failed: Error: no/) },
  { name: 'top level throws', source: `const x = null;\nx.y = 1;\n${tick('return [];')}`, check: (r) => refused(r, /^hostile\.js:2: error while loading: .*TypeError/) },
];

runCases('hostile corpus', CASES);

describe('the opponent plays on', () => {
  const solo = runPolicy(PLAIN_POLICY, { ticks: 6 });
  for (const c of CASES.filter((x) => /endless loop in tick|memory bomb|throws an Error every|console flooding|proxy/.test(x.name))) {
    it(`beside "${c.name}"`, async () => {
      const { createSandboxController } = await import('../../sandbox/index.js');
      const { syntheticObservation } = await import('./harness.js');
      const hostile = createSandboxController({ source: c.source, filename: 'hostile.js', limits: c.opts?.limits ?? {} });
      hostile.setup({ ...INFO, side: 'away', teamName: 'Hostiles' });
      const out = new Float64Array(CMD_LENGTH);
      const beside = runPolicy(PLAIN_POLICY, {
        ticks: 6,
        between: (t) => hostile.tick({ flat: syntheticObservation(t), info: INFO, object: () => { throw new Error('unused'); } }, out),
      });
      hostile.dispose();
      expect(beside.faults).toEqual([]);
      expect(beside.digest).toBe(solo.digest);
    });
  }
});
