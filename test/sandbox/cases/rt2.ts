// Hostile corpus, red team (rt2) on the ninth round's sandbox changes (written-out returns, the counter's
// local, the written-out scans): the depth count after throws through returns, and plain JavaScript's results.
import { expect } from 'vitest';
import { logs, probe, threw, tick, type Case } from '../corpus.js';

const says = (expected: string[]) => (r: Parameters<Case['check']>[0]): void => {
  expect(r.faults).toEqual([]);
  expect(logs(r)).toEqual(expected);
};
const depth = threw(/call depth passed 400/);

/** A helper that throws through a return expression, two levels below its caller. */
const THROWER = "function bad(x) { throw new Error('no ' + x); }\nfunction check(x) { return bad(x); }\n";

/** Every form of return the instrumenter rewrites, with plain Node 20's output for it (returns.js run outside the sandbox). */
const RETURNS = "  const r = [];\n  function a(x) { return x, x + 1 }\n  function b(x) {\n    return (\n      x * 2\n    )\n  }\n  function c() { return\n    5 }\n  const d = () => ({ k: 1 });\n  const e = (x) => (x, { k: x });\n  function f(x) { switch (x) { case 1: return 'one'; default: { return 'other' } } }\n  function g(x) { lab: { if (x) { break lab; } return 'nolab'; } return 'lab'; }\n  function h() { try { return 'try' } finally { r.push('fin') } }\n  function i() { try { return 'try' } finally { return 'fin' } }\n  function j() { for (const k of [1,2]) { try { continue } finally { if (k === 2) return 'j' + k } } }\n  function* k() { const v = yield 1; return v * 2 }\n  function l(x) { return x ? function () { return 'inner' } : () => 'arrow' }\n  function m() { return /re/.source + `t${1}` }\n  function n() { return void 0 }\n  function o() { try { throw 1 } catch { return 'c' } finally { } }\n  function p(x) { if (x) return; else return 'else' }\n  const q = (x) => x ? r.length : -1;\n  function s() { return typeof s }\n  function t() { return arguments.length }\n  function u() { return new.target === undefined }\n  const it = k(); it.next();\n  r.push(a(1), b(2), c(), d().k, e(3).k, f(1), f(2), g(1), g(0), h(), i(), j(), it.next(4).value, l(1)(), l(0)(), m(), n(), o(), p(1), p(0), q(1), s(), t(1, 2), u());\n  let depth = 0; function z(n) { depth = Math.max(depth, n); if (n < 390) { try { return z(n + 1) } finally { } } return n }\n  r.push(z(0), z(0), z(0));\n  console.log(r.map(String).join(','));\n  return [];";
const RETURNS_HERE = 'fin,2,4,undefined,1,3,one,other,lab,nolab,try,fin,j2,8,inner,arrow,ret1,undefined,c,undefined,else,1,function,2,true,390,390,390';

/** An index whose getter deletes it and gives undefined: plain JavaScript asks whether the index is there first. */
const SELF_DELETING = "(() => { const out = []; const mk = () => { const a = [1, 2, 3]; Object.defineProperty(a, 1, { get() { delete a[1]; return undefined; }, configurable: true }); return a; }; for (const m of ['some', 'every', 'forEach', 'find', 'findIndex', 'map', 'filter']) { const seen = []; const r = mk()[m]((v, i) => { seen.push(i); return m === 'every' || m === 'map'; }); out.push(m + ':' + seen.join('') + ':' + (Array.isArray(r) ? r.length + '/' + Object.keys(r).join('') : String(r))); } const s = mk().slice(0, 3); out.push('slice:' + s.length + '/' + Object.keys(s).join('') + '/' + (1 in s)); return out.join(' '); })()";

export const RT2_CASES: Case[] = [
  // A generator's catch did not set the depth back (it has no level of its own), so each caught throw left the
  // depth of the throw behind: an honest generator catching a helper's error 500 times met the cap at ~200.
  {
    name: 'a generator that catches what a helper threw keeps its depth',
    source: `${THROWER}function* gen(n) { for (let i = 0; i < n; i++) { try { check(i); } catch (e) { } yield i; } }\n${tick("let s = 0; for (const v of gen(500)) s += v; console.log('sum ' + s); return [];")}`,
    check: says(['sum 124750']),
  },
  {
    name: "a generator's finally after a helper's throw gives the depth back too",
    source: `${THROWER}function* gen(n) { for (let i = 0; i < n; i++) { let ok = 0; try { try { check(i); } finally { ok = 1; } } catch (e) { } yield ok; } }\n${tick("let s = 0; for (const v of gen(500)) s += v; console.log('sum ' + s); return [];")}`,
    check: says(['sum 500']),
  },
  {
    name: 'a generator catching many throws before it yields keeps its depth',
    source: `${THROWER}function* gen(n) { let c = 0; for (let i = 0; i < n; i++) { try { check(i); } catch (e) { c++; } } yield c; }\n${tick("console.log('caught ' + gen(500).next().value); return [];")}`,
    check: says(['caught 500']),
  },
  // The level a generator's catch sets back is its resumption's: recursion through it still meets the cap.
  {
    name: "recursion through a generator's catch meets the depth cap",
    source: `function* g(n) { try { throw 1; } catch (e) { } yield f(n + 1); }\nfunction f(n) { return g(n).next().value; }\n${tick('f(0); return [];')}`,
    check: depth,
  },
  {
    name: "recursion through a generator's finally meets the depth cap",
    source: `function* g(n) { let v; try { v = f(n + 1); } finally { } yield v; }\nfunction f(n) { return g(n).next().value; }\n${tick('f(0); return [];')}`,
    check: depth,
  },
  {
    name: 'recursion through a caught throw in a generator, re-entered by yield*, meets the depth cap',
    source: `function* g(n) { try { throw 1; } catch (e) { yield* g(n + 1); } }\n${tick('for (const v of g(0)) {} return [];')}`,
    check: depth,
  },
  // A finally in a generator may yield: suspended in it at a shallow resumption and completed in a deeper one, it
  // must not give back the depth it found on entry (the first fix did: recursion passed the cap to V8's stack limit).
  {
    name: 'a generator suspended in its finally and finished deeper does not lower the depth',
    source: `function* g() { try { } finally { yield 1; } }\nconst gens = [];\nfunction rec(n, k, round) { if (k === 0) { if (round === gens.length) return 'done'; gens[round].next(); return rec(n + 1, 350, round + 1); } return rec(n + 1, k - 1, round); }\n${tick('gens.length = 0; for (let i = 0; i < 40; i++) { const it = g(); it.next(); gens.push(it); } rec(0, 350, 0); return [];')}`,
    check: depth,
  },
  {
    name: 'a generator thrown into deeper than it first ran catches at the deeper level',
    source: `function* g() { try { yield 0; } catch (e) { yield f(0); } }\nfunction f(n) { return n > 150 ? n : f(n + 1); }\nfunction down(n, it) { return n === 0 ? it.throw(1).value : down(n - 1, it); }\n${tick('const it = g(); it.next(); console.log(down(300, it)); return [];')}`,
    check: depth,
  },
  // The written-out scans and builders read an element first and asked whether it was there only when they got
  // undefined: an index whose getter deletes it was skipped (a hole in map's and slice's result), where the native
  // asks first and calls back with undefined. Node 20's output, computed outside the sandbox.
  {
    name: 'an index whose getter deletes itself: some, every, forEach, map, filter and slice as plain JavaScript',
    source: probe(SELF_DELETING),
    check: says(['some:012:false every:012:true forEach:012:undefined find:012:undefined findIndex:012:-1 map:012:3/012 filter:012:0/ slice:3/012/true']),
  },
  // Held: every rewritten return form gives plain JavaScript's result (ASI, sequences, object bodies, switch,
  // labels, finally overriding or not, generators, 390 levels of return through try/finally three times).
  { name: 'every rewritten form of return gives plain JavaScript\'s result', source: tick(RETURNS), check: says([RETURNS_HERE]) },
];
