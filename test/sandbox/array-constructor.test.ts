// The charging Array constructor behaves as the real one: the same prototype and hidden class
// as array literals, subclasses, species, Array.from/of, and every way to reach it charges.
import { describe, expect, it } from 'vitest';
import { logs, probe } from './corpus.js';
import { runPolicy } from './harness.js';

const value = (expr: string): string => {
  const r = runPolicy(probe(expr), { ticks: 1 });
  expect(r.setup.ok, r.setup.reason).toBe(true);
  expect(r.faults).toEqual([]);
  return logs(r)[0] ?? '';
};

describe('the charging Array constructor', () => {
  it('builds arrays like the real one', () => {
    expect(value('[new Array(3).length, Array(2, 5).join(), new Array("x").join(), Array().length, Array.length]')).toBe('3,2,5,x,0,1');
    expect(value('[Object.getPrototypeOf(new Array(2)) === Array.prototype, [].constructor === Array, Array.isArray(Array(1)), new Array(1) instanceof Array]')).toBe('true,true,true,true');
    expect(value('(() => { try { new Array(-1); return "no"; } catch (e) { return e instanceof RangeError; } })()')).toBe('true');
  });

  it('keeps subclasses and species', () => {
    expect(value('(() => { class A extends Array { sum() { return this.reduce((s, x) => s + x, 0); } } const a = A.from([1, 2, 3]); const m = a.map((x) => x * 2); return [a instanceof A, m instanceof A, m.sum(), new A(4).length, A.of(7, 8) instanceof A]; })()')).toBe('true,true,12,4,true');
    expect(value('[[1, 2, 3].map((x) => x + 1).join(), [1, 2, 3].filter((x) => x > 1).length, [1, 2].concat([3]).length, Array.from({ length: 2 }, (_, i) => i * 3).join(), Array.of(4, 5).join()]')).toBe('2,3,4,2,3,0,3,4,5');
  });

  it('charges each way to reach it by the length asked for', () => {
    const used = (body: string): number => {
      const r = runPolicy(`export function tick() { ${body}; return []; }`, { ticks: 1 });
      expect(r.faults).toEqual([]);
      return r.ticks[0]?.outcome?.budgetUsed ?? 0;
    };
    const base = used('');
    for (const body of ['new Array(50000)', 'Array(50000)', 'new ([].constructor)(50000)', 'Reflect.construct(Array, [50000])', 'Reflect.apply(Array, null, [50000])', 'Array.apply(null, [50000])', 'new (class extends Array {})(50000)']) {
      expect(used(body) - base, body).toBeGreaterThanOrEqual(50000);
    }
  });
});
