// match_process_start_ms and cli_start_ms: what a fresh process costs before it does any work, with the
// build cache warm. A match process counts from spawn to its 'ready' message (watchdog thread running,
// isolated-vm loaded), in wall time and in CPU time (match_process_start_cpu_ms: steadier on a loaded
// machine, where wall time mostly measures the queue for a core); the CLI from spawn to exit of `matchday --help`, through bin/matchday.mjs as users
// and tests run it (plain `node`, so it re-runs itself once with --no-node-snapshot).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildMessage } from '../../tournament/runner/job.js';
import { spawnMatchProcess } from '../../tournament/runner/spawn.js';
import { median } from './median.js';

const CLI = fileURLToPath(new URL('../../bin/matchday.mjs', import.meta.url));
const RUNS = 7;


/** CPU time (user + system, all threads) a live process has used, in ms (Linux; NaN elsewhere). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100 on Linux)
  } catch {
    return NaN;
  }
}

/** Wall and CPU milliseconds from spawn to 'ready' of one match process, which is then stopped. */
function oneMatchProcess(): Promise<{ wall: number; cpu: number }> {
  const t0 = performance.now();
  const child = spawnMatchProcess();
  let took: { wall: number; cpu: number } | null = null;
  return new Promise((resolve, reject) => {
    child.on('message', (m: ChildMessage) => {
      if (m.type !== 'ready') return;
      took = { wall: performance.now() - t0, cpu: cpuMs(child.pid ?? -1) };
      child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => (took !== null ? resolve(took) : reject(new Error(`match process exited before ready (${signal ?? code})`))));
  });
}

export async function startBench(): Promise<{ match_process_start_ms: number; match_process_start_cpu_ms: number; cli_start_ms: number }> {
  await oneMatchProcess(); // warms the build cache (a first build is not what this measures)
  const match: number[] = [];
  const matchCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { wall, cpu } = await oneMatchProcess();
    match.push(wall);
    matchCpu.push(cpu);
  }
  const cli: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync('node', [CLI, '--help'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`start bench: matchday --help exited with ${r.status ?? r.signal}: ${r.stderr}`);
    if (i > 0) cli.push(performance.now() - t0); // the first run may build the CLI's bundle
  }
  return { match_process_start_ms: Math.round(median(match)), match_process_start_cpu_ms: Math.round(median(matchCpu)), cli_start_ms: Math.round(median(cli)) };
}

// Run alone: node --no-node-snapshot --import tsx test/bench/start.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await startBench()));
}
