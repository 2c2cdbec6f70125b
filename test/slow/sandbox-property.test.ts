// Property test (slow tier): PROPERTY_POLICIES seeded random small policies from a grammar of the
// charged built-ins and syntax forms, each played for a few ticks in two separate processes.
// Required: identical outcomes in both, no host exception (each process plays them all and
// exits cleanly; a death would fail the test, never be blamed on a team), and no tick that ended
// within its budget taking over 50 ms (a full budget is about 1 ms of plain loop, so 50x means
// uncharged work). Time is the process's CPU time during the call: on the shared two-core
// machine the wall time of a call runs several times its CPU time under load. A slow tick is
// replayed alone once before it counts, so a load spike is not mistaken for uncharged work.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROPERTY_POLICIES } from './sandbox-property-grammar.js';
import { playGenerated, type PolicyRun } from './sandbox-property-run.js';

const RUNNER = fileURLToPath(new URL('./sandbox-property-run.ts', import.meta.url));
const WALL_MS = 50;

async function playAll(): Promise<PolicyRun[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--no-node-snapshot', '--import', 'tsx', RUNNER, String(PROPERTY_POLICIES)], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  });
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as PolicyRun);
}

describe('sandbox property', () => {
  it(`${PROPERTY_POLICIES} generated policies: same outcome in two processes, no host failure, no slow tick within budget`, async () => {
    const [one, two] = await Promise.all([playAll(), playAll()]);
    expect(one).toHaveLength(PROPERTY_POLICIES);
    expect(two).toHaveLength(PROPERTY_POLICIES);
    for (let i = 0; i < PROPERTY_POLICIES; i++) expect(two[i]?.digest, `policy ${i}`).toBe(one[i]?.digest);
    const slow = one.filter((r, i) => Math.min(r.slowestInBudgetMs, two[i]?.slowestInBudgetMs ?? Infinity) > WALL_MS);
    const stillSlow = slow.map((r) => playGenerated(r.i)).filter((r) => r.slowestInBudgetMs > WALL_MS);
    expect(stillSlow.map((r) => `policy ${r.i}: ${r.slowestInBudgetMs} ms`)).toEqual([]);
    // The grammar reaches both outcomes: plenty of policies run within budget, plenty are cut off.
    expect(one.filter((r) => r.faultKinds.includes('budget')).length).toBeGreaterThan(50);
    expect(one.filter((r) => r.setupOk && r.faultKinds.length === 0).length).toBeGreaterThan(200);
  }, 3_600_000);
});
