// Hostile corpus, work: every native and syntax form that does more than constant work is
// charged by the real size of its input, before it runs, or bounded, or unavailable; native
// recursion meets a fixed cap far below V8's stack limit; async code is refused at load.
import { expect } from 'vitest';
import { budget, logs, probe, refused, threw, tick, type Case } from '../corpus.js';

const BIG = 'const a = new Array(100000).fill(1);';
/** `n` times `body` in one tick, then `[]`: uncharged, each case would take seconds. */
const times = (n: number, body: string): string => tick(`for (let k = 0; k < ${n}; k++) { ${body} }\nreturn [];`);
const depth = threw(/call depth passed 400/);
/** An array of 100 strings of 100,000 characters. */
const LONG_ELEMENTS = "const s = 'x'.repeat(100000);\nconst a = new Array(100).fill(s);";

export const WORK_CASES: Case[] = [
  // Syntax forms.
  { name: 'array spread of a big array', source: `${BIG}\n${times(100, 'const x = [...a];')}`, check: budget },
  { name: 'array spread of a Set', source: `${BIG}\nconst s = new Set(a.map((_, i) => i));\n${times(100, 'const x = [...s];')}`, check: budget },
  { name: 'spread of a Map iterator', source: `${BIG}\nconst m = new Map(a.map((_, i) => [i, i]));\n${times(100, 'const x = [...m.values()];')}`, check: budget },
  { name: 'object spread of a big object', source: `const o = {};\nfor (let i = 0; i < 20000; i++) o['k' + i] = i;\n${times(100, 'const x = { ...o };')}`, check: budget },
  { name: 'for-in over a big array, left at once', source: `${BIG}\n${times(100, 'for (const i in a) break;')}`, check: budget },
  { name: 'rest destructuring of a big array', source: `${BIG}\n${times(100, 'const [first, ...rest] = a;')}`, check: budget },
  // Constructors.
  { name: 'new Array(n)', source: times(1000, 'const x = new Array(100000);'), check: budget },
  { name: 'Array(n) without new', source: times(1000, 'const x = Array(100000);'), check: budget },
  { name: 'new ([].constructor)(n)', source: times(1000, 'const x = new ([].constructor)(16000);'), check: budget },
  { name: 'Reflect.construct(Array, [n])', source: times(1000, 'const x = Reflect.construct(Array, [16000]);'), check: budget },
  { name: 'Reflect.apply(Array, null, [n])', source: times(1000, 'const x = Reflect.apply(Array, null, [16000]);'), check: budget },
  { name: 'Array.apply(null, [n])', source: times(1000, 'const x = Array.apply(null, [16000]);'), check: budget },
  { name: 'new Array(n) through a subclass', source: `class A extends Array {}\n${times(1000, 'const x = new A(16000);')}`, check: budget },
  { name: 'Array.from(iterator)', source: `${BIG}\nconst s = new Set(a.map((_, i) => i));\n${times(100, 'Array.from(s.values());')}`, check: budget },
  { name: 'Array.from with a getter length that lies', source: times(100, "Array.from({ get length() { return 1e6; } });"), check: threw(/array-like whose length is not a plain number/) },
  { name: 'new Set(big array)', source: `${BIG}\n${times(100, 'new Set(a);')}`, check: budget },
  { name: 'new Map(big array)', source: `${BIG}\nconst pairs = a.map((_, i) => [i, i]);\n${times(100, 'new Map(pairs);')}`, check: budget },
  { name: 'new Float64Array(n)', source: times(100, 'new Float64Array(1000000);'), check: budget },
  { name: 'new Float64Array(big array)', source: `${BIG}\n${times(100, 'new Float64Array(a);')}`, check: budget },
  { name: 'new ArrayBuffer(n)', source: times(100, 'new ArrayBuffer(64 * 1024 * 1024);'), check: budget },
  // Object and Reflect.
  { name: 'Object.assign from a big object', source: `const o = {};\nfor (let i = 0; i < 20000; i++) o['k' + i] = i;\n${times(100, 'Object.assign({}, o);')}`, check: budget },
  { name: 'Object.assign from a big array', source: `${BIG}\n${times(100, 'Object.assign({}, a);')}`, check: budget },
  { name: 'Reflect.ownKeys of a big object', source: `const o = {};\nfor (let i = 0; i < 20000; i++) o['k' + i] = i;\n${times(100, 'Reflect.ownKeys(o);')}`, check: budget },
  { name: 'Object.keys of a big array', source: `${BIG}\n${times(100, 'Object.keys(a);')}`, check: budget },
  // Strings and regular expressions.
  { name: 'URI functions on a long string', source: `const s = 'é'.repeat(100000);\n${times(100, 'encodeURIComponent(s);')}`, check: budget },
  { name: 'decodeURIComponent on a long string', source: `const s = '%41'.repeat(100000);\n${times(100, 'decodeURIComponent(s);')}`, check: budget },
  { name: 'RegExp test over a long string', source: `const s = 'a'.repeat(100000);\nconst re = /b/;\n${times(1000, 're.test(s);')}`, check: budget },
  { name: 'RegExp exec over a long string', source: `const s = 'a'.repeat(100000);\nconst re = /b/;\n${times(1000, 're.exec(s);')}`, check: budget },
  { name: 'indexOf on a long rope', source: `let s = 'ab';\nfor (let i = 0; i < 20; i++) s += s;\n${times(100, "s.indexOf('z');")}`, check: budget },
  { name: 'String.raw of a template whose raw length is huge', source: times(100, 'String.raw({ raw: { length: 1000000 } });'), check: budget },
  { name: 'String.raw of long raw segments', source: `const s = 'x'.repeat(100000);\nconst raw = new Array(100).fill(s);\n${times(3000, 'String.raw({ raw });')}`, check: budget },
  // Output far longer than the input's size (guest/strings.ts): join and every conversion that calls it, and
  // replace with a string search, charged by the characters they copy. Uncharged (main at 50e35c1, tick budget
  // 500,000, one tick): each join form below ran past a 60 s wall net on 500,000 units (~120 us a unit); the
  // replaceAll case took ~1.2 s on ~150,000 units (4,000,000 characters a call), and the replace case
  // 0.9-1.5 s on ~200,000 units, neither exhausting the budget. Charged, each exhausts it within milliseconds.
  ...[
    ['join with a long separator', "const a = new Array(100).fill(1);\nconst sep = 'x'.repeat(100000);", 'a.join(sep);'],
    ['join of long strings', LONG_ELEMENTS, 'a.join();'],
    ['toString of an array of long strings', LONG_ELEMENTS, 'a.toString();'],
    ["'' + an array of long strings", LONG_ELEMENTS, "const z = '' + a;"],
    ['a template literal of an array of long strings', LONG_ELEMENTS, 'const z = `${a}`;'],
    ['String(an array of long strings)', LONG_ELEMENTS, 'String(a);'],
    ['toLocaleString of an array of long strings', LONG_ELEMENTS, 'a.toLocaleString();'],
    ['typed array join with a long separator', "const a = new Uint8Array(100);\nconst sep = 'x'.repeat(100000);", 'a.join(sep);'],
  ].map(([name, pre, body]): Case => ({ name: name as string, source: `${pre as string}\n${times(3000, body as string)}`, check: budget })),
  { name: 'replaceAll of a string with a long replacement', source: `const r = 'x'.repeat(1000000);\n${times(30000, "'aaaa'.replaceAll('a', r);")}`, check: budget },
  { name: 'replace of a string with a long replacement', source: `const r = 'x'.repeat(1000000);\n${times(100000, "'a'.replace('a', r);")}`, check: budget },
  // JSON.stringify: what toJSON and a replacer return, long keys and indentation (guest/strings.ts). Uncharged
  // (main at b5dec38, one tick, budget 500,000): the toJSON case 8.6 s on ~210,000 units, the indent case 2.6 s
  // on ~415,000, the replacer case 0.3 s on ~15,000 (~20 us a unit), the long keys 0.3 s on ~129,000; none
  // exhausted the budget.
  { name: 'JSON.stringify of values whose toJSON returns a big array', source: `const big = new Array(10000).fill(1);\nconst o = { toJSON() { return big; } };\nconst a = new Array(100).fill(o);\n${times(300, 'JSON.stringify(a);')}`, check: budget },
  { name: 'JSON.stringify with a replacer returning a long string', source: `const a = [1];\nconst s = 'x'.repeat(100000);\n${times(3000, 'JSON.stringify(a, () => s);')}`, check: budget },
  { name: 'JSON.stringify indented 10 at depth 190', source: `let o = [new Array(1000).fill(1)];\nfor (let i = 0; i < 190; i++) o = [o];\n${times(300, 'JSON.stringify(o, null, 10);')}`, check: budget },
  { name: 'JSON.stringify of an object with long keys', source: `const o = {};\nfor (let i = 0; i < 10; i++) o['k'.repeat(10000) + i] = 1;\n${times(3000, 'JSON.stringify(o);')}`, check: budget },
  // Lengths the policy controls.
  {
    name: 'typed array with an own length of 0 sorted',
    source: `const t = new Float64Array(1000000);\nObject.defineProperty(t, 'length', { value: 0 });\n${times(10, 't.sort();')}`,
    check: budget,
  },
  { name: 'sort of a generic array-like with a getter length', source: times(10, "Array.prototype.sort.call({ get length() { return 1e6; } });"), check: threw(/array-like whose length is not a plain number/) },
  // An array's length grown: V8 fills n holes (and trims them on the shrink back), so the growth is charged
  // (guest/lengths.ts). Uncharged, each of these cost ~2.5 s of CPU for ~1,000 units. One case per way to write it.
  ...[
    ['a.length = n', 'a.length = 60000; a.length = 1;'],
    ['a.length += n', 'a.length += 60000; a.length = 1;'],
    ['a.length ||= n', 'a.length = 0; a.length ||= 60000;'],
    ["a['length'] = n", "a['length'] = 60000; a['length'] = 1;"],
    ["(a).length = n", '(a).length = 60000; a.length = 1;'],
    ["a[key] = n, key === 'length'", 'a[key] = 60000; a[key] = 1;'],
    ["a[o] = n, o's toString gives 'length'", 'a[o] = 60000; a[o] = 1;'],
    ['a[key] += n', 'a[key] += 60000; a[key] = 1;'],
    ['[a.length] = [n]', '[a.length] = [60000]; a.length = 1;'],
    ['[a[key]] = [n]', '[a[key]] = [60000]; a.length = 1;'],
    ['[...a.length] = [n]', '[...a.length] = [60000]; a.length = 1;'],
    ['({ x: a.length } = o)', '({ x: a.length } = big); a.length = 1;'],
    ['({ length: a.length } = o)', '({ length: a.length } = big); a.length = 1;'],
    ['({ x: a[key] = n } = {})', '({ x: a[key] = 60000 } = {}); a.length = 1;'],
    ['for (a.length of [n, 1])', 'for (a.length of [60000, 1]);'],
    ['for (a[key] of [n, 1])', 'for (a[key] of [60000, 1]);'],
    ['a.length = a value whose valueOf gives n', 'a.length = v; a.length = 1;'],
    ["Reflect.set(a, 'length', n)", "Reflect.set(a, 'length', 60000); a.length = 1;"],
    ["Reflect.set({}, 'length', n, a)", "Reflect.set({}, 'length', 60000, a); a.length = 1;"],
    ["Object.defineProperty(a, 'length', { value: n })", "Object.defineProperty(a, 'length', { value: 60000 }); a.length = 1;"],
    ["Reflect.defineProperty(a, 'length', { value: n })", "Reflect.defineProperty(a, 'length', { value: 60000 }); a.length = 1;"],
    ['Object.defineProperties(a, { length: { value: n } })', 'Object.defineProperties(a, { length: { value: 60000 } }); a.length = 1;'],
    ['Object.assign(a, { length: n })', 'Object.assign(a, big); a.length = 1;'],
  ].map(([name, body]): Case => ({
    name: `length grown: ${name}`,
    source: `const a = [];\nconst key = 'length';\nconst o = { toString() { return 'length'; } };\nconst big = { x: 60000, length: 60000 };\nconst v = { valueOf() { return 60000; } };\n${times(1000, body as string)}`,
    check: budget,
  })),
  { name: 'length grown through a method of an Array subclass', source: `class A extends Array { grow(n) { this.length = n; } }\nconst a = new A();\n${times(1000, 'a.grow(60000); a.length = 1;')}`, check: budget },
  { name: 'length grown through super is refused at load', source: `const o = { __proto__: {}, m(n) { super.length = n; } };\n${tick('return [];')}`, check: (r) => refused(r, /^hostile\.js:1: writing super\.length or super\[key\] is not allowed/) },
  // map and filter run the runtime's own loop on plain arrays (guest/natives.ts, fastBuilders): the same charge
  // before the loop, a hole is no cheaper a way to make it walk, and what a callback builds is its own work.
  { name: 'map over a sparse array of a huge length', source: `const a = [];\na[2 ** 32 - 2] = 0; // length 2 ** 32 - 1 (a length write of that size is charged)\nconst f = (x) => x;\n${times(10, 'a.map(f);')}`, check: budget },
  { name: 'filter over a sparse array just under the budget', source: `const a = [];\na.length = 60000;\nconst f = (x) => x;\n${times(100, 'a.filter(f);')}`, check: budget },
  { name: 'slice of a sparse array of a huge length', source: `const a = [];\na[2 ** 32 - 2] = 0; // length 2 ** 32 - 1 (a length write of that size is charged)\n${times(10, 'a.slice(1, 2);')}`, check: budget },
  { name: 'slice with a bound whose valueOf loops', source: `const a = [1, 2];\nconst o = { valueOf() { for (;;); } };\n${times(10, 'a.slice(o);')}`, check: budget },
  { name: 'map whose callback builds big arrays', source: `const one = [1];\n${times(1000, 'one.map(() => new Array(16000));')}`, check: budget },
  { name: 'filter whose callback builds through [].constructor', source: `const one = [1];\n${times(1000, 'one.filter(() => new ([].constructor)(16000));')}`, check: budget },
  { name: 'map on an array whose own constructor builds big arrays', source: `class C extends Array { constructor(n) { super(16000); } }\nconst a = [1];\nObject.defineProperty(a, 'constructor', { value: C });\n${times(1000, 'a.map((x) => x);')}`, check: budget },
  // The charging constructors build with the real one as new.target when called directly (natives.ts, wrapFn);
  // a subclass or a foreign new.target takes the other branch, charged the same.
  { name: 'new Set(big array) through a subclass', source: `${BIG}\nclass S extends Set {}\n${times(100, 'new S(a);')}`, check: budget },
  { name: 'Reflect.construct(Map, [pairs], other new.target)', source: `${BIG}\nconst pairs = a.map((_, i) => [i, i]);\nfunction P() {}\nP.prototype = Map.prototype;\n${times(100, 'Reflect.construct(Map, [pairs], P);')}`, check: budget },
  // Charged before, also when the native throws.
  { name: 'JSON.stringify of a big cyclic array, caught', source: `${BIG}\na.push(a);\n${times(100, 'try { JSON.stringify(a); } catch (e) {}')}`, check: budget },
  // Native recursion, bounded at a fixed depth.
  { name: 'nested arrays turned to a string (toString chain)', source: `let a = [];\nfor (let i = 0; i < 10000; i++) a = [a];\n${tick('return [String(a)];')}`, check: depth },
  { name: 'a chain of bound functions', source: tick('let f = () => 1;\nfor (let i = 0; i < 100000; i++) f = f.bind(null);\nreturn [f()];'), check: threw(/chain of more than 64 bound functions/) },
  { name: 'JSON.stringify of a deeply nested object', source: `let o = {};\nfor (let i = 0; i < 100000; i++) o = { o };\n${tick('return [JSON.stringify(o)];')}`, check: threw(/nested deeper than 200 levels/) },
  { name: 'flat(Infinity) of deeply nested arrays', source: `let a = [];\nfor (let i = 0; i < 100000; i++) a = [a];\n${tick('return a.flat(Infinity);')}`, check: threw(/flat depth Infinity/) },
  { name: 'a spread call with a huge argument list', source: `const a = new Array(200000).fill(1);\n${tick('return [Math.max(...a)];')}`, check: threw(/argument list of 200000 values/) },
  { name: 'apply with a huge argument list', source: `const a = new Array(200000).fill(1);\n${tick('return [Math.max.apply(null, a)];')}`, check: threw(/argument list of 200000 values/) },
  { name: 'Reflect.apply with a huge argument list', source: `const a = new Array(200000).fill(1);\n${tick('return [Reflect.apply(Math.max, null, a)];')}`, check: threw(/argument list of 200000 values/) },
  {
    name: 'a function with thousands of parameters is refused at load',
    source: `function f(${Array.from({ length: 3000 }, (_, i) => `p${i}`).join(', ')}) { return p0; }\n${tick('return [];')}`,
    check: (r) => refused(r, /^hostile\.js:1: a function may declare at most 255 parameters \(found 3000\)/),
  },
  // Values computed before any body runs count toward the depth too: uncounted, this recursion met
  // V8's own stack limit, a RangeError the policy could catch at a depth that differs between machines.
  { name: 'recursion through a parameter default, caught', source: `function f(n, x = f(n + 1)) { return x; }\n${tick('try { f(0); } catch (e) { return [String(e)]; }\nreturn [];')}`, check: depth },
  { name: 'recursion through a class field initializer, caught', source: `class A { a = new A(); }\n${tick('try { new A(); } catch (e) { return [String(e)]; }\nreturn [];')}`, check: depth },
  // The depth counter cannot be driven below zero.
  {
    name: 'generators suspended inside their body across ticks',
    source:
      'let gens = [];\nfunction* g() { try { yield 1; yield 2; } finally { } }\nfunction f(n) { return n <= 0 ? 0 : 1 + f(n - 1); }\n' +
      tick('for (const x of gens) x.next();\ngens = [];\nfor (let i = 0; i < 3000; i++) { const x = g(); x.next(); gens.push(x); }\nreturn [f(1000)];'),
    opts: { ticks: 4 },
    check: depth,
  },
  {
    name: 'a chain of generators resuming each other, prepared a tick before',
    source:
      'let chain = [];\nfunction* link(i) { yield 0; if (chain[i + 1]) chain[i + 1].next(); yield 1; }\n' +
      tick('const old = chain;\nchain = [];\nfor (let i = 0; i < 5000; i++) { chain.push(link(i)); chain[i].next(); }\nif (old.length) old[0].next();\nreturn [];'),
    opts: { ticks: 3 },
    check: (r) => {
      expect(r.ticks[0]?.outcome?.faults).toBeUndefined();
      expect(r.ticks[1]?.outcome?.faults?.[0]?.message).toMatch(/call depth passed 400/);
    },
  },
  // Resuming a generator is charged as an iterator step (property test, policy 509: uncharged, this tick cost
  // ~50 ms of CPU within its budget).
  { name: 'spread of a long generator', source: `function* gen(k) { for (let i = 0; i < k; i++) yield i; }\n${times(3, 'const x = [...gen(30000)];')}`, check: budget },
  { name: 'for-of over a long generator', source: `function* gen(k) { for (let i = 0; i < k; i++) yield i; }\n${times(3, 'let n = 0; for (const v of gen(60000)) n += v;')}`, check: budget },
  { name: 'generators still work', source: probe('(() => { function* g() { yield 1; yield 2; } return [...g()].join(","); })()'), check: (r) => expect(logs(r)).toEqual(['1,2']) },
  // Microtasks: no promise can be made.
  { name: 'an async function is refused at load', source: `async function f() { return 1; }\n${tick('return [];')}`, check: (r) => refused(r, /^hostile\.js:1: async functions and await are not allowed/) },
  { name: 'an async arrow is refused at load', source: tick('const f = async () => 1;\nreturn [];'), check: (r) => refused(r, /^hostile\.js:2: async functions/) },
  { name: 'Promise is not offered', source: tick('Promise.resolve(1).then(() => { for (;;); });\nreturn [];'), check: threw(/ReferenceError: Promise is not defined/) },
  // Plain use keeps working and stays cheap.
  {
    name: 'ordinary built-ins used plainly stay within budget',
    source: probe(
      "(() => { const a = [3, 1, 2]; const s = new Set(a); const m = new Map([[1, 'x']]); const o = { ...{ p: 1 }, q: 2 }; let n = 0; for (const k in o) n++; " +
        "return [...s].sort().join('') + Array.from(m.keys()).join('') + Object.keys(o).join('') + n + Math.max(...a) + new Float64Array(a).length + JSON.stringify({ a }) + encodeURIComponent('a b'); })()",
    ),
    check: (r) => { expect(r.faults).toEqual([]); expect(logs(r)).toEqual(['1231pq233{"a":[3,1,2]}a%20b']); },
  },
];

