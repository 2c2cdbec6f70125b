// The instrumenter's own shapes (sandbox/instrument.ts): the written-out return that hands the depth
// back, the counter's local in each body (and __md_b where there is none), and the names it declares
// never shadowing one another. Each case runs in the sandbox and,
// where it has one, is compared with the same code run plainly in this process.
import { describe, expect, it } from 'vitest';
import { instrument } from '../../sandbox/instrument.js';
import { kinds, logs, probe } from './corpus.js';
import { runPolicy } from './harness.js';

/** The expression's String() in the sandbox and here. */
function both(prelude: string, expr: string): [string, string] {
  const r = runPolicy(`${prelude}\n${probe(expr)}`, { ticks: 1 });
  expect(r.setup.ok, r.setup.reason).toBe(true);
  expect(r.faults, expr).toEqual([]);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const here = String(new Function(`'use strict'; ${prelude}; return (${expr});`)());
  return [logs(r)[0] ?? '', here];
}

describe('returns written out', () => {
  const cases: Record<string, [string, string]> = {
    'comma expressions, object literals, nested returns and arrows': [
      'function f(a) { return a, a + 1; } function g() { return { a: () => { return 1; }, b: (x) => (x, x * 2) }; } const h = (x) => ({ x });',
      '[f(1), g().a(), g().b(4), h(5).x].join()',
    ],
    'a returned call and a returned closure keep their own values (each frame its own temporary)': [
      'function outer(n) { return n === 0 ? (() => { return "in"; })() : [n, outer(n - 1)].join(); } function mk(v) { return () => { return v; }; }',
      '[outer(3), mk(7)(), mk(8)()].join("|")',
    ],
    'defaults and class fields that return values': [
      'function d(a, b = (() => { return a * 3; })()) { return b; } class C { f = ((x) => x + 1)(1); }',
      '[d(2), new C().f].join()',
    ],
    'a return inside finally, and a finally that writes a computed key': [
      'function fin() { const o = {}; let i = 0; try { return i++; } finally { o["k" + i] = i; o[i] = 2; fin.o = o; } }',
      '[fin(), JSON.stringify(fin.o)].join("|")',
    ],
  };
  for (const [name, [prelude, expr]] of Object.entries(cases)) {
    it(name, () => {
      const [sandboxed, here] = both(prelude, expr);
      expect(sandboxed).toBe(here);
    });
  }

  it('hand the level back only after the value is computed: a deep call inside a return meets the cap', () => {
    // The return's expression recurses: were the level handed back before it ran, each frame would count
    // as its caller's and recursion would reach V8's stack limit instead of the cap.
    const r = runPolicy('function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }\nexport function tick() { down(100000); return []; }', { ticks: 1 });
    expect(r.faults[0]?.message).toMatch(/call depth passed 400/);
  });

  it('are exact: many returns in a row leave the depth where it was', () => {
    const r = runPolicy(
      'const id = (x) => x; function two(x) { if (x) return id(x); return id(0); } function rec(n) { return n <= 0 ? 0 : 1 + rec(n - 1); }\n' +
        'export function tick() { for (let i = 0; i < 5000; i++) { two(i % 2); id(i); } console.log(String(rec(397))); return []; }',
      { ticks: 1 },
    );
    expect(r.faults).toEqual([]);
    expect(logs(r)).toEqual(['397']);
  });

  it('declare one temporary per function that returns a value, none elsewhere', () => {
    const out = instrument('function a() { return 1; } function b() { return; } const c = () => 2; function d() {}', 'x.js', 400);
    expect(out.ok).toBe(true);
    const code = out.ok ? out.code : '';
    expect(code.match(/let __md_v;/g)).toHaveLength(2);
    expect(code).not.toMatch(/__md_r/);
  });
});

describe('loop units wherever a loop can stand', () => {
  // Each place a loop can be written, with or without a body's local counter reference: an endless
  // loop must trip the budget (a check that named a local out of reach would throw a ReferenceError
  // instead, which a policy can catch), and a finite one must run and be charged a unit an iteration.
  const places: Record<string, (loop: string) => string> = {
    'a function body': (l) => `function f() { ${l} return 1; }\nexport function tick() { f(); return []; }`,
    'an arrow in an arrow': (l) => `export function tick() { const g = () => () => { ${l} return 1; }; g()(); return []; }`,
    'a generator': (l) => `function* g() { ${l} yield 1; }\nexport function tick() { g().next(); return []; }`,
    'a class static block inside a function': (l) => `export function tick() { class A { static { ${l} } } return []; }`,
    'a parameter default': (l) => `function f(a = (() => { ${l} return 1; })()) { return a; }\nexport function tick() { f(); return []; }`,
    'a class field': (l) => `class A { x = (() => { ${l} return 1; })(); }\nexport function tick() { new A(); return []; }`,
    'a computed key of a destructured parameter': (l) => `function f({ [(class { static { ${l} } }, 'x')]: v } = {}) { return v; }\nexport function tick() { f(); return []; }`,
    'a getter': (l) => `const o = { get x() { ${l} return 1; } };\nexport function tick() { o.x; return []; }`,
  };
  for (const [name, make] of Object.entries(places)) {
    it(name, () => {
      const endless = runPolicy(make('for (;;) {}'), { ticks: 1 });
      expect(endless.setup.ok, endless.setup.reason).toBe(true);
      expect(kinds(endless), name).toEqual(['budget']);
      const used = (n: number): number => {
        const r = runPolicy(make(`for (let i = 0; i < ${n}; i++) {}`), { ticks: 1 });
        expect(r.faults, name).toEqual([]);
        return r.ticks[0]?.outcome?.budgetUsed ?? -1;
      };
      expect(used(1000) - used(0), name).toBe(1000);
    });
  }

  it('at the module\'s top level, in setup\'s budget', () => {
    const r = runPolicy('for (;;) {}\nexport function tick() { return []; }', { ticks: 1 });
    expect(r.setup.ok).toBe(false);
    expect(r.setup.reason).toMatch(/budget/);
  });

  it('each body reads the counter object once, into its own local (the factory form, as matches load policies)', () => {
    const src = 'function a() { for (;;) {} } function* g() { for (;;) {} } class K { static { for (;;) {} } } for (;;) {}';
    const out = instrument(src, 'x.js', 400, 'factory');
    const code = out.ok ? out.code : '';
    expect(code).toMatch(/function a\(\) \{const __md_c=__md_b,__md_f=\+\+__md_c\.d;if\(--__md_c\.n<0\|\|__md_f>400\)__md_t\(\); for \(;;\) \{if\(--__md_c\.n<0\)__md_t\(\);\}/);
    // No local in a generator, a static block or the top level: their loops use the module's binding.
    expect(code.match(/for \(;;\) \{if\(--__md_b\.n<0\)__md_t\(\);\}/g)).toHaveLength(3);
    // The module form (tests, the bench's heavy body) keeps __md_b everywhere.
    const plain = instrument(src, 'x.js', 400);
    expect(plain.ok && plain.code).not.toMatch(/__md_c/);
    expect((plain.ok ? plain.code : '').match(/for \(;;\) \{if\(--__md_b\.n<0\)__md_t\(\);\}/g)).toHaveLength(4);
  });
});
