// Replay benchmark: the compressed size of a default-length match (the viewer aims for under 300 KB),
// and `matchday inspect` of that replay end to end (the contestant's loop aims for under 2 s).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { makeReplayHeader, ReplayWriter, type TeamSource } from '../../engine/replay/index.js';
import { defaultConfig } from '../../engine/setup.js';
import { median } from './median.js';

const CLI = fileURLToPath(new URL('../../bin/matchday.mjs', import.meta.url));
const INSPECT_RUNS = 3;

async function team(name: string): Promise<{ module: PolicyModule; source: TeamSource }> {
  const url = new URL(`../../policies/${name}.js`, import.meta.url);
  const text = readFileSync(url, 'utf8');
  const source = { name, spec: `builtin:${name}`, file: `${name}.js`, sha256: createHash('sha256').update(text).digest('hex'), source: text };
  return { module: (await import(url.href)) as PolicyModule, source };
}


/** Wall milliseconds from spawn to exit of `matchday inspect file`, its JSON lines read from a pipe; checks it gave `lines` of them. */
function inspectOnce(file: string, lines: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn('node', [CLI, 'inspect', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let newlines = 0;
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => {
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) newlines++;
  });
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`inspect bench: matchday inspect exited with ${code}: ${stderr.slice(0, 500)}`));
      else if (newlines !== lines) reject(new Error(`inspect bench: ${newlines} lines, expected ${lines}`));
      else resolve(ms);
    });
  });
}

/**
 * builtin:possession v builtin:chaser, seed 1, default length, in-process: `replay_kb` is the whole
 * file's size (sources embedded); `inspect_ms` the median wall time of `matchday inspect` streaming
 * all of it as JSON lines into a pipe, process start included (a first, unmeasured run warms the CLI's
 * build cache).
 */
export async function replayBench(): Promise<{ replay_kb: number; inspect_ms: number }> {
  const [home, away] = await Promise.all([team('possession'), team('chaser')]);
  const config = defaultConfig({ seed: 1, homeName: 'possession', awayName: 'chaser' });
  const writer = new ReplayWriter(
    makeReplayHeader(config, { runtime: { node: process.versions.node, v8: process.versions.v8, isolatedVm: null }, budget: null, teams: [home.source, away.source] }),
  );
  const result = runMatch(config, [inProcessController(home.module), inProcessController(away.module)], { listeners: [writer] });
  const bytes = writer.file();
  const dir = mkdtempSync(join(tmpdir(), 'matchday-bench-replay-'));
  try {
    const file = join(dir, 'default.mdr');
    writeFileSync(file, bytes);
    await inspectOnce(file, result.ticks + 1);
    const times: number[] = [];
    for (let i = 0; i < INSPECT_RUNS; i++) times.push(await inspectOnce(file, result.ticks + 1));
    return { replay_kb: Math.round(bytes.length / 102.4) / 10, inspect_ms: Math.round(median(times)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: node --no-node-snapshot --import tsx test/bench/replay.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await replayBench()));
}
