// The instrumenter's own shapes (sandbox/instrument.ts): the written-out return that hands the depth
// back, and the names it declares never shadowing one another. Each case runs in the sandbox and,
// where it has one, is compared with the same code run plainly in this process.
import { describe, expect, it } from 'vitest';
import { instrument } from '../../sandbox/instrument.js';
import { logs, probe } from './corpus.js';
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
