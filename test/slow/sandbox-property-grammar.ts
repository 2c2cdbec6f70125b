// The property test's grammar: small random policies built from the built-ins and syntax forms
// the sandbox charges or bounds (issue #18), seeded so policy i is the same text everywhere.
import { stream } from '../../engine/rng.js';

export const PROPERTY_POLICIES = 1000;
export const PROPERTY_TICKS = 3;

const SIZES = [0, 7, 1000, 30000];
const REPEATS = [1, 3, 30, 300];

/** Statements over the prepared values: a (array), s (Set), m (Map), o (object), str (string), ta (Float64Array), nest (nested arrays). */
const STATEMENTS = [
  'x = [...a];', 'x = [...s];', 'x = [...m.values()];', 'x = { ...o };', 'for (const k in a) { if (++c > 5) break; }',
  'for (const k in o) c++;', 'x = Array.from(s.values());', 'x = Array.from({ length: N });', 'x = new Array(N);', 'x = Array(N).fill(1);',
  'x = new Set(a);', 'x = new Map(a.map((v, i) => [i, v]));', 'x = new Float64Array(N);', 'x = new Float64Array(a);',
  'x = Object.assign({}, o);', 'x = Object.assign({}, a);', 'x = Reflect.ownKeys(o);', 'x = Object.keys(a);', 'x = Object.entries(o);',
  'x = encodeURIComponent(str);', 'x = decodeURIComponent(encodeURIComponent(str));', 'x = /z/.test(str);', 'x = /a+/g.exec(str);',
  'x = str.indexOf("z");', 'x = str.split("a");', 'x = str.replace(/a/g, "b");', 'x = (str + str).charCodeAt(1);',
  'x = a.slice().sort((p, q) => p - q);', 'x = ta.sort();', 'x = ta.map(Math.sqrt);', 'x = JSON.stringify(a);', 'x = JSON.stringify(o);',
  'x = JSON.parse(JSON.stringify(a));', 'x = a.flat(3);', 'x = nest.flat(Infinity);', 'x = String(nest);', 'x = Math.max(...a);',
  'x = Math.max.apply(null, a);', 'x = Reflect.apply(Math.min, null, a);', 'f = f.bind(null); x = f();', 'x = a.map(Math.sqrt);',
  'x = a.join(",");', 'x = a.includes(-1);', 'x = a.concat(a, a);', 'x = str.repeat(3);', 'x = [...gen(N)];',
  'for (const v of gen(N)) { if (++c > 50) break; }', 'const [p, ...rest] = a; x = rest;', 'x = a.reduce((p, q) => p + q, 0);',
  'x = new Map(m);', 'x = [...str];', 'x = Array.from(str);', 'x = Object.fromEntries(m);', 'x = deep(N % 997);',
  'try { x = deep(5000); } catch (e) { x = 0; }', 'o["k" + c] = c; c++;', 'x = a.toSorted ? a.toSorted() : a;',
];

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

export function generatePolicy(i: number): string {
  const rng = stream(i, 'sandbox-property');
  const n = pick(rng, SIZES);
  const body: string[] = [];
  const count = 1 + Math.floor(rng() * 4);
  for (let k = 0; k < count; k++) {
    const reps = pick(rng, REPEATS);
    body.push(`for (let r = 0; r < ${reps}; r++) { ${pick(rng, STATEMENTS).replace(/\bN\b/g, String(pick(rng, SIZES)))} }`);
  }
  return `const N = ${n};
const a = Array.from({ length: N }, (_, i) => (i * 7919) % 1009);
const s = new Set(a);
const m = new Map(a.map((v, i) => [i, v]));
const o = {};
for (let i = 0; i < Math.min(N, 1000); i++) o['k' + i] = i;
const str = 'ab'.repeat(N >> 1) + 'é';
const ta = new Float64Array(a);
let nest = [];
for (let i = 0; i < Math.min(N, 300); i++) nest = [nest, i];
function* gen(k) { for (let i = 0; i < k; i++) yield i; }
function deep(k) { return k <= 0 ? 0 : 1 + deep(k - 1); }
let f = (...args) => args.length;
let c = 0;
let x = null;
export function tick(obs) {
  c = 0;
  ${body.join('\n  ')}
  return [{ moveTo: { x: c % 50, y: (typeof x === 'number' ? x : 1) % 30 } }];
}
`;
}
