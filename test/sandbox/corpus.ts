// Shared by the hostile corpus files: the case shape, the outcome checks and the runner that
// plays every case twice and requires the same digest (the same outcome, bit for bit).
import { afterAll, describe, expect, it } from 'vitest';
import { drainPool, poolState } from '../../sandbox/isolate-pool.js';
import { CMD_LENGTH, C_FLAGS, C_MOVE_X, C_MOVE_Y, C_STRIDE } from '../../engine/obs-layout.js';
import { runPolicy, type RunOptions, type RunRecord } from './harness.js';

export interface Case {
  name: string;
  source: string;
  opts?: RunOptions;
  check: (r: RunRecord) => void;
  /** Outcome depends on GC timing (memory): compared by kind, not by digest. */
  flaky?: boolean;
}

export const idle = (r: RunRecord, t: number): void => {
  expect(r.ticks[t]?.commands).toEqual(new Array(CMD_LENGTH).fill(0));
};
export const kinds = (r: RunRecord): string[] => r.faults.map((f) => f.kind);
export const logs = (r: RunRecord, t = 0): string[] => r.ticks[t]?.outcome?.debug?.logs ?? [];
export const warnings = (r: RunRecord, t = 0): string[] => r.ticks[t]?.outcome?.warnings ?? [];
export const moveOf = (r: RunRecord, t: number, p: number): [number, number, number] => {
  const c = r.ticks[t]?.commands ?? [];
  const o = p * C_STRIDE;
  return [c[o + C_FLAGS] ?? -1, c[o + C_MOVE_X] ?? -1, c[o + C_MOVE_Y] ?? -1];
};
export const everyTick = (r: RunRecord, kind: string, pattern: RegExp): void => {
  expect(r.setup.ok).toBe(true);
  expect(r.ticks.length).toBeGreaterThan(0);
  r.ticks.forEach((t, i) => {
    expect(t.outcome?.faults?.[0]?.kind, `tick ${i}`).toBe(kind);
    expect(t.outcome?.faults?.[0]?.message).toMatch(pattern);
    idle(r, i);
  });
};
export const refused = (r: RunRecord, pattern: RegExp): void => {
  expect(r.setup.ok).toBe(false);
  expect(r.setup.reason).toMatch(pattern);
  expect(r.ticks).toHaveLength(0);
};
export const budget = (r: RunRecord): void => {
  everyTick(r, 'budget', /work budget of \d+ units exhausted/);
  expect(r.overBudgetTicks).toEqual(r.ticks.map((_, i) => i));
};
export const threw = (pattern: RegExp) => (r: RunRecord) => everyTick(r, 'error', pattern);
export const tick = (body: string): string => `export function tick(obs) {\n${body}\n}`;
export const probe = (expr: string): string => tick(`console.log(String(${expr})); return [];`);

/** The same expression in this process: strict code, as a policy module is. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
export const here = (expr: string): string => String(new Function(`'use strict'; return (${expr});`)());

/** The expression's String() in the sandbox and here, for tests that pin a native's semantics; a probe per expression keeps failures apart. */
export function both(expr: string): [string, string] {
  const r = runPolicy(probe(expr), { ticks: 1 });
  expect(r.setup.ok, r.setup.reason).toBe(true);
  expect(r.faults, expr).toEqual([]);
  return [logs(r)[0] ?? '', here(expr)];
}

/**
 * A case's run options with a generous wall-clock net: on a loaded machine (2 cores, many
 * processes) an over-budget tick of a heavy case can take seconds of wall time, and the net
 * firing would muddle what the case is about. Cases about the net set their own.
 */
export function caseOptions(c: Case): RunOptions {
  return { ...c.opts, limits: { callWallMs: 30_000, ...c.opts?.limits } };
}

/**
 * Plays every case twice: first in a new isolate, then in the isolate the first run handed back to the
 * pool when it ended cleanly (sandbox/isolate-pool.ts), so each digest comparison is also a check that
 * nothing of one match reaches the next.
 */
export function runCases(title: string, cases: Case[]): void {
  describe(title, () => {
    let warm = 0;
    afterAll(() => {
      // Most cases end cleanly and are replayed warm; if none were, the comparison above proved nothing about reuse.
      expect(warm, `${title}: cases replayed in a reused isolate`).toBeGreaterThan(cases.length / 3);
    });
    for (const c of cases) {
      it(c.name, () => {
        drainPool();
        const first = runPolicy(c.source, caseOptions(c));
        c.check(first);
        const before = poolState().reused;
        const second = runPolicy(c.source, caseOptions(c));
        if (poolState().reused > before) warm++;
        c.check(second);
        if (c.flaky) expect(kinds(second).filter((k) => k === 'memory')).toEqual(kinds(first).filter((k) => k === 'memory'));
        else expect(second.digest).toBe(first.digest);
      });
    }
  });
}
