// Cup benchmarks: the sixteen-team demo cup at default settings, with one worker and with two.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenCpuOf } from './children-cpu.js';

function runCup(workers: number): { s: number; cpu: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'matchday-bench-cup-'));
  const t0 = performance.now();
  let r!: ReturnType<typeof spawnSync>;
  const cpu = childrenCpuOf(() => {
    r = spawnSync('node', ['bin/matchday.mjs', 'cup', 'tournament/demo-cup.json', '--out', join(dir, 'cup'), '--workers', String(workers), '--json'], { encoding: 'utf8' });
  });
  const s = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`demo cup failed: ${String(r.stderr).slice(-500)}`);
  return { s, cpu };
}

/**
 * `cup16_s`: the 31-match demo cup with two workers; `cup_parallel_speedup`: one worker's time over two's,
 * same run. `*_cpu_s`: CPU of the whole cup (the CLI and its match processes, user + system).
 */
export async function cupBench(): Promise<Record<string, number>> {
  const two = runCup(2);
  const one = runCup(1);
  const out: Record<string, number> = {
    cup16_s: Math.round(two.s * 10) / 10,
    cup16_1worker_s: Math.round(one.s * 10) / 10,
    cup_parallel_speedup: Math.round((one.s / two.s) * 100) / 100,
  };
  if (two.cpu !== null && one.cpu !== null) Object.assign(out, { cup16_cpu_s: two.cpu, cup16_1worker_cpu_s: one.cpu });
  return out;
}
