// A warm isolate serves the next match of the same policy (sandbox/isolate-pool.ts): nothing of one match
// may reach the next. Each test plays a policy in a fresh isolate, then again in the isolate the first
// match handed back, and holds the second to what the first saw; policies that leave something behind
// (a global) must not be reused at all.
import { afterEach, describe, expect, it } from 'vitest';
import { runMatch } from '../../engine/match.js';
import { defaultConfig } from '../../engine/setup.js';
import { createSandboxController, type SandboxController } from '../../sandbox/index.js';
import { drainPool, MAX_IDLE, poolState } from '../../sandbox/isolate-pool.js';
import { runPolicy, type RunOptions, type RunRecord } from './harness.js';

afterEach(() => drainPool());

/** The policy's debug log of every tick, setup's logs first. */
function logs(r: RunRecord): string[] {
  return [...r.controller.setupLogs, ...r.ticks.flatMap((t) => t.outcome?.debug?.logs ?? [])];
}

/** Plays `source` fresh, then again; says whether the second run got the first one's isolate. */
function twice(source: string, opts: RunOptions = {}): { first: RunRecord; second: RunRecord; reused: boolean } {
  drainPool();
  const first = runPolicy(source, opts);
  const before = poolState().reused;
  const second = runPolicy(source, opts);
  return { first, second, reused: poolState().reused > before };
}

describe('a warm isolate starts each match as a fresh one does', () => {
  it('reuses the isolate, with fresh top-level bindings and top-level code run again', () => {
    const src = `let n = 0; console.log('top', n);
export function setup(info) { n += 100; console.log('setup', n); }
export function tick(obs) { n++; console.log('tick', n); return [{ moveTo: { x: n, y: 0 } }]; }`;
    const { first, second, reused } = twice(src);
    expect(reused).toBe(true);
    expect(logs(first)).toEqual(['top 0', 'setup 100', 'tick 101', 'tick 102', 'tick 103']);
    expect(logs(second)).toEqual(logs(first));
    expect(second.digest).toBe(first.digest);
  });

  it('gives RegExp\'s legacy statics, Math.random and Date their first state again, even after a policy set RegExp.input', () => {
    const src = `const statics = () => JSON.stringify([RegExp.$1, RegExp.input, RegExp.lastMatch, RegExp.leftContext, RegExp.rightContext, RegExp.lastParen, RegExp['$_'], RegExp['$&']]);
export function setup() { console.log(statics(), Math.random(), Date.now(), new Date().toISOString()); }
export function tick(obs) {
  /(s)(e)cret/.exec('a secret here');
  try { RegExp.input = 'hidden'; } catch (e) { console.log('refused', e.name); }
  console.log(statics());
  return [];
}`;
    const { first, second, reused } = twice(src, { ticks: 2 });
    expect(reused).toBe(true);
    expect(logs(first)[0]).toMatch(/^\["","","","","","","",""\] 0\.\d+ \d+ 2026-/);
    expect(logs(first)).toContain('["s","hidden","secret","a "," here","e","hidden","secret"]');
    expect(logs(second)).toEqual(logs(first));
  });

  it('tries every other place a policy can write, and finds none of it in the next match', () => {
    // Each attempt either throws (frozen) or writes only this match's own objects.
    const src = `const tries = [
  () => { Object.prototype.carried = 1; },
  () => { Array.prototype.carried = 1; },
  () => { Math.carried = 1; },
  () => { JSON.carried = 1; },
  () => { console.carried = 1; },
  () => { Error.stackTraceLimit = 1; },
  () => { Object.defineProperty(Function.prototype, 'carried', { value: 1 }); },
  () => { Symbol.for('carried').description; },
  () => { (function () {}).constructor.carried = 1; },
  () => { [][Symbol.iterator]().__proto__.carried = 1; },
  () => { ((s) => s)\`x\`.carried = 1; },
];
function seen() {
  return JSON.stringify([({}).carried, [].carried, Math.carried, JSON.carried, console.carried, Error.stackTraceLimit,
    Function.prototype.carried, [][Symbol.iterator]().__proto__.carried, ((s) => s)\`x\`.carried, Object.getOwnPropertyNames(globalThis).length]);
}
export function setup() { console.log('before', seen()); }
export function tick() {
  const results = tries.map((f) => { try { f(); return 'wrote'; } catch (e) { return e.name; } });
  console.log(results.join(','), seen());
  return [];
}`;
    const { first, second, reused } = twice(src, { ticks: 1 });
    expect(reused).toBe(true);
    expect(logs(first)[0]).toMatch(/^before /);
    expect(logs(second)).toEqual(logs(first));
  });

  it('does not reuse an isolate whose global object the policy added to', () => {
    for (const write of ['globalThis.carry = (globalThis.carry ?? 0) + 1;', 'Object.defineProperty(globalThis, "carry", { value: (globalThis.carry ?? 0) + 1 });']) {
      const src = `export function setup() { ${write} console.log('carry', globalThis.carry); }\nexport function tick() { return []; }`;
      const { first, second, reused } = twice(src, { ticks: 1 });
      expect(logs(first), write).toEqual(['carry 1']);
      expect(reused, write).toBe(false);
      expect(logs(second), write).toEqual(['carry 1']);
    }
  });

  it('does not reuse an isolate after the wall-clock net stopped a call, nor one with other limits', () => {
    const slow = 'export function tick() { let x = 0; for (let i = 0; i < 5e8; i++) x += i; return []; }';
    const { first, reused } = twice(slow, { ticks: 1, limits: { callWallMs: 30, tickBudget: 1e12 } });
    expect(first.controller.nonReproducible).toBe(true);
    expect(reused).toBe(false);

    drainPool();
    const plain = 'export function tick() { return []; }';
    runPolicy(plain, { ticks: 1 });
    const before = poolState().reused;
    runPolicy(plain, { ticks: 1, limits: { maxCallDepth: 300 } });
    expect(poolState().reused).toBe(before);
  });

  it('keeps at most MAX_IDLE isolates', () => {
    for (let i = 0; i < MAX_IDLE + 3; i++) runPolicy(`export function tick() { return []; } // ${i}`, { ticks: 1 });
    expect(poolState().idle).toBe(MAX_IDLE);
  });
});

describe('full matches played in warm isolates', () => {
  it('give the same result as in fresh ones, seed for seed', async () => {
    const { fileURLToPath } = await import('node:url');
    const file = (p: string) => fileURLToPath(new URL(`../../policies/${p}.js`, import.meta.url));
    const play = (seed: number) => {
      const teams: [SandboxController, SandboxController] = [createSandboxController({ file: file("possession") }), createSandboxController({ file: file("direct") })];
      try {
        return runMatch(defaultConfig({ seed, homeName: 'possession', awayName: 'direct', halfTicks: 300 }), teams).hash;
      } finally {
        for (const t of teams) t.dispose();
      }
    };
    drainPool();
    process.env.MATCHDAY_FRESH_ISOLATES = '1';
    let fresh: string[];
    try {
      fresh = [1, 2, 3].map(play);
    } finally {
      delete process.env.MATCHDAY_FRESH_ISOLATES;
    }
    expect(poolState().idle).toBe(0);
    const before = poolState().reused;
    const warm = [1, 2, 3].map(play);
    expect(poolState().reused - before).toBe(4); // the second and third match reuse both teams' isolates
    expect(warm).toEqual(fresh);
  });
});

describe('what a pooled isolate keeps', () => {
  it('is not pooled when the policy leaves a large heap or large buffers behind', () => {
    // About 50 MB each: 400 buffers of 128 KB; 100,000 arrays of 64 numbers on the heap.
    for (const [n, fill] of [[400, 'keep.push(new Float64Array(16384))'], [1e5, 'keep.push(new Array(64).fill(i))']] as const) {
      const big = `const keep = []; export function setup() { for (let i = 0; i < ${n}; i++) ${fill}; }
export function tick() { return keep.length > 0 ? [] : []; }`;
      const { first, reused } = twice(big, { ticks: 1, limits: { memoryMb: 256 } });
      expect(first.setup.ok, fill).toBe(true);
      expect(reused, fill).toBe(false);
    }
    // A small policy is pooled (the test above would pass vacuously otherwise).
    expect(twice('export function tick() { return []; }', { ticks: 1 }).reused).toBe(true);
  });
});

describe('call deadlines on a grid', () => {
  it('stretch a call\'s timeout by less than one grid step, so that calls close in time share a deadline', async () => {
    const { onGrid, TIMEOUT_GRID_MS } = await import('../../sandbox/controller-base.js');
    for (const now of [0, 1, 99.5, 12_345.6, 1e9 + 0.25]) {
      for (const ms of [1000, 2000, 2001, 120_000]) {
        const t = onGrid(ms, now);
        expect(t).toBeGreaterThan(ms - 1);
        expect(t).toBeLessThanOrEqual(ms + TIMEOUT_GRID_MS);
        expect((Math.floor(now) + t) % TIMEOUT_GRID_MS).toBe(0);
      }
    }
    expect(10_001 + onGrid(2000, 10_001)).toBe(10_050 + onGrid(2000, 10_050)); // one deadline for both calls
    // Short limits stay exact: a stretch must stay far under the watchdog's twice-the-limit.
    for (const ms of [-3, 0, 1, 30, 999]) expect(onGrid(ms, 12_345.6)).toBe(ms);
  });
});
