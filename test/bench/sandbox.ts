// Sandbox figures for `npm run bench`: the boundary's floor, the instrumentation's cost, and what
// real policies pay (sandbox-policies.ts).
//   node --no-node-snapshot --import tsx test/bench/sandbox.ts [part ...]   prints the JSON alone
//   (parts: calls, holes, slowdown, match, overhead, ratio; all by default).
import ivm from 'isolated-vm';
import { fileURLToPath } from 'node:url';
import { runMatch } from '../../engine/match.js';
import { CMD_LENGTH } from '../../engine/obs-layout.js';
import { defaultConfig } from '../../engine/setup.js';
import { guestRuntimeCode } from '../../sandbox/bundle.js';
import { ensureV8Flags } from '../../sandbox/flags.js';
import { createSandboxController } from '../../sandbox/index.js';
import { instrument } from '../../sandbox/instrument.js';
import { RUNTIME_SPECIFIER } from '../../sandbox/protocol.js';
import { INFO, syntheticObservation } from '../sandbox/harness.js';
import { matchOverheadMs, policyRatios, READ_ALL } from './sandbox-policies.js';

/** A compute-heavy policy body: small hot functions, nested loops, closures, a sort. */
export const HEAVY = `
function dist(a, b) { const dx = a.x - b.x, dy = a.y - b.y; return Math.sqrt(dx * dx + dy * dy); }
function nearest(p, list) {
  let best = -1, bestD = Infinity;
  for (let i = 0; i < list.length; i++) { const d = dist(p, list[i]); if (d < bestD) { bestD = d; best = i; } }
  return best;
}
export function work(obs) {
  let acc = 0;
  const pts = obs.own.concat(obs.opponents);
  for (let k = 0; k < 60; k++) {
    for (let i = 0; i < pts.length; i++) {
      for (let j = 0; j < pts.length; j++) acc += dist(pts[i], pts[j]);
      acc += nearest(pts[i], pts);
    }
    const order = pts.map((p, i) => i).sort((a, b) => pts[a].x - pts[b].x);
    acc += order[0];
  }
  return acc;
}
export function tick(obs) { work(obs); return []; }
`;

function timeIt(fn: () => void, rounds: number, inner: number): number {
  // The median round, in microseconds of process CPU per call: a loaded shared machine stretches
  // wall time several-fold (load average 8 on 2 cores), CPU time far less.
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < inner; i++) fn();
    const t = process.cpuUsage(t0);
    per.push((t.user + t.system) / inner);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)] ?? 0;
}

/** Microseconds of one sandboxed call of `source` (the median round), on synthetic observations. */
function callUs(source = 'export function tick(obs) { return []; }', filename = 'noop.js'): number {
  const c = createSandboxController({ source, filename });
  if (!c.setup(INFO).ok) throw new Error(`bench: ${filename} failed to start`);
  const flat = syntheticObservation(100);
  const out = new Float64Array(CMD_LENGTH);
  const input = { flat, info: INFO, object: () => { throw new Error('unused'); } };
  for (let i = 0; i < 3000; i++) c.tick(input, out);
  const us = timeIt(() => c.tick(input, out), 15, 2000);
  c.dispose();
  return us;
}

/** The heavy policy instrumented (through the guest runtime) and plain, as two modules of one isolate. */
function slowdown(): number {
  ensureV8Flags();
  const inst = instrument(HEAVY, 'heavy.js', 400);
  if (!inst.ok) throw new Error(`bench: ${inst.problem}`);
  const iso = new ivm.Isolate({ memoryLimit: 64 });
  try {
    const ctx = iso.createContextSync();
    const rt = iso.compileModuleSync(guestRuntimeCode(), { filename: 'runtime.js' });
    rt.instantiateSync(ctx, () => { throw new Error('none'); });
    rt.evaluateSync();
    const cfg = { seed: 1, teamName: 'bench', maxCallDepth: 400, maxLogLines: 20, maxLogChars: 200, maxDebugMarks: 64, filename: 'heavy.js' };
    rt.namespace.getSync('configure', { reference: true }).applySync(undefined, [cfg, INFO, 1e9], { arguments: { copy: true } });
    const load = (code: string, name: string): ivm.Reference<(o: unknown) => number> => {
      const m = iso.compileModuleSync(code, { filename: name });
      m.instantiateSync(ctx, (spec) => { if (spec === RUNTIME_SPECIFIER) return rt; throw new Error(spec); });
      m.evaluateSync();
      return m.namespace.getSync('work', { reference: true }) as ivm.Reference<(o: unknown) => number>;
    };
    const instrumented = load(inst.code, 'heavy.js');
    const plain = load(HEAVY, 'plain.js');
    // One observation object inside the isolate, so both sides time only the work.
    const obs = ctx.evalSync(
      `({ own: Array.from({length: 11}, (_, i) => ({ x: i * 3.1 - 15, y: (i * 7) % 30 - 15 })),
          opponents: Array.from({length: 11}, (_, i) => ({ x: 15 - i * 2.9, y: (i * 5) % 30 - 15 })) })`,
      { reference: true },
    );
    const run = (fn: ivm.Reference<(o: unknown) => number>) => () => fn.applySync(undefined, [obs.derefInto()]);
    // Warm both up, then alternate rounds so load on the machine hits both alike.
    for (let i = 0; i < 200; i++) { run(instrumented)(); run(plain)(); }
    const ratios: number[] = [];
    for (let r = 0; r < 7; r++) {
      const a = timeIt(run(instrumented), 3, 40);
      const b = timeIt(run(plain), 3, 40);
      ratios.push(a / b);
    }
    ratios.sort((x, y) => x - y);
    return ratios[3] ?? 0;
  } finally {
    iso.dispose();
  }
}

/** The full default match between two reference teams, both sandboxed, in ms. */
function matchMs(): number {
  const file = (name: string) => fileURLToPath(new URL(`../../policies/${name}.js`, import.meta.url));
  const home = createSandboxController({ file: file('possession') });
  const away = createSandboxController({ file: file('chaser') });
  const t0 = performance.now();
  try {
    runMatch(defaultConfig({ seed: 1, homeName: 'possession', awayName: 'chaser' }), [home, away]);
    return performance.now() - t0;
  } finally {
    home.dispose();
    away.dispose();
  }
}

/**
 * A ball path the way model-written policies build one: `new Array(n)` filled by index, so every
 * store lands in a hole (what lockdown's freezing of Array.prototype and Object.prototype can slow).
 */
export const HOLES = `function sim(n) {
  const xs = new Array(n + 1), ys = new Array(n + 1);
  let x = 0.5, y = 1.5;
  xs[0] = x; ys[0] = y;
  for (let t = 1; t <= n; t++) { x += 0.1; y *= 0.99; xs[t] = x; ys[t] = y; }
  return { xs, ys };
}
let acc = 0;
function work() { for (let i = 0; i < 100; i++) { const p = sim(60); acc += p.xs[30] + p.ys[60]; } }`;

/** hole_store_us: CPU microseconds of one tick of HOLES sandboxed; hole_store_ratio: over the same body in-process. */
function holeStores(): Record<string, number> {
  const c = createSandboxController({ source: `${HOLES}\nexport function tick() { work(); return []; }`, filename: 'holes.js' });
  if (!c.setup(INFO).ok) throw new Error('bench: holes.js failed to start');
  const flat = syntheticObservation(100);
  const out = new Float64Array(CMD_LENGTH);
  const input = { flat, info: INFO, object: () => { throw new Error('unused'); } };
  // The same text as a plain function of this process (the bench's own code, not a policy).
  const plain = new Function(`${HOLES}\nreturn work;`)() as () => void;
  for (let i = 0; i < 100; i++) {
    c.tick(input, out);
    plain();
  }
  const sandboxed = timeIt(() => c.tick(input, out), 7, 60);
  const inProcess = timeIt(plain, 7, 60);
  c.dispose();
  return { hole_store_us: round(sandboxed), hole_store_ratio: round(sandboxed / inProcess) };
}

/** The parts, by name: `test/bench/sandbox.ts ratio overhead` runs only those. */
const PARTS: Record<string, () => Promise<Record<string, number>>> = {
  calls: async () => ({ sandbox_call_us: round(callUs()), sandbox_call_read_us: round(callUs(READ_ALL, 'read-all.js')) }),
  holes: async () => holeStores(),
  slowdown: async () => ({ instrumented_slowdown: round(slowdown()) }),
  match: async () => ({ match_ms_sandboxed: Math.round(matchMs()) }),
  overhead: matchOverheadMs,
  ratio: policyRatios,
};

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

export async function benchSandbox(only: readonly string[] = []): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, part] of Object.entries(PARTS)) {
    if (only.length === 0 || only.includes(name)) Object.assign(out, await part());
  }
  return out;
}

/** The name test/bench/run.ts looks for. */
export const sandboxBench = (): Promise<Record<string, number>> => benchSandbox();

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const only = process.argv.slice(2);
  const unknown = only.filter((p) => !(p in PARTS));
  if (unknown.length) throw new Error(`bench: no sandbox part ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`);
  console.log(JSON.stringify(await benchSandbox(only)));
}
