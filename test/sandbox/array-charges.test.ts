// Pins the charges of the array methods model-written policies call most, to the unit (the receiver's
// size; 8 a slot for map, filter and slice; n log n for sort), so a cheaper wrapper for them
// (guest/natives.ts) cannot change a charge unnoticed; and checks that the wrapped methods pass on
// exactly the arguments given and count as one level of call depth.
import { describe, expect, it } from 'vitest';
import { logs, probe } from './corpus.js';
import { runPolicy } from './harness.js';

const N = 1000;

/** Units `expr` costs over an empty tick, on A: N zeros made at load time (outside the tick's budget). */
function units(expr: string): number {
  const used = (body: string): number => {
    const r = runPolicy(`const A = new Array(${N}).fill(0);\nexport function tick() { ${body}; return []; }`, { ticks: 1 });
    expect(r.faults, body).toEqual([]);
    return r.ticks[0]?.outcome?.budgetUsed ?? -1;
  };
  return used(expr) - used('');
}

const value = (expr: string): string => {
  const r = runPolicy(probe(expr), { ticks: 1 });
  expect(r.setup.ok, r.setup.reason).toBe(true);
  expect(r.faults).toEqual([]);
  return logs(r)[0] ?? '';
};

describe('the charged array methods', () => {
  it('charge the receiver size (8 a slot for map, filter and slice; n log n for sort)', () => {
    // Math.abs is constant work, so the callback adds nothing: the charge is the wrapper's alone.
    const nlogn = N * (32 - Math.clz32(N));
    const expected: Record<string, number> = {
      'A.map(Math.abs)': N * 8,
      'A.filter(Math.abs)': N * 8,
      'A.slice()': N * 8,
      'A.forEach(Math.abs)': N,
      'A.reduce(Math.abs)': N,
      'A.some(Math.abs)': N,
      'A.every(Math.abs)': N,
      'A.find(Math.abs)': N,
      'A.findIndex(Math.abs)': N,
      'A.indexOf(1)': N,
      'A.includes(1)': N,
      'A.slice().sort()': N * 8 + nlogn,
    };
    for (const [expr, cost] of Object.entries(expected)) expect(units(expr), expr).toBe(cost);
  });

  it('pass on exactly the arguments given', () => {
    expect(value('[[1, 2, 3].reduce((s, x) => s + x), [1, 2, 3].reduce((s, x) => s + x, 10), [3, 1, 2].sort().join(), [3, 1, 2].sort((a, b) => b - a).join()]')).toBe('6,16,1,2,3,3,2,1');
    expect(value('(() => { try { [].reduce((s, x) => s + x); return "no"; } catch (e) { return e instanceof TypeError; } })()')).toBe('true');
    expect(value('[[1, 2, 1].indexOf(1, 1), [1, 2].includes(1, 1), [1, 2, 3].slice(1).join(), [1, 2, 3].slice(-1).join(), [5, 6].find((x, i, a) => a === this), [5, 6].findIndex(function (x) { return this.k === x; }, { k: 6 })]')).toBe('2,false,2,3,3,,1');
    expect(value('[[].map.name, [].map.length, [].reduce.length, [].sort.length, [].indexOf.length, [].map === Array.prototype.map]')).toBe('map,1,1,1,1,true');
    expect(value('(() => { try { new [].map(); return "no"; } catch (e) { return e instanceof TypeError; } })()')).toBe('true');
  });

  it('count as a level of call depth: recursion through them meets the cap', () => {
    const r = runPolicy('function f(n) { return [n].map(f); }\nexport function tick() { f(0); return []; }', { ticks: 1 });
    expect(r.faults[0]?.message).toMatch(/call depth passed 400/);
  });
});
