// Cup benchmarks: the sixteen-team demo cup at default settings, with one worker and with two, in
// alternating pairs. One pair is not enough on this machine: its two vCPUs are intermittently unequal for
// minutes at a time (docs/PERFORMANCE.md), so a single pair's ratio swung 1.08-1.6 on unchanged code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenCpuOf } from './children-cpu.js';
import { median } from './median.js';

/** Pairs of cups (one with two workers, one with one), in ABBA order so a drift of the machine hits both alike. */
export const CUP_PAIRS = 3;

interface CupRun {
  s: number;
  cpu: number | null;
}

function runCup(workers: number): CupRun {
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

const r1 = (v: number): number => Math.round(v * 10) / 10;
const r2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * `cup16_s`: the 31-match demo cup with two workers (median run); `cup_parallel_speedup`: one worker's time
 * over two's, the median of the pairs' ratios (each pair run back to back), with `_min`/`_max` the spread.
 * `*_cpu_s`: CPU of the whole cup (the CLI and its match processes, user + system), median.
 * `cup_parallel_speedup_cpu_bound`: 2 x one worker's time over two workers' CPU, median of the pairs: the
 * speedup two workers would reach if their CPU were spread over both cores without a gap. It is what the
 * two processes' duplicated work (each warms its own isolates and engine code) leaves possible at best.
 */
export async function cupBench(): Promise<Record<string, number>> {
  const pairs: Array<{ one: CupRun; two: CupRun }> = [];
  for (let i = 0; i < CUP_PAIRS; i++) {
    if (i % 2 === 0) {
      const two = runCup(2);
      pairs.push({ two, one: runCup(1) });
    } else {
      const one = runCup(1);
      pairs.push({ one, two: runCup(2) });
    }
  }
  const ratios = pairs.map((p) => p.one.s / p.two.s);
  const out: Record<string, number> = {
    cup16_s: r1(median(pairs.map((p) => p.two.s))),
    cup16_1worker_s: r1(median(pairs.map((p) => p.one.s))),
    cup_parallel_speedup: r2(median(ratios)),
    cup_parallel_speedup_min: r2(Math.min(...ratios)),
    cup_parallel_speedup_max: r2(Math.max(...ratios)),
    cup_pairs: pairs.length,
  };
  const cpu = (xs: Array<number | null>): number[] | null => (xs.every((x) => x !== null) ? (xs as number[]) : null);
  const two = cpu(pairs.map((p) => p.two.cpu));
  const one = cpu(pairs.map((p) => p.one.cpu));
  if (two && one) {
    Object.assign(out, {
      cup16_cpu_s: r1(median(two)),
      cup16_1worker_cpu_s: r1(median(one)),
      cup_parallel_speedup_cpu_bound: r2(median(pairs.map((p) => (2 * p.one.s) / p.two.cpu!))),
    });
  }
  return out;
}
