// Hostile corpus, red team (rt1): native work that was far larger than its charge, found by a fresh
// attacker's read. Each case failed before its fix: it ran for seconds on a few units, or the net fired.
import { expect } from 'vitest';
import { budget, logs, probe, refused, threw, tick, type Case } from '../corpus.js';

/** `n` times `body` in one tick, then `[]`. */
const times = (n: number, body: string): string => tick(`for (let k = 0; k < ${n}; k++) { ${body} }\nreturn [];`);
const says = (expected: string[]) => (r: Parameters<Case['check']>[0]): void => {
  expect(r.faults).toEqual([]);
  expect(logs(r)).toEqual(expected);
};

/** A prototype chain of 30,000 objects built at load (setup budget), then `op` on it n times a tick. */
const chain = (n: number, op: string): string =>
  `let p = {};\nconst root = p;\nfunction F() {}\nfor (let i = 0; i < 30000; i++) p = Object.create(p);\n${times(n, op)}`;

/** An object whose toString returns a long string (built at load): natives convert it themselves. */
const longText = (expr: string): string => `const s = ${expr};\nconst o = { toString() { return s; } };\n`;

const depth = threw(/call depth passed 400/);
/** What plain Node prints for EXPR_JSON (computed outside the sandbox, node 20). */
const EXPR_JSON = "[JSON.stringify({ a: 1, b: [1, { c: 2, toJSON() { return { d: 3 }; } }], get e() { return [4, 5]; }, f: undefined, g: () => 1 }),\nJSON.stringify({ a: 1, b: { a: 2, c: 3 }, __proto__: { z: 1 } }, ['b', 'a', 'zz', '__proto__']),\nJSON.stringify({ a: [1, 2], b: 'x' }, function (k, v) { return typeof v === 'number' ? v * 2 : v; }, 2),\nJSON.stringify([new Number(3), new String('s'), new Boolean(false), null, NaN]),\nJSON.stringify('str'), JSON.stringify(5, (k, v) => v + 1), JSON.stringify(undefined), JSON.stringify({ a: 1 }, null, '--'),\nJSON.parse('{\"a\":[1,{\"b\":2}]}', function (k, v) { return typeof v === 'number' ? v + 1 : v; }).a[1].b].join(' ; ')";
const EXPECTED_JSON = "{\"a\":1,\"b\":[1,{\"d\":3}],\"e\":[4,5]} ; {\"b\":{\"a\":2,\"__proto__\":{\"__proto__\":null}},\"a\":1,\"__proto__\":{\"__proto__\":{\"__proto__\":null}}} ; {\n  \"a\": [\n    2,\n    4\n  ],\n  \"b\": \"x\"\n} ; [3,\"s\",false,null,null] ; \"str\" ; 6 ;  ; {\n--\"a\": 1\n} ; 3";

export const REDTEAM_CASES: Case[] = [
  // A string input given as an object: charged as the object (1 unit, 0 as a receiver), the native converted
  // it and scanned the long string (100 encodeURIComponent(o) a tick, 4 MB each: past the 2 s net on ~300 units).
  { name: 'encodeURIComponent of an object whose toString is long', source: longText("'a'.repeat(1 << 22)") + times(100, 'encodeURIComponent(o);'), check: budget },
  { name: 'a String.prototype method called on an object whose toString is long', source: longText("'a'.repeat(1 << 22)") + times(100, "String.prototype.indexOf.call(o, 'b');"), check: budget },
  { name: 'parseFloat of an object whose toString is long', source: longText("'1'.repeat(1 << 22)") + times(100, 'Number.parseFloat(o); parseFloat(o);'), check: budget },
  { name: 'JSON.parse of an object whose toString is long', source: longText("'[' + '1,'.repeat(1 << 20) + '1]'") + times(100, 'JSON.parse(o);'), check: budget },
  {
    name: 'a string input given as an object still converts once and answers as before',
    source: longText("'a-b'") + tick("let n = 0;\nconst p = { toString() { n++; return 'x-y'; } };\nconsole.log([String.prototype.split.call(o, '-').join(), encodeURIComponent(p), /y/.test(p), JSON.parse({ toString: () => '[1]' })[0], parseInt({ toString: () => '42' }), n].join());\nreturn [];"),
    check: says(['a,b,x-y,true,1,42,2']),
  },
  // JSON.parse with a reviver recursed in C++ until the real stack ended, at a depth that moves with JIT
  // state: now a fixed refusal past 200 levels, like JSON.stringify.
  { name: 'JSON.parse with a reviver on text nested 3,000 deep', source: tick("JSON.parse('['.repeat(3000) + ']'.repeat(3000), (k, v) => v);\nreturn [];"), check: threw(/JSON\.parse with a reviver on text nested deeper than 200 levels/) },
  {
    name: 'JSON.parse with a reviver on text nested 200 deep, strings with brackets inside, still parses',
    source: probe("JSON.parse('['.repeat(199) + '{\"a\":\"]]\\\\\\\"[[\"}' + ']'.repeat(199), (k, v) => v).length"),
    check: says(['1']),
  },
  // JSON.parse with a reviver and JSON.stringify recurse in C++, calling policy code at every level: a
  // reviver or toJSON that parses or stringifies again reached V8's real stack end 12 to 73 calls in, at a
  // count that changed between ticks of one match, and a toJSON or getter could hand over a structure of
  // any depth. Their levels now count as call depth (guest/coerce.ts).
  {
    name: 'JSON.parse again inside its reviver, at the deepest level, over and over',
    source: `const text = '['.repeat(200) + ']'.repeat(200);\nfunction rev(k, v) { if (Array.isArray(v) && v.length === 0) JSON.parse(text, rev); return v; }\n${tick('JSON.parse(text, rev);\nreturn [];')}`,
    check: depth,
  },
  {
    name: 'JSON.stringify again inside toJSON, at the deepest level, over and over',
    source: `let o = { toJSON() { return JSON.stringify(root); } };\nfor (let i = 0; i < 190; i++) o = [o];\nconst root = o;\n${tick('JSON.stringify(root);\nreturn [];')}`,
    check: depth,
  },
  {
    name: 'JSON.stringify of a structure 20,000 deep handed over by toJSON or a getter',
    source: `let deep = [];\nfor (let i = 0; i < 20000; i++) deep = [deep];\n${tick('JSON.stringify({ toJSON() { return deep; } });\nJSON.stringify({ get a() { return deep; } });\nreturn [];')}`,
    check: depth,
  },
  {
    name: 'flat again inside a getter of an element at the deepest level, over and over',
    source: `const inner = [];\nObject.defineProperty(inner, 0, { get() { return root.flat(199); }, enumerable: true });\nlet o = inner;\nfor (let i = 0; i < 198; i++) o = [o];\nconst root = o;\n${tick('root.flat(199);\nreturn [];')}`,
    check: depth,
  },
  { name: 'flat still flattens', source: probe('[1, [2, [3, [4]]], [[5]]].flat(2).join() + " " + [[1], [2]].flat().length'), check: says(['1,2,3,4,5 2']) },
  {
    name: 'JSON.stringify and JSON.parse answer as in plain JavaScript (toJSON, getters, replacers, property lists, space)',
    source: probe(EXPR_JSON),
    opts: { limits: { maxLogChars: 2000 } },
    check: says([EXPECTED_JSON]),
  },
  // Formatting and parsing numbers and dates: about a microsecond of native work each, for 1 unit or none
  // (400,000 Date toString calls fit a tick's budget: ~0.6 s of CPU). Now 16 units each (guest/formatting.ts).
  ...[
    ['Date toString', 'd.toString();'],
    ['Date toLocaleTimeString', 'd.toLocaleTimeString();'],
    ['Number toPrecision', '(k * 1.1).toPrecision(12);'],
    ['Number toLocaleString', '(k + 0.5).toLocaleString();'],
    ['new Date(text)', "new Date('2020-01-01T10:00:00Z');"],
    ['Date.parse', "Date.parse('Tue Dec 01 2026 03:35:07 GMT+0000');"],
  ].map(([what, op]): Case => ({ name: `${what} in a loop`, source: `const d = new Date(0);\n${times(400000, op as string)}`, check: budget })),
  {
    name: 'dates and numbers still format and parse as before',
    source: probe("[new Date(0).toString(), new Date(86400000).toISOString(), JSON.stringify({ d: new Date(0) }), Date.parse('1970-01-02T00:00:00Z'), new Date('1970-01-01T00:00:01Z').getTime(), (1.25).toFixed(1), (255).toString(16), (1234.5).toLocaleString(), '' + new Date(0).getTime(), +new Date(5)].join(' | ')"),
    check: says(['Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time) | 1970-01-02T00:00:00.000Z | {\"d\":\"1970-01-01T00:00:00.000Z\"} | 86400000 | 1000 | 1.3 | ff | 1,234.5 | 0 | 5']),
  },
  // Prototype chains: each of these walked the whole chain natively for one unit (200 instanceof on a
  // chain of 200,000: ~1.3 s of CPU, 201 units; 2,000 for-in on a chain of 30,000 ran past the 2 s net).
  // Now a unit a link (guest/chains.ts).
  { name: 'instanceof on a deep prototype chain', source: chain(2000, 'if (p instanceof F) break;'), check: budget },
  { name: 'in on a deep prototype chain', source: chain(2000, "if (('k' + k) in p) break;"), check: budget },
  { name: 'isPrototypeOf on a deep prototype chain', source: chain(2000, 'if (F.prototype.isPrototypeOf(p)) break;'), check: budget },
  { name: '__lookupGetter__ on a deep prototype chain', source: chain(2000, "if (p.__lookupGetter__('zz')) break;"), check: budget },
  { name: 'Object.setPrototypeOf onto a deep chain (its cycle check)', source: chain(2000, 'Object.setPrototypeOf({}, p);'), check: budget },
  { name: 'Reflect.setPrototypeOf onto a deep chain', source: chain(2000, 'Reflect.setPrototypeOf({}, p);'), check: budget },
  { name: 'the __proto__ setter onto a deep chain', source: chain(2000, '({}).__proto__ = p;'), check: budget },
  { name: 'for-in over a deep chain of empty objects', source: chain(2000, 'for (const x in p) break;'), check: budget },
  {
    name: 'instanceof, in, isPrototypeOf and setPrototypeOf still answer as before, for a few units',
    source: tick(`class A {}\nclass B extends A {}\nconst b = new B();\nconst o = Object.setPrototypeOf({}, b);\nconst r = [o instanceof A, [] instanceof Array, 1 instanceof Number, 'x' in { x: 1 }, 'y' in o, A.prototype.isPrototypeOf(o), ({}).__lookupGetter__('__proto__') !== undefined];\nconsole.log(r.join());\nreturn [];`),
    check: (r) => {
      says(['true,true,false,true,false,true,true'])(r);
      expect(r.ticks[0]?.outcome?.budgetUsed).toBeLessThan(100);
    },
  },
  // BigInt: an operator on huge operands is native work no counter sees (3 x `3n ** 3000000n` in a tick:
  // ~250 ms of CPU for 4 units). No BigInt value can be made: literals refused, the makers removed.
  { name: 'a BigInt literal is refused at load', source: `${times(3, 'const y = 3n ** BigInt(3000000 + k);')}`, check: (r) => refused(r, /hostile\.js:2: BigInt literals are not allowed \(found 3n\)/) },
  { name: 'a BigInt literal in top-level code is refused at load', source: `const big = 1n << 100000000n;\n${tick('return [];')}`, check: (r) => refused(r, /hostile\.js:1: BigInt literals are not allowed/) },
  {
    name: 'no BigInt constructor, 64-bit typed arrays or DataView 64-bit accessors',
    source: probe("[typeof BigInt, typeof BigInt64Array, typeof BigUint64Array, typeof DataView.prototype.getBigInt64, typeof DataView.prototype.setBigUint64, 'BigInt' in globalThis].join()"),
    check: says(['undefined,undefined,undefined,undefined,undefined,false']),
  },
  // A property list (an array replacer) of n keys, read from every plain object: it was deduplicated pairwise and
  // read for ~600 units a call (100,000 keys, 200 objects: ~21 s of CPU in one call). Now a key unit an entry and
  // a key unit a key read per object.
  {
    name: 'JSON.stringify with a property list of 100,000 keys',
    source: `const keys = []; for (let i = 0; i < 100000; i++) keys.push('k' + i);\nconst objs = []; for (let i = 0; i < 200; i++) objs.push({});\n${times(5, 'JSON.stringify(objs, keys);')}`,
    check: budget,
  },
  {
    name: 'JSON.stringify with a property list of 20,000 keys over 200 objects',
    source: `const keys = []; for (let i = 0; i < 20000; i++) keys.push('k' + i);\nconst objs = []; for (let i = 0; i < 200; i++) objs.push({});\n${times(5, 'JSON.stringify(objs, keys);')}`,
    check: budget,
  },
];
