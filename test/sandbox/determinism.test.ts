// Determinism of the budget: a policy steered by Math.random and Date.now that runs over
// its budget on some ticks (mutating its own state until it is cut off) must give the same
// match hash and the same over-budget ticks every time, also while other processes keep
// both cores busy. Wall time must play no part in the outcome.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runMatch } from '../../engine/match.js';
import type { MatchConfig } from '../../engine/state.js';
import { createSandboxController } from '../../sandbox/index.js';
import { runPolicy } from './harness.js';

const STEERED = `
let counter = 0;
export function tick(obs) {
  const r = Math.random();
  const now = Date.now();
  // Roughly one tick in twelve runs over budget; where it is cut off decides counter.
  if (r < 0.08) for (;;) counter++;
  let acc = 0;
  for (let i = 0; i < Math.floor(r * 2000); i++) acc += i % 7;
  const wobble = ((now / 100) % 9) - 4 + (counter % 13) / 13 + (acc % 3);
  return obs.own.map((p) => ({
    moveTo: { x: obs.ball.x + (r - 0.5) * 8, y: obs.ball.y + wobble },
    sprint: r > 0.5,
    kick: { target: { x: 52.5, y: (counter % 7) - 3 }, power: 0.4 + r / 2, lift: r < 0.3 ? 0.4 : 0 },
  }));
}`;

const CHASER = fileURLToPath(new URL('../../policies/chaser.js', import.meta.url));

const CONFIG: MatchConfig = { seed: 20260611, homeName: 'Steered', awayName: 'Chaser', halfTicks: 300, extraTime: false, extraTimeTicks: 1000, shootout: false };

function play(): { hash: string; over: number[]; faults: number; nonReproducible: boolean; score: [number, number] } {
  const home = createSandboxController({ source: STEERED, filename: 'steered.js' });
  const away = createSandboxController({ file: CHASER });
  try {
    const r = runMatch(CONFIG, [home, away]);
    return {
      hash: r.hash,
      over: r.teams[0].overBudgetTicks,
      faults: r.teams[0].faults.length,
      nonReproducible: r.nonReproducible,
      score: r.score,
    };
  } finally {
    home.dispose();
    away.dispose();
  }
}

const busy: ChildProcess[] = [];
afterAll(() => {
  for (const c of busy) if (c.pid !== undefined && c.exitCode === null) c.kill('SIGKILL');
});

describe('determinism under load', () => {
  it('same hash and same over-budget ticks on repeated runs, with and without busy cores', () => {
    const first = play();
    expect(first.over.length).toBeGreaterThan(0);
    expect(first.faults).toBe(first.over.length);
    expect(first.nonReproducible).toBe(false);
    expect(play()).toEqual(first);
    // Two busy-looping processes, one per core, for the third run.
    for (let i = 0; i < 2; i++) busy.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    const loaded = play();
    for (const c of busy) c.kill('SIGKILL');
    expect(loaded).toEqual(first);
  });

  it('the synthetic driver agrees with itself too (no engine involved)', () => {
    const a = runPolicy(STEERED, { ticks: 120 });
    const b = runPolicy(STEERED, { ticks: 120 });
    expect(a.overBudgetTicks.length).toBeGreaterThan(0);
    expect(b.digest).toBe(a.digest);
  });
});
