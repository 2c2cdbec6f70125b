// Cup benchmarks: the sixteen-team demo cup at default settings, with one worker and with two.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function runCup(workers: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'matchday-bench-cup-'));
  const t0 = performance.now();
  const r = spawnSync('node', ['bin/matchday.mjs', 'cup', 'tournament/demo-cup.json', '--out', join(dir, 'cup'), '--workers', String(workers), '--json'], { encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`demo cup failed: ${r.stderr.slice(-500)}`);
  return s;
}

/** `cup16_s`: the 31-match demo cup with two workers; `cup_parallel_speedup`: one worker's time over two's, same run. */
export async function cupBench(): Promise<Record<string, number>> {
  const two = runCup(2);
  const one = runCup(1);
  return { cup16_s: Math.round(two * 10) / 10, cup16_1worker_s: Math.round(one * 10) / 10, cup_parallel_speedup: Math.round((one / two) * 100) / 100 };
}
