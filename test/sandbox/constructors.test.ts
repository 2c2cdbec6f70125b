// The charging constructors (Map, Set, WeakMap, WeakSet, the typed arrays, ArrayBuffer; Date in
// harden.ts) build with the real constructor as new.target when called directly, so their objects
// get the real one's hidden class (not one derived in C++ per call). These pin that what a policy
// can see is unchanged: prototypes, instanceof, subclasses and a foreign new.target, and the charges.
import { describe, expect, it } from 'vitest';
import { logs, probe, both } from './corpus.js';
import { runPolicy } from './harness.js';

describe('the charging constructors', () => {
  const cases: Record<string, string> = {
    'direct construction: prototype, instanceof, constructor, contents': `(() => { const m = new Map([[1, 2]]); const s = new Set([3, 3, 4]); const w = new WeakMap(); const f = new Float64Array([1, 2]); const b = new ArrayBuffer(8); return [Object.getPrototypeOf(m) === Map.prototype, m instanceof Map, m.constructor === Map, m.get(1), s.size, s instanceof Set, w instanceof WeakMap, Object.getPrototypeOf(f) === Float64Array.prototype, f[1], b.byteLength, b instanceof ArrayBuffer]; })()`,
    'subclasses keep their own prototype and methods': `(() => { class M extends Map { two() { return this.size * 2; } } class F extends Float64Array {} const m = new M([[1, 1]]); const f = new F(3); return [m instanceof M, m instanceof Map, m.two(), Object.getPrototypeOf(m) === M.prototype, f instanceof F, f.length]; })()`,
    'a foreign new.target is honoured': `(() => { function P() {} P.prototype = Object.create(Set.prototype, { tag: { value: 7 } }); const s = Reflect.construct(Set, [[1]], P); return [Object.getPrototypeOf(s) === P.prototype, s.tag, Set.prototype.has.call(s, 1)]; })()`,
    'calling without new still throws': `(() => { const r = []; for (const C of [Map, Set, Float64Array, ArrayBuffer]) { try { C(); r.push("no"); } catch (e) { r.push(e instanceof TypeError); } } return r.join(); })()`,
  };
  for (const [name, expr] of Object.entries(cases)) {
    it(name, () => {
      const [sandboxed, here] = both(expr);
      expect(sandboxed).toBe(here);
    });
  }

  it('Date keeps the match clock and its subclasses', () => {
    const r = runPolicy(probe('(() => { class D extends Date { y() { return this.getUTCFullYear(); } } const d = new Date(); return [d instanceof Date, Object.getPrototypeOf(d) === Date.prototype, d.toISOString(), new D().y(), new D(0) instanceof D, new Date(0).getTime()]; })()'), { ticks: 1 });
    expect(r.faults).toEqual([]);
    expect(logs(r)[0]).toBe('true,true,2026-06-11T00:00:00.000Z,2026,true,0');
  });

  it('charge the same either way: directly, through a subclass, with a foreign new.target', () => {
    const used = (body: string): number => {
      const r = runPolicy(`const A = new Array(1000).fill(0).map((_, i) => i); function P() {} P.prototype = Set.prototype;\nexport function tick() { ${body}; return []; }`, { ticks: 1 });
      expect(r.faults, body).toEqual([]);
      return r.ticks[0]?.outcome?.budgetUsed ?? -1;
    };
    const base = used('');
    const direct = used('new Set(A)') - base;
    expect(direct).toBeGreaterThanOrEqual(16000);
    expect(used('Reflect.construct(Set, [A], P)') - base).toBeGreaterThanOrEqual(direct);
    expect(used('new (class extends Set {})(A)') - base).toBeGreaterThanOrEqual(direct);
  });
});
