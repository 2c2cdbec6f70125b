// An array's length written in every way the language offers keeps JavaScript's meaning in the sandbox
// (compared with the same expression evaluated in this process), while its growth is charged to the
// unit (guest/lengths.ts); the few places the sandbox departs from the language say so.
import { describe, expect, it } from 'vitest';
import { instrument } from '../../sandbox/instrument.js';
import { logs, probe, here } from './corpus.js';
import { runPolicy } from './harness.js';

/** Expressions whose value must be the same in the sandbox as in plain strict JavaScript. */
const SAME: Record<string, string> = {
  basic: "(() => { const a = [1,2,3]; a.length = 1; a.length += 2; const r = [a.length, a[1], 1 in a]; a.length++; r.push(a.length--, a.length); return r.join(); })()",
  compound: "(() => { const a = []; a.length ||= 4; a.length &&= 2; a.length ??= 9; const k = 'length'; a[k] += 3; a[k] -= 1; return [a.length, a[k]++, a.length, --a[k]].join(); })()",
  destructuring: "(() => { const a = [], b = []; const k = 'length'; [a.length, b[k]] = [3, 5]; const r = [a.length, b.length]; ({ x: a.length, y: b[k] = 7 } = { x: 2 }); r.push(a.length, b.length); let n = 0; for (a.length of [4, 6]) n += a.length; for (b[k] in { 1: 0, 22: 0 }) n += b.length; [...a.length] = ['8']; return [...r, a.length, b.length, n].join(); })()",
  keyOnce: "(() => { const a = []; let calls = 0; const key = { toString() { calls++; return 'length'; } }; a[key] = 3; const c1 = calls; a[key] += 1; return [a.length, c1, calls].join(); })()",
  symbols: "(() => { const s = Symbol('length'); const a = []; a[s] = 5; const o = { [Symbol.toPrimitive]() { return s; } }; a[o] = 6; return [a.length, a[s]].join(); })()",
  objects: "(() => { const o = {}; const n = Object.create(null); const k = 'length'; o[k] = 'x'; n[k] = 'y'; n[k] += 'z'; const r = [o.length, n.length]; o.length = 5; r.push(o.length); Object.assign(o, { length: 9 }); r.push(o.length); const s = new String('ab'); try { s.length = 5; } catch (e) { r.push(e.constructor.name); } return r.join(); })()",
  frozen: "(() => { const f = Object.freeze([1, 2]); const k = 'length'; const r = []; for (const fn of [() => { f.length = 1e9; }, () => { f[k] = 1e9; }, () => { Object.defineProperty(f, 'length', { value: 1e9 }); }, () => { Object.assign(f, { length: 1e9 }); }, () => { Object.defineProperties(f, { length: { value: 1e9 } }); }, () => { f.length++; }]) { try { fn(); r.push('no'); } catch (e) { r.push(e.constructor.name); } } r.push(Reflect.set(f, 'length', 1e9), Reflect.defineProperty(f, 'length', { value: 1e9 }), f.length); const w = [1]; Object.defineProperty(w, 'length', { writable: false }); try { w[k] = 1e9; } catch (e) { r.push(e.constructor.name); } return r.join(); })()",
  invalid: "(() => { const a = [1]; const k = 'length'; const r = []; for (const v of [-1, 1.5, 2 ** 32, NaN, Symbol()]) { try { a[k] = v; r.push('no'); } catch (e) { r.push(e.constructor.name); } try { a.length = v; r.push('no'); } catch (e) { r.push(e.constructor.name); } } return r.join() + a.length; })()",
  reflect: "(() => { const a = []; let got; const t = { set length(v) { got = v; } }; Reflect.set(t, 'length', '7', a); const p = {}; Reflect.set(p, 'length', 3, a); Reflect.set(a, 'length', 2, p); const q = [0]; const r1 = Reflect.set(q, { toString() { return 'length'; } }, '4'); return [typeof got, got, a.length, p.length, r1, q.length].join(); })()",
  defineProps: "(() => { let n = 0; const a = [1]; Object.defineProperties(a, { 0: { value: 5 }, length: { get value() { n++; return 3; } }, x: { get() { return 1; }, enumerable: true } }); const b = []; Object.defineProperty(b, { toString() { n++; return 'length'; } }, { value: '2', writable: true }); Reflect.defineProperty(b, 'length', { value: 4 }); let e = ''; try { Object.defineProperties([], { length: 5 }); } catch (x) { e = x.constructor.name; } return [a.length, a[0], a.x, Object.keys(a).join('|'), n, b.length, e].join(); })()",
  assign: "(() => { const a = [1]; const r = Object.assign(a, { 1: 'b', length: 4, z: 1 }, null, 'cd'); return [r === a, a.length, a.join('-'), a.z].join(); })()",
  subclass: "(() => { class A extends Array { grow(n) { this.length = n; return this; } } const a = new A(); const k = 'length'; a.grow(3); a[k] += 1; return [a.length, a instanceof A].join(); })()",
};

const inSandbox = (expr: string): string => {
  const r = runPolicy(probe(expr), { ticks: 1 });
  expect(r.setup.ok, r.setup.reason).toBe(true);
  expect(r.faults, expr).toEqual([]);
  return logs(r)[0] ?? '';
};

/** Units a tick costs over the same tick without `extra`, for a policy with array A (length 0) made at load. */
function units(extra: string, base = ''): number {
  const used = (body: string): number => {
    const r = runPolicy(`const A = [];\nconst K = 'length';\nexport function tick() { A.length = 0; ${body}; return []; }`, { ticks: 1 });
    expect(r.faults, body).toEqual([]);
    return r.ticks[0]?.outcome?.budgetUsed ?? -1;
  };
  return used(extra) - used(base);
}

describe('array length writes in the sandbox', () => {
  for (const [name, expr] of Object.entries(SAME)) {
    if (name === 'keyOnce') continue;
    it(`mean what they mean in JavaScript: ${name}`, () => {
      expect(inSandbox(expr)).toBe(here(expr));
    });
  }

  it('convert a computed key once per write (V8 converts it twice for a compound one)', () => {
    expect(here(SAME.keyOnce as string)).toBe('4,1,3');
    expect(inSandbox(SAME.keyOnce as string)).toBe('4,1,2');
  });

  it("convert a new length's value once, so the charge and the store see the same number", () => {
    // V8 converts it twice (ToUint32, then ToNumber): here that is a RangeError, in the sandbox length 1.
    const expr = "(() => { const a = []; let c = 0; a.length = { valueOf() { c++; return c > 1 ? 60000 : 1; } }; return [a.length, c].join(); })()";
    expect(() => here(expr)).toThrow(RangeError);
    expect(inSandbox(expr)).toBe('1,1');
  });

  it("refuse a computed 'length' write on an array whose prototype chain misses Array.prototype", () => {
    const expr = "(() => { const a = []; Object.setPrototypeOf(a, null); a.length = 2; const k = 'length'; try { a[k] = 3; } catch (e) { return a.length + ' ' + e.message; } return 'no'; })()";
    expect(inSandbox(expr)).toMatch(/^2 matchday: an array whose prototype chain does not reach Array\.prototype/);
  });

  it('charge a growth by its size, to the unit, whichever way it is written', () => {
    const forms: Record<string, [string, string]> = {
      static: ['A.length = 10000', 'A.length = 0'],
      compound: ['A.length += 10000', 'A.length += 0'],
      computed: ['A[K] = 10000', 'A[K] = 0'],
      destructuring: ['[A.length] = [10000]', '[A.length] = [0]'],
      'Reflect.set': ["Reflect.set(A, 'length', 10000)", "Reflect.set(A, 'length', 0)"],
      'Object.defineProperty': ["Object.defineProperty(A, 'length', { value: 10000 })", "Object.defineProperty(A, 'length', { value: 0 })"],
      'Object.defineProperties': ['Object.defineProperties(A, { length: { value: 10000 } })', 'Object.defineProperties(A, { length: { value: 0 } })'],
      'Object.assign': ['Object.assign(A, { length: 10000 })', 'Object.assign(A, { length: 0 })'],
    };
    for (const [name, [grow, same]] of Object.entries(forms)) expect(units(grow, same), name).toBe(10000);
    // A shrink costs nothing more than the write itself; growing from 4000 to 10000 costs 6000.
    expect(units('A.length = 10000; A.length = 1', 'A.length = 10000; A.length = 10000')).toBe(0);
    expect(units('A.length = 4000; A.length = 10000', 'A.length = 4000; A.length = 4000')).toBe(6000);
  });

  it('refuse super.length and super[key] writes, and computed writes in a parameter list, at load', () => {
    expect(instrument('const o = { m() { super.length = 1; } };', 'p.js', 400)).toMatchObject({ ok: false, line: 1, problem: expect.stringMatching(/^writing super\.length or super\[key\]/) });
    expect(instrument('const o = { m(k) { super[k] += 1; } };', 'p.js', 400)).toMatchObject({ ok: false, problem: expect.stringMatching(/^writing super/) });
    expect(instrument('const o = { m() { super.x = 1; super[0] = 1; return super.length; } };', 'p.js', 400).ok).toBe(true);
    expect(instrument('function f(a, { [(a[a.k] = 1)]: x }) {}', 'p.js', 400)).toMatchObject({ ok: false, problem: expect.stringMatching(/^writing a computed property inside a parameter list/) });
    expect(instrument('function f(a, x = (a[a.k] = 1)) {}', 'p.js', 400).ok).toBe(true);
  });

  it('leave every other write as written: numeric and literal keys, other names, reads', () => {
    const src = 'const a = [], o = {};\na[0] = 1; a.x = 2; a["y"] = 3; o.len = a.length; a[1] += a[0]; a.b++;\n';
    const out = instrument(src, 'p.js', 400);
    expect(out.ok).toBe(true);
    expect(out.ok && out.code.endsWith(src)).toBe(true);
  });
});
