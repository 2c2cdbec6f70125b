// Plays the property test's generated policies in this process and prints one JSON line per
// policy: its outcome digest and the wall time of its slowest tick that stayed within budget.
//   node --no-node-snapshot --import tsx test/slow/sandbox-property-run.ts <count> [first]
import { createHash } from 'node:crypto';
import { CMD_LENGTH, OBS_LENGTH } from '../../engine/obs-layout.js';
import { createSandboxController } from '../../sandbox/index.js';
import { INFO, syntheticObservation } from '../sandbox/harness.js';
import { generatePolicy, PROPERTY_TICKS } from './sandbox-property-grammar.js';

export interface PolicyRun {
  i: number;
  digest: string;
  setupOk: boolean;
  /** CPU ms of the slowest tick that ended within its budget (no budget or timeout fault). */
  slowestInBudgetMs: number;
  /** Wall ms of that tick (on a shared, loaded machine several times its CPU time). */
  slowestInBudgetWallMs: number;
  faultKinds: string[];
}

export function playGenerated(i: number): PolicyRun {
  const source = generatePolicy(i);
  // A wall-clock net far out of reach: under load it would decide ticks and muddle the comparison.
  const c = createSandboxController({ source, filename: `gen${i}.js`, limits: { callWallMs: 60_000 } });
  const setup = c.setup(INFO);
  const flat = new Float64Array(OBS_LENGTH);
  const out = new Float64Array(CMD_LENGTH);
  const record: unknown[] = [setup.ok, setup.reason ?? ''];
  const faultKinds: string[] = [];
  let slowest = 0;
  let slowestWall = 0;
  if (setup.ok) {
    for (let t = 0; t < PROPERTY_TICKS; t++) {
      syntheticObservation(t, flat);
      out.fill(0);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const o = c.tick({ flat, info: INFO, object: () => { throw new Error('unused'); } }, out);
      const cpu = process.cpuUsage(cpu0);
      const ms = (cpu.user + cpu.system) / 1000;
      const wall = performance.now() - t0;
      const kinds = (o?.faults ?? []).map((f) => f.kind);
      faultKinds.push(...kinds);
      if (!kinds.includes('budget') && !kinds.includes('timeout') && ms > slowest) {
        slowest = ms;
        slowestWall = wall;
      }
      record.push(Array.from(out), o ?? null);
    }
  }
  c.dispose();
  const digest = createHash('sha256').update(JSON.stringify(record)).digest('hex');
  return { i, digest, setupOk: setup.ok, slowestInBudgetMs: Math.round(slowest * 10) / 10, slowestInBudgetWallMs: Math.round(slowestWall * 10) / 10, faultKinds };
}

if (process.argv[1]?.endsWith('sandbox-property-run.ts')) {
  const count = Number(process.argv[2] ?? 10);
  const first = Number(process.argv[3] ?? 0);
  for (let i = first; i < first + count; i++) process.stdout.write(`${JSON.stringify(playGenerated(i))}\n`);
}
