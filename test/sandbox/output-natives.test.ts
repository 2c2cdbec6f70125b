// join, toLocaleString and replace, replaced in the sandbox by versions that charge what they copy
// (guest/strings.ts), keep JavaScript's meaning: each expression gives the same string in the sandbox as
// in plain strict JavaScript in this process. The charges themselves are checked to the order of magnitude.
import { describe, expect, it } from 'vitest';
import { logs, probe, here } from './corpus.js';
import { runPolicy } from './harness.js';

/** Runs `body`, which returns an array of values, and gives them as JSON (errors by constructor name). */
const each = (body: string): string =>
  `(() => { const E = (f) => { try { return f(); } catch (e) { return 'throws ' + e.constructor.name; } }; return JSON.stringify(${body}); })()`;

const TEMPLATES = ['$$', '$&', '$`', "$'", '$0', '$1', '$2', '$01', '$10', '$11', '$00', '$<x>', '$<x', '$<', '$', 'x$', '$$$', '$&$&', 'a$1b$2c', '$<y>$1'];

const SAME: Record<string, string> = {
  joinBasic: each("[[1, 2, 3].join(), [1, null, undefined, 2].join('-'), [].join(), [1].join(undefined), [1, 2].join({ toString() { return '+'; } }), Array.prototype.join.call('abc'), Array.prototype.join.call({ length: 2, 0: 'x', 1: 'y' }), Array.prototype.join.call(5), [, 1, , 2].join(), [1.5, -0, NaN, 1e21, true].join(' '), [[1, [2, [3]]], 4].join(';')]"),
  joinCycles: each("(() => { const a = [1, 2]; a.push(a); const b = [a, 3]; a.push(b); return [a.join(), String(a), `${b}`, '' + a, a.toString(), a.toLocaleString(), b.join('|'), Array.prototype.join.call({ length: 1, 0: a })]; })()"),
  joinConversions: each("(() => { let c = 0, d = 0; const o = { toString() { c++; return 'x'; } }; const sep = { toString() { d++; return '/'; } }; const r = [o, o, [o]].join(sep); return [r, c, d, [{ valueOf() { return 1; }, toString() { return 't'; } }].join(), [{ [Symbol.toPrimitive](h) { return h; } }].join()]; })()"),
  joinErrors: each("[E(() => [Symbol()].join()), E(() => Array.prototype.join.call(null)), E(() => Array.prototype.join.call(undefined, ',')), E(() => [1].join(Symbol())), (() => { let first = true; const a = [1, { toString() { if (first) { first = false; throw new RangeError('x'); } return 'ok'; } }]; const e = E(() => a.join()); return [e, a.join()]; })()]"),
  joinMeta: each("[Array.prototype.join.length, Array.prototype.join.name, Array.prototype.toLocaleString.length, Array.prototype.toLocaleString.name, Uint8Array.prototype.join.length, String.prototype.replace.length, String.prototype.replaceAll.length, RegExp.prototype[Symbol.replace].length, RegExp.prototype[Symbol.replace].name]"),
  typed: each("[new Uint8Array([1, 2, 3]).join(), new Float64Array([1.5, -0, NaN, 1e21, -2.2250738585072014e-308]).join('|'), new Int8Array([1, 2]).toString(), String(new Uint16Array(2)), `${new Float32Array([0.25])}`, new Uint8Array([1, 2]).join({ toString() { return '.'; } }), new Float32Array([1.25, 1234.5]).toLocaleString(), new Float64Array([0.5]).toLocaleString('en-US', { style: 'percent' }), new Uint8Array(0).join(), E(() => Uint8Array.prototype.join.call([1, 2])), E(() => Uint8Array.prototype.toLocaleString.call([1]))]"),
  toLocale: each("[[1234.5, 'a', null, undefined, [1, 2], { toLocaleString() { return 'L'; } }].toLocaleString(), [1234.5].toLocaleString('de-DE'), [0.5, [0.25]].toLocaleString('en-US', { style: 'percent' }), E(() => [{ toLocaleString: 1 }].toLocaleString()), E(() => [Symbol()].toLocaleString()), [{ toLocaleString() { return 42; } }].toLocaleString(), Array.prototype.toLocaleString.call({ length: 2, 0: 1, 1: 'b' }), [{ toLocaleString(...a) { return a.length; } }].toLocaleString(), [{ toLocaleString(...a) { return a.length; } }].toLocaleString('en'), [{ toLocaleString(...a) { return a.length; } }].toLocaleString('en', {}), [{ toLocaleString(...a) { return a.length; } }].toLocaleString(undefined, {})]"),
  replaceStrings: each("['abcabc'.replace('b', 'X'), 'abcabc'.replaceAll('b', 'X'), 'abc'.replace('', '_'), 'abc'.replaceAll('', '_'), ''.replaceAll('', '_'), ''.replace('', '_'), 'aaa'.replaceAll('aa', 'b'), 'abc'.replace('z', 'y'), 'a1c'.replace(1, 'x'), 'anullb'.replace(null, '!'), 'aundefined'.replaceAll(undefined, 'x'), 'abc'.replace('b', 5), 'abc'.replace('b', undefined), 'abc'.replace({ toString() { return 'b'; } }, 'X'), String.prototype.replace.call(12321, 2, 0), String.prototype.replaceAll.call(12321, 2, 0), E(() => String.prototype.replace.call(null, 'a', 'b')), E(() => 'a'.replace(Symbol(), 'b')), E(() => 'a'.replace('a', Symbol()))]"),
  templatesString: each(`${JSON.stringify(TEMPLATES)}.map((t) => ['xabcx'.replace('b', t), 'xabcbx'.replaceAll('b', t), 'bb'.replaceAll('b', t)])`),
  templatesRegExp: each(`${JSON.stringify(TEMPLATES)}.map((t) => ['abab a'.replace(/(a)(b)?/g, t), 'xaby'.replace(/(?<x>a)(?<y>b)/, t), 'xay'.replace(/(?<x>a)(?<y>b)?/, t), 'a'.replace(/(a)(a)?(a)?(a)?(a)?(a)?(a)?(a)?(a)?(a)?(a)?/, t), 'abab'.replaceAll(/b/g, t)])`),
  replaceRegExp: each("['John Smith'.replace(/(\\w+)\\s(\\w+)/, '$2, $1'), 'axbx'.replace(/x/g, '[$&]'), 'abc'.replace(/(?:)/g, '-'), '\\u{1F600}'.replace(/(?:)/g, '-').length, (() => { const re = /a/g; re.lastIndex = 5; const r = 'aaa'.replace(re, 'b'); return [r, re.lastIndex]; })(), (() => { const re = /a/y; re.lastIndex = 1; const r = 'aaa'.replace(re, 'b'); return [r, re.lastIndex]; })(), /b/[Symbol.replace]('abc', '$&$&'), RegExp.prototype[Symbol.replace].call(/b/g, 'abcb', (m) => m + m), E(() => 'abc'.replaceAll(/b/, 'x')), 'abcb'.replaceAll(/b/g, '$`'), E(() => RegExp.prototype[Symbol.replace].call(1, 'a', 'b')), /a/[Symbol.replace](12, 3)]"),
  replaceFunctions: each("['abc'.replace('b', (...a) => JSON.stringify(a)), 'abcb'.replaceAll('b', (...a) => JSON.stringify(a)), 'a1b2'.replace(/(\\d)(x)?/g, (...a) => JSON.stringify(a)), 'a1'.replace(/(?<d>\\d)/, (...a) => JSON.stringify(a)), 'abc'.replace('b', () => 42), (() => { let c = 0; const r = 'abcb'.replaceAll('b', () => ({ toString() { c++; return '!'; } })); return [r, c]; })(), 'abc'.replace('b', function () { return typeof this; }), E(() => 'abc'.replace('b', () => Symbol())), E(() => 'abc'.replace(/b/, () => Symbol())), 'abc'.replace('b', '$&'.replace('$', () => '$$'))]"),
  replaceObjects: each("[(() => { const o = { [Symbol.replace](s, r) { return ['custom', s, typeof r, r].join(':'); } }; return ['abc'.replace(o, '$&'), 'abc'.replaceAll(o, '$`')]; })(), (() => { const o = { [Symbol.match]: true, flags: 'g', [Symbol.replace](s) { return 'm:' + s; } }; const n = { [Symbol.match]: true, flags: 'i', [Symbol.replace]() { return 'no'; } }; return ['abc'.replaceAll(o, 'x'), E(() => 'abc'.replaceAll(n, 'x')), E(() => 'abc'.replaceAll({ [Symbol.match]: true, flags: null }, 'x'))]; })(), E(() => 'abc'.replace({ [Symbol.replace]: 1 }, 'x')), (() => { class R extends RegExp { exec(s) { const r = super.exec(s); if (r) r[0] = r[0].toUpperCase(); return r; } } return 'abab'.replace(new R('a', 'g'), '[$&]'); })(), (() => { class N extends RegExp { exec(s) { const r = super.exec(s); if (r) r.groups = null; return r; } } return [E(() => 'ab'.replace(new N('a'), '$<x>')), 'ab'.replace(new N('a'), (...a) => String(a[a.length - 1]))]; })(), (() => { class G extends RegExp { exec(s) { const r = super.exec(s); if (r) r.groups = 'str'; return r; } } return ['ab'.replace(new G('a'), '[$<length>]'), 'ab'.replace(new G('a'), (...a) => a.length)]; })(), 'ab'.replace(/a/, '$<x>')]"),
  jsonBasic: each("[JSON.stringify({ a: [1, 'x', null, undefined, () => 1, { b: true }], c: undefined, 'k\\u0001': '\\u0001' }), JSON.stringify([undefined, function () {}, Symbol()]), JSON.stringify('s'), String(JSON.stringify(undefined)), JSON.stringify(1), JSON.stringify(new Float64Array(2))]"),
  jsonSpace: each("(() => { const v = { a: 1, b: [1, { c: [] }, {}] }; let calls = 0; const n = new Number(3); Object.defineProperty(n, 'valueOf', { value: () => { calls++; return 5; } }); return [2, 20, -1, 2.7, NaN, 'abcdefghijklmnop', '--', new Number(3), new String('ab'), { valueOf() { return 3; } }, n, '', 0].map((s) => JSON.stringify(v, null, s)).concat([calls]); })()"),
  jsonListOrder: each("[JSON.stringify({ a: 1, 1: 2, b: 3 }, ['a', 1, 'b']), JSON.stringify({ 2: { 1: 'x', 2: 'y', a: 'z' }, 1: 2 }, ['2', 'a', '1']), JSON.stringify(Object.create({ a: 1 }), ['a']), JSON.stringify([{ 10: 1, 9: 2 }], ['10', '9'], 1), JSON.stringify({ b: 1, a: 2, 0: 3 }, ['b', 'a', '0', 'b']), JSON.stringify({ x: { toJSON() { return { 2: 'two', 1: 'one' }; } } }, ['x', '2', '1']), E(() => { const o = { a: 1 }; o.self = o; return JSON.stringify(o, ['a', 'self']); }), E(() => { const o = { a: {} }; o.a.b = [o]; return JSON.stringify(o, ['a', 'b']); }), (() => { const s = { v: 1 }; return JSON.stringify({ a: s, b: s }, ['a', 'b', 'v']); })()]"),
  jsonReplacers: each("(() => { const seen = []; const r1 = JSON.stringify({ a: 1, b: [2, { c: 3 }] }, function (k, v) { seen.push([k, Array.isArray(this), typeof this, typeof v]); return typeof v === 'number' ? v * 10 : v; }); const r2 = JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 }, e: 'one' }, ['c', 'a', 'e', 'c']); const r3 = JSON.stringify({ x: { toJSON(k) { return 'k=' + k; } }, d: [{ toJSON(k) { return [k, 2]; } }] }); const r4 = JSON.stringify({ x: { toJSON() { return { y: 1 }; } } }, (k, v) => (k === 'y' ? 'Y' : v)); const r5 = String(JSON.stringify(1, () => undefined)); const r6 = JSON.stringify({ a: [1] }, (k, v) => (k === 'a' ? { deep: { er: v } } : v), 1); return [r1, seen, r2, r3, r4, r5, r6]; })()"),
  jsonErrors: each("[E(() => { const a = [1]; a.push(a); return JSON.stringify(a); }), E(() => JSON.stringify({ toJSON() { throw new RangeError('x'); } })), E(() => JSON.stringify({ a: 1 }, () => { throw new TypeError('y'); })), E(() => { const o = { a: 1 }; return JSON.stringify(o, (k, v) => (k === 'a' ? o : v)); })]"),
};

const inSandbox = (expr: string): string => {
  const r = runPolicy(probe(expr), { ticks: 1, limits: { maxLogChars: 100_000 } });
  expect(r.setup.ok, r.setup.reason).toBe(true);
  expect(r.faults, expr).toEqual([]);
  return logs(r)[0] ?? '';
};

/** Units a tick of `body` costs over an empty tick, for a policy whose top level is `pre`. */
function units(pre: string, body: string): number {
  const used = (b: string): number => {
    const r = runPolicy(`${pre}\nexport function tick() { ${b}; return []; }`, { ticks: 1, limits: { tickBudget: 50_000_000, callWallMs: 30_000 } });
    expect(r.faults, b).toEqual([]);
    return r.ticks[0]?.outcome?.budgetUsed ?? -1;
  };
  return used(body) - used('');
}

describe('output natives in the sandbox', () => {
  for (const [name, expr] of Object.entries(SAME)) {
    it(`mean what they mean in JavaScript: ${name}`, () => {
      const want = here(expr);
      expect(want).not.toMatch(/throws (?!TypeError|RangeError)/);
      expect(inSandbox(expr)).toBe(want);
    });
  }

  it('charge a join by the characters it copies, 8 a unit', () => {
    const pre = "const a = new Array(100).fill(1); const s = 'x'.repeat(80000); const b = new Array(10).fill(s);";
    // 99 separators of 80,000 characters: 990,000 units; the 100 elements' reading is the rest.
    expect(units(pre, 'a.join(s)')).toBeGreaterThanOrEqual(990_000);
    expect(units(pre, 'a.join(s)')).toBeLessThan(991_000);
    expect(units(pre, 'b.join()')).toBeGreaterThanOrEqual(100_000);
    expect(units(pre, "const x = '' + b")).toBeGreaterThanOrEqual(100_000);
    expect(units(pre, 'new Uint8Array(100).join(s)')).toBeGreaterThanOrEqual(990_000);
    // A separator whose toString says one thing is converted once: the charge and the native see the same string.
    expect(units(pre, 'a.join({ toString() { return s; } })')).toBeGreaterThanOrEqual(990_000);
    // Short joins cost what they did: their length and a unit.
    expect(units(pre, '[1, 2, 3].join()')).toBeLessThan(10);
  });

  it('charge JSON.stringify for what toJSON and a replacer make, keys and indentation', () => {
    const pre = "const big = new Array(10000).fill(1); const o = { toJSON() { return big; } }; const s = 'x'.repeat(80000);";
    // The 10,000 elements toJSON returns are serialised: a unit each, at least.
    expect(units(pre, 'JSON.stringify([o])')).toBeGreaterThanOrEqual(10_000);
    // With a property list too (coerce.ts turns it into a replacer, which ours calls).
    expect(units(pre, "JSON.stringify({ a: o }, ['a'])")).toBeGreaterThanOrEqual(10_000);
    expect(units(pre, 'JSON.stringify([1], () => s)')).toBeGreaterThanOrEqual(10_000);
    expect(units(pre, 'JSON.stringify({ [s]: 1 })')).toBeGreaterThanOrEqual(10_000);
    // 1,000 values at depth 10, each indented by 100 characters: 12 units or more apiece.
    expect(units("let v = new Array(1000).fill(1); for (let i = 0; i < 9; i++) v = [v];", 'JSON.stringify(v, null, 10)')).toBeGreaterThanOrEqual(12_000);
    expect(units(pre, 'JSON.stringify({ a: [1, 2] })')).toBeLessThan(30);
  });

  it('charge a replacement by the characters it makes, 8 a unit', () => {
    const pre = "const r = 'x'.repeat(80000); const s = 'aaaa';";
    expect(units(pre, "s.replaceAll('a', r)")).toBeGreaterThanOrEqual(40_000);
    expect(units(pre, "s.replace(/a/g, r)")).toBeGreaterThanOrEqual(40_000);
    expect(units(pre, "s.replace('a', () => r)")).toBeGreaterThanOrEqual(10_000);
    expect(units(pre, "s.replace(/a/g, () => r)")).toBeGreaterThanOrEqual(40_000);
    // Each of 1,000 matches copies the string before it: 499,500 characters.
    expect(units(pre, "r.slice(0, 1000).replaceAll('x', '$`')")).toBeGreaterThanOrEqual(499_500 / 8);
    expect(units(pre, "'abc'.replace('b', 'X')")).toBeLessThan(10);
  });
});
