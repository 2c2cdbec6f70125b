// Call depth without try/finally on every call: returns hand their level back, a catch or finally
// sets the depth back to its frame's, and the count is exact for code that never throws and never
// below the real nesting for code that does (so no policy can recurse past the cap).
import { describe, expect, it } from 'vitest';
import { kinds, logs, tick } from './corpus.js';
import { runPolicy } from './harness.js';

/** Runs `body` as a tick after `prelude`; the tick logs what `body` returns. */
const run = (prelude: string, body: string) => runPolicy(`${prelude}\n${tick(`console.log(String((() => { ${body} })())); return [];`)}`, { ticks: 2 });
const rec = 'function rec(n) { return n <= 0 ? 0 : 1 + rec(n - 1); }';

describe('call depth', () => {
  it('still stops recursion at the cap, and lets it get near the cap', () => {
    expect(logs(run(rec, 'return rec(395);'))).toEqual(['395']);
    const r = run(rec, 'return rec(1000);');
    expect(kinds(r)).toEqual(['error', 'error']);
    expect(r.faults[0]?.message).toMatch(/call depth passed 400/);
  });

  it('is not left high by thrown errors, caught ones or returns through finally', () => {
    const prelude = `${rec}
function thrower(n) { if (n === 0) throw new Error('x'); return thrower(n - 1); }
function viaFinally() { try { return 1; } finally { rec(2); } }
function bareReturn(x) { if (x) return
(0) }`;
    const body = 'for (let i = 0; i < 2000; i++) { try { thrower(20); } catch {} viaFinally(); bareReturn(true); [1].map(() => { try { thrower(5); } catch {} return 1; }); } return rec(395);';
    const r = run(prelude, body);
    expect(r.faults).toEqual([]);
    expect(logs(r)).toEqual(['395']);
    expect(logs(r, 1)).toEqual(['395']);
  });

  it('a generator resumed deep cannot reset the count by catching inside its body', () => {
    const prelude = `${rec}
const it = (function* () { for (;;) { try { null.x; } catch {} yield rec(100); } })();
function dive(n) { return n === 0 ? it.next().value : dive(n - 1); }`;
    const r = run(prelude, 'return dive(350);');
    expect(r.faults[0]?.message).toMatch(/call depth passed 400/);
  });

  it('a catch in a frame sets the depth back to that frame, not below it', () => {
    const prelude = `${rec}
function deepThrow(n) { if (n === 0) throw 1; return deepThrow(n - 1); }
function catcher(n) { if (n > 0) return catcher(n - 1); try { deepThrow(30); } catch { return rec(395 - 200); } }`;
    // catcher at ~200 deep catches, then recurses: 200 + 195 fits; 200 + 300 must not.
    expect(logs(run(prelude, 'return catcher(200);'))).toEqual(['195']);
    const over = run(prelude.replace('395 - 200', '300'), 'return catcher(200);');
    expect(over.faults[0]?.message).toMatch(/call depth passed 400/);
  });

  it('recursion through parameter defaults and class fields meets the cap, not V8\'s stack limit', () => {
    // These run before any body does; uncounted, they reached V8's stack limit, whose depth a policy can
    // catch and measure and which differs from machine to machine.
    for (const prelude of [
      'function f(n, x = f(n + 1)) { return x; }',
      'function f(n, { x = f(n + 1) } = {}) { return x; }',
      'class A { x = new A(); } const f = () => new A();',
      'const f = (n, [x = f(n + 1)] = []) => x;',
    ]) {
      const r = run(prelude, 'try { f(0); } catch (e) { return String(e); } return "none";');
      expect(r.faults[0]?.message, prelude).toMatch(/call depth passed 400/);
      expect(logs(r), prelude).toEqual([]);
    }
  });

  it('parameter defaults and class fields keep their meaning', () => {
    const prelude = `class C { k = 3; m = this.k * 2; static s = 5; }
function g(a, b = a + 1, { c = b * 2 } = {}, ...r) { return [a, b, c, r.length, arguments.length].join(); }
const h = function (x = this.v) { return x; };`;
    const r = run(prelude, 'return [g(1), g(1, 5, { c: 0 }, 9), new C().m, C.s, h.call({ v: 7 })].join("|");');
    expect(r.faults).toEqual([]);
    expect(logs(r)).toEqual(['1,2,4,0,1|1,5,0,1,4|6|5|7']);
  });
});
