// Queue benchmarks (issue 14), each with its own Redis (test/helpers/redis.ts):
// queue_overhead_ms: per match, enqueue to checked result minus the worker's pool time for it, with a
// warm in-process worker (median of several default-length matches);
// queue_cup16_s: the demo cup through the queue with two `matchday worker --workers 1` processes,
// beside the same cup played locally with two workers in the same run (queue_cup16_local_s).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { RemotePool } from '../../tournament/queue/remote-pool.js';
import type { WorkerOutput } from '../../tournament/queue/schema.js';
import { startQueueWorker } from '../../tournament/queue/worker.js';
import { startRedis } from '../helpers/redis.js';

const ENV = { ...process.env, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' };

async function overheadMs(matches = 6): Promise<number> {
  const redis = await startRedis();
  const dir = mkdtempSync(join(tmpdir(), 'matchday-bench-queue-'));
  const worker = await startQueueWorker({ url: redis.url, slots: 1, dir, log: () => undefined });
  const outputs = new Map<string, WorkerOutput>();
  const pool = await RemotePool.connect({ url: redis.url, identity: { bench: Date.now() }, onCollected: (id, o) => outputs.set(id, o) });
  const home = resolveTeam('builtin:possession');
  const away = resolveTeam('builtin:direct');
  const over: number[] = [];
  try {
    // The first match warms the worker's match process; it is not counted.
    for (let i = 0; i <= matches; i++) {
      const matchId = `bench-${i}`;
      const t0 = performance.now();
      await pool.run({ matchId, config: defaultConfig({ seed: 100 + i, homeName: home.name, awayName: away.name }), home, away, out: join(dir, `${matchId}.mdr`) });
      const total = performance.now() - t0;
      if (i > 0) over.push(total - outputs.get(matchId)!.playMs);
    }
  } finally {
    await pool.close();
    await worker.finish();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  over.sort((a, b) => a - b);
  return over[Math.floor(over.length / 2)]!;
}

function localCup(dir: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--no-node-snapshot', 'bin/matchday.mjs', 'cup', 'tournament/demo-cup.json', '--out', join(dir, 'local'), '--workers', '2', '--json'], { encoding: 'utf8', env: ENV });
  if (r.status !== 0) throw new Error(`local demo cup failed: ${r.stderr.slice(-500)}`);
  return (performance.now() - t0) / 1000;
}

async function queuedCup(dir: string): Promise<number> {
  const redis = await startRedis();
  const workers = [1, 2].map((i) =>
    spawn(process.execPath, ['--no-node-snapshot', 'bin/matchday.mjs', 'worker', '--redis', redis.url, '--workers', '1', '--name', `bench${i}`, '--dir', join(dir, `w${i}`)], { env: ENV, stdio: 'ignore' }),
  );
  try {
    const t0 = performance.now();
    const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const c = spawn(process.execPath, ['--no-node-snapshot', 'bin/matchday.mjs', 'cup', 'tournament/demo-cup.json', '--out', join(dir, 'queued'), '--redis', redis.url, '--json'], { env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      c.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
      c.once('exit', (code) => resolve({ code, err }));
    });
    if (r.code !== 0) throw new Error(`queued demo cup failed: ${r.err.slice(-500)}`);
    return (performance.now() - t0) / 1000;
  } finally {
    await Promise.all(workers.map((w) => new Promise((res) => (w.once('exit', res), w.kill('SIGTERM')))));
    await redis.stop();
  }
}

export async function queueBench(): Promise<Record<string, number>> {
  const overhead = await overheadMs();
  const dir = mkdtempSync(join(tmpdir(), 'matchday-bench-queue-cup-'));
  try {
    const local = localCup(dir);
    const queued = await queuedCup(dir);
    return {
      queue_overhead_ms: Math.round(overhead * 10) / 10,
      queue_cup16_s: Math.round(queued * 10) / 10,
      queue_cup16_local_s: Math.round(local * 10) / 10,
      queue_cup16_ratio: Math.round((queued / local) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: node --no-node-snapshot --import tsx test/bench/queue.ts [overhead]
if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2];
  const out = only === 'overhead' ? { queue_overhead_ms: await overheadMs() } : await queueBench();
  process.stdout.write(JSON.stringify(out) + '\n');
}
