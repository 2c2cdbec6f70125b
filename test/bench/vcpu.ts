// Whether this machine's CPUs are equal right now. On the 2-vCPU development machine one vCPU was at times
// 1.5-1.8x slower than the other on match-like work, for minutes, while a plain arithmetic loop ran the same
// on both (docs/PERFORMANCE.md): then every wall-clock figure and every two-worker ratio of the run is off.
// The bench runs this first and last, so a reader can tell a run taken on equal CPUs from one that was not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p)) ?? null;
/** CPUs probed at most (the first ones): enough to see a slow one, bounded on a big machine. */
const MAX_CPUS = 4;

function probe(cpu: number): number {
  const r = spawnSync(TASKSET!, ['-c', String(cpu), process.execPath, '--no-node-snapshot', '--import', 'tsx', 'test/bench/vcpu-probe.ts'], { encoding: 'utf8' });
  const ms = Number(r.stdout.trim());
  if (r.status !== 0 || !Number.isFinite(ms) || ms <= 0) throw new Error(`the probe on cpu ${cpu} failed: ${(r.stderr || r.stdout).trim().slice(-300)}`);
  return ms;
}

/** `vcpu<N>_probe_ms`: the probe's CPU ms pinned to CPU N; `vcpu_skew`: the slowest over the fastest (1 = equal). */
export function vcpuKeys(suffix = ''): Record<string, number> {
  if (TASKSET === null) throw new Error('taskset (util-linux) is not installed');
  const n = Math.min(availableParallelism(), MAX_CPUS);
  if (n < 2) throw new Error('one CPU: nothing to compare');
  const out: Record<string, number> = {};
  const ms: number[] = [];
  for (let cpu = 0; cpu < n; cpu++) {
    const t = probe(cpu);
    ms.push(t);
    out[`vcpu${cpu}_probe_ms${suffix}`] = t;
  }
  out[`vcpu_skew${suffix}`] = Math.round((Math.max(...ms) / Math.min(...ms)) * 100) / 100;
  return out;
}

export async function vcpuBench(): Promise<Record<string, number>> {
  return vcpuKeys();
}

export async function vcpuEndBench(): Promise<Record<string, number>> {
  return vcpuKeys('_end');
}
