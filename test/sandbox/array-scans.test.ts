// some, every, find, findIndex and forEach on plain arrays run in the guest runtime's own JavaScript
// (guest/natives.ts, fastScans) instead of through the wrapper to the native. These pin that they do exactly
// what the native does (holes, thisArg, changes made while iterating, subclasses, array-likes, errors), against
// the same expression evaluated in this process, and that recursion through them meets the depth cap.
import { describe, expect, it } from 'vitest';
import { both } from './corpus.js';
import { runPolicy } from './harness.js';

describe('some, every, find, findIndex and forEach on plain arrays', () => {
  const seen = 'const seen = []; const rec = (r) => function (x, i, a) { seen.push(i + ":" + String(x) + ":" + (this === undefined ? "u" : this.k)); return r(x, i, a); };';
  const cases: Record<string, string> = {
    'holes: skipped by some, every, forEach; visited as undefined by find and findIndex': `(() => { ${seen} const a = [1, , 3, undefined]; a.some(rec(() => false)); a.every(rec(() => true)); a.forEach(rec(() => 0)); a.find(rec(() => false)); a.findIndex(rec(() => false)); return seen.join(" "); })()`,
    'results and early exits': `(() => { const a = [4, 5, 6]; const r = []; r.push(a.some((x) => x > 4), a.some((x) => x > 9), a.every((x) => x > 3), a.every((x) => x > 4), a.find((x) => x > 4), a.find((x) => x > 9), a.findIndex((x) => x > 4), a.findIndex((x) => x > 9), a.forEach((x) => x), [].some(() => true), [].every(() => false)); return r.map(String).join(); })()`,
    'thisArg and the (element, index, array) arguments': `(() => { ${seen} const a = [7, 8]; const t = { k: "T" }; a.some(rec(() => false), t); a.every(rec(() => true), t); a.find(rec(() => false), t); a.findIndex(rec(() => false), t); a.forEach(rec(() => 0), t); let same = true; a.forEach((x, i, arr) => { same = same && arr === a; }); return seen.join(" ") + " " + same; })()`,
    'the length is read once; each element when reached; deleted ones skipped': `(() => { ${seen} const a = [1, 2, 3]; a.forEach(rec((x, i, arr) => { if (i === 0) { arr.push(9); arr[2] = 30; delete arr[1]; } })); const b = [1, 2, 3, 4]; b.some(rec((x, i, arr) => { if (i === 0) arr.length = 2; return false; })); const c = [1, 2, 3]; c.find(rec((x, i, arr) => { if (i === 0) arr.length = 1; return false; })); return seen.join(" "); })()`,
    'subclasses and own properties': `(() => { class A extends Array {} const a = A.from([1, 2, 3]); const b = [1, 2]; Object.defineProperty(b, "some", { value: () => "own" }); return [a.some((x) => x === 2), a.find((x) => x === 3), a.findIndex((x) => x === 3), b.some(() => true)].join(); })()`,
    'array-likes and strings': `[Array.prototype.some.call({ length: 2, 0: "a", 1: "b" }, (x) => x === "b"), Array.prototype.find.call("abc", (c) => c > "a"), Array.prototype.findIndex.call({ length: 3, 2: 5 }, (x) => x === 5), Array.prototype.every.call("aaa", (c) => c === "a")].join()`,
    'a callback that is not a function throws TypeError': `(() => { const r = []; for (const bad of [undefined, 1, {}]) for (const m of ["some", "every", "find", "findIndex", "forEach"]) { try { [1][m](bad); r.push("no"); } catch (e) { r.push(e instanceof TypeError); } } return r.join(); })()`,
    'a throwing callback propagates': `(() => { const r = []; for (const m of ["some", "every", "find", "findIndex", "forEach"]) { try { [1, 2][m]((x) => { if (x === 2) throw new RangeError(m); return m === "every"; }); r.push("no"); } catch (e) { r.push(e.message); } } return r.join(); })()`,
    'name, length, identity, not constructible': `(() => { const r = []; for (const m of ["some", "every", "find", "findIndex", "forEach"]) { let c; try { new [][m](() => 0); c = "no"; } catch (e) { c = e instanceof TypeError; } r.push([][m].name, [][m].length, [][m] === Array.prototype[m], c); } return r.join(); })()`,
  };
  for (const [name, expr] of Object.entries(cases)) {
    it(name, () => {
      const [sandboxed, here] = both(expr);
      expect(sandboxed).toBe(here);
    });
  }

  it('count as a level of call depth: recursion through them meets the cap', () => {
    for (const m of ['some', 'every', 'find', 'findIndex', 'forEach']) {
      const r = runPolicy(`function f(n) { return [n].${m}(f); }\nexport function tick() { f(0); return []; }`, { ticks: 1 });
      expect(r.faults[0]?.message, m).toMatch(/call depth passed 400/);
    }
  });
});
