// Hostile corpus, red team (rt2) on the ninth round's sandbox changes (written-out returns, the counter's
// local, the written-out scans): the depth count after throws through returns, and plain JavaScript's results.
import { expect } from 'vitest';
import { logs, threw, tick, type Case } from '../corpus.js';

const says = (expected: string[]) => (r: Parameters<Case['check']>[0]): void => {
  expect(r.faults).toEqual([]);
  expect(logs(r)).toEqual(expected);
};
const depth = threw(/call depth passed 400/);

/** A helper that throws through a return expression, two levels below its caller. */
const THROWER = "function bad(x) { throw new Error('no ' + x); }\nfunction check(x) { return bad(x); }\n";

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
];
