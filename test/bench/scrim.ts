// scrim20_s: the contestant's loop at full size. One policy against two opponents over 20 seeds,
// home and away (80 matches at the default length), through `matchday scrim` itself, so the
// figure includes everything a contestant waits for: process start, sandboxes, replays, table.
// The policy is the top of the ladder and the opponents two reference styles: the heaviest
// policies we ship, so a contestant's own policy will usually be faster.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childrenCpuOf } from './children-cpu.js';

const CLI = fileURLToPath(new URL('../../bin/matchday.mjs', import.meta.url));

export async function scrimBench(): Promise<{ scrim20_s: number; scrim20_cpu_s?: number }> {
  const out = mkdtempSync(join(tmpdir(), 'scrim-bench-'));
  try {
    const t0 = performance.now();
    let r!: ReturnType<typeof spawnSync>;
    const cpu = childrenCpuOf(() => {
      r = spawnSync(process.execPath, [CLI, 'scrim', 'builtin:ladder-5', '--vs', 'builtin:possession,builtin:direct', '--seeds', '1-20', '--out', out, '--json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
    });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`scrim bench: matchday scrim exited with ${r.status ?? r.signal}`);
    const played = (JSON.parse(String(r.stdout).trim().split('\n').pop() ?? '{}') as { table?: { total?: { played?: number } } }).table?.total?.played;
    if (played !== 80) throw new Error(`scrim bench: expected 80 matches, the table has ${played}`);
    return { scrim20_s: Math.round(seconds * 10) / 10, ...(cpu !== null ? { scrim20_cpu_s: cpu } : {}) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// Run alone: node --no-node-snapshot --import tsx test/bench/scrim.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await scrimBench()));
}
