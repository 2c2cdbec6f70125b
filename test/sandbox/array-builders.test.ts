// map, filter and slice on plain arrays run in the guest runtime's own JavaScript (guest/natives.ts,
// fastBuilders) instead of the native, which looks the species up in C++ once the sandbox has
// replaced Array.prototype.constructor. These pin that they do exactly what the native does
// (holes, thisArg, changes made while iterating, subclasses and own constructors, array-likes,
// errors), against the same expression evaluated in this process, and charge the same.
import { describe, expect, it } from 'vitest';
import { logs, both } from './corpus.js';
import { runPolicy } from './harness.js';

/** Describes an array with its holes: "3:[0]=2,[2]=6". */
const SHOW = 'const show = (a) => a.length + ":" + Object.keys(a).map((k) => "[" + k + "]=" + String(a[k])).join(",");';

describe('map, filter and slice on plain arrays', () => {
  const cases: Record<string, string> = {
    'holes are skipped and kept (map), dropped (filter)': `(() => { ${SHOW} return show([1, , 3].map((x) => x * 2)) + " " + show([1, , 3, undefined].filter(() => true)); })()`,
    'an undefined element is not a hole': `(() => { ${SHOW} return show([undefined, 1].map((x) => typeof x)) + " " + show([undefined].filter((x) => x === undefined)); })()`,
    'thisArg and the (element, index, array) arguments': `(() => { const a = [5, 6]; const t = { k: 1 }; return [a.map(function (x, i, arr) { return [this === t, x, i, arr === a].join("/"); }, t).join(" "), a.filter(function () { return this.k === 1; }, t).length, a.map(function () { return this; }).join()]; })()`,
    'the length is read once; each element when reached': `(() => { const a = [1, 2, 3]; const m = a.map((x, i, arr) => { if (i === 0) { arr.push(9); arr[2] = 30; } return x; }); const b = [1, 2, 3, 4]; const f = b.filter((x, i, arr) => { if (i === 0) arr.length = 2; return true; }); return m.join() + " " + f.join() + " " + f.length; })()`,
    'a subclass builds through its species': `(() => { class A extends Array {} const a = A.from([1, 2, 3]); return [a.map((x) => x) instanceof A, a.filter((x) => x > 1) instanceof A, a.filter((x) => x > 1).length]; })()`,
    'an own constructor is honoured': `(() => { class C extends Array {} const a = [1, 2]; Object.defineProperty(a, "constructor", { value: C }); const b = [1, 2]; Object.defineProperty(b, "constructor", { value: undefined }); return [a.map((x) => x) instanceof C, a.filter(Boolean) instanceof C, Array.isArray(b.map((x) => x)), b.map((x) => x).constructor === Array]; })()`,
    'array-likes and strings': `[Array.prototype.map.call({ length: 2, 0: "a", 1: "b" }, (x) => x + x).join(), Array.prototype.filter.call("abc", (c) => c !== "b").join()]`,
    'a callback that is not a function throws TypeError': `(() => { const r = []; for (const bad of [undefined, 1, {}]) { try { [1].map(bad); r.push("no"); } catch (e) { r.push(e instanceof TypeError); } try { [].filter(bad); r.push("no"); } catch (e) { r.push(e instanceof TypeError); } } return r.join(); })()`,
    'a throwing callback propagates': `(() => { try { [1, 2].map((x) => { if (x === 2) throw new RangeError("two"); return x; }); return "no"; } catch (e) { return e.message; } })()`,
    'name, length, identity, not constructible': `(() => { let c; try { new [].map((x) => x); c = "no"; } catch (e) { c = e instanceof TypeError; } return [[].map.name, [].map.length, [].filter.name, [].filter.length, [].map === Array.prototype.map, c]; })()`,
    'slice with every kind of numeric bound': `(() => { const a = [0, 1, 2, 3, 4]; const r = []; for (const [s, e] of [[undefined, undefined], [1, undefined], [1, 3], [-2, undefined], [-9, 2], [2, -1], [3, 1], [0.7, 3.9], [-1.5, 9], [NaN, NaN], [0, NaN], [Infinity, 1], [-Infinity, Infinity], [1, -Infinity], [-0, 2]]) r.push(a.slice(s, e).join("") + "|" + a.slice(s, e).length); r.push(a.slice().join("")); return r.join(" "); })()`,
    'slice of a long array (the native copies it) and of one at the limit': `(() => { const a = Array.from({ length: 100 }, (_, i) => i); const b = a.slice(0, 64); delete b[3]; return [a.slice(90).join(), a.slice(-3, -1).join(), b.slice(2, 5).length, 3 in b.slice(), b.slice(60).join()]; })()`,
    'slice keeps holes in place and reads getters once': `(() => { ${SHOW} const a = [1, , 3, , ]; let n = 0; const g = [1, 2]; Object.defineProperty(g, 1, { get() { n++; return 7; } }); return show(a.slice(1)) + " " + show(a.slice(-2)) + " " + g.slice().join() + " " + n; })()`,
    'slice with bounds that are not numbers, subclasses, array-likes': `(() => { class A extends Array {} const a = [1, 2, 3]; let calls = 0; const o = { valueOf() { calls++; return 1; } }; return [a.slice(o).join(), a.slice("1", "2").join(), a.slice(null).join(), calls, A.from(a).slice(1) instanceof A, Array.prototype.slice.call({ length: 3, 0: "a", 2: "c" }, 1).length, Array.prototype.slice.call("xyz", 1).join()]; })()`,
    'results are plain arrays of literal shape': `(() => { const m = [1, 2].map((x) => x); const f = [1, 2].filter(Boolean); return [Object.getPrototypeOf(m) === Array.prototype, m.constructor === Array, Object.getPrototypeOf(f) === Array.prototype, Object.getOwnPropertyNames(m).join(), Object.isExtensible(f)]; })()`,
  };
  for (const [name, expr] of Object.entries(cases)) {
    it(name, () => {
      const [sandboxed, here] = both(expr);
      expect(sandboxed).toBe(here);
    });
  }

  it('charge 8 a slot before running, as the native did, and the callbacks on top', () => {
    const used = (body: string): number => {
      const r = runPolicy(`const A = new Array(1000).fill(0); const H = []; H.length = 1000; const f = (x) => x;\nexport function tick() { ${body}; return []; }`, { ticks: 1 });
      expect(r.faults, body).toEqual([]);
      return r.ticks[0]?.outcome?.budgetUsed ?? -1;
    };
    const base = used('');
    expect(used('A.map(Math.abs)') - base).toBe(8000);
    expect(used('A.filter(Math.abs)') - base).toBe(8000);
    expect(used('H.map(f)') - base).toBe(8000); // holes: no callback
    expect(used('A.slice(990)') - base).toBe(8000); // the receiver's size, whatever the bounds, as the native's charge
    expect(used('H.slice()') - base).toBe(8000);
    // Each callback call costs at least its entry (one unit) over the same map with a native one.
    expect(used('A.map(f)') - base).toBeGreaterThanOrEqual(9000);
    expect(used('A.filter(f)') - base).toBeGreaterThanOrEqual(9000);
  });

  it('count as a level of call depth, and leave it when a callback throws', () => {
    const deep = runPolicy('function f(n) { return [n].filter(f); }\nexport function tick() { f(0); return []; }', { ticks: 1 });
    expect(deep.faults[0]?.message).toMatch(/call depth passed 400/);
    // 500 calls in a row from the same frame, and 100 thrown out of and caught: the level must come back each time.
    const r = runPolicy(
      'const f = (x) => x; function g(n) { if (n === 0) throw 1; return [n - 1].map(g); }\nexport function tick() { for (let i = 0; i < 500; i++) { [].map(f); [].filter(f); [1].map(f); [1].filter(f); } for (let i = 0; i < 100; i++) { try { g(150); } catch {} } console.log(String([1].map(() => 2))); return []; }',
      { ticks: 2 },
    );
    expect(r.faults).toEqual([]);
    expect(logs(r)[0]).toBe('2');
  });
});
