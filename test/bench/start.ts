// match_process_start_ms and cli_start_ms: what a fresh process costs before it does any work, with the
// build cache warm. A match process counts from spawn to its 'ready' message (watchdog thread running,
// isolated-vm loaded); the CLI from spawn to exit of `matchday --help`, through bin/matchday.mjs as users
// and tests run it (plain `node`, so it re-runs itself once with --no-node-snapshot).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage } from '../../tournament/runner/job.js';
import { spawnMatchProcess } from '../../tournament/runner/spawn.js';

const CLI = fileURLToPath(new URL('../../bin/matchday.mjs', import.meta.url));
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Milliseconds from spawn to 'ready' of one match process, which is then stopped. */
function oneMatchProcess(): Promise<number> {
  const t0 = performance.now();
  const child = spawnMatchProcess();
  let ms: number | null = null;
  return new Promise((resolve, reject) => {
    child.on('message', (m: ChildMessage) => {
      if (m.type !== 'ready') return;
      ms = performance.now() - t0;
      child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => (ms !== null ? resolve(ms) : reject(new Error(`match process exited before ready (${signal ?? code})`))));
  });
}

export async function startBench(): Promise<{ match_process_start_ms: number; cli_start_ms: number }> {
  await oneMatchProcess(); // warms the build cache (a first build is not what this measures)
  const match: number[] = [];
  for (let i = 0; i < RUNS; i++) match.push(await oneMatchProcess());
  const cli: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync('node', [CLI, '--help'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`start bench: matchday --help exited with ${r.status ?? r.signal}: ${r.stderr}`);
    if (i > 0) cli.push(performance.now() - t0); // the first run may build the CLI's bundle
  }
  return { match_process_start_ms: Math.round(median(match)), cli_start_ms: Math.round(median(cli)) };
}

// Run alone: node --no-node-snapshot --import tsx test/bench/start.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await startBench()));
}
