// Test helpers for `verify` in-process: a short real replay, and a way to play the re-simulation
// once per distinct match (the result of a match is a function of its config, sources and limits,
// so reusing it for a second replay of the same match changes nothing but the time taken).
import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../engine/replay/canonical-json.js';
import type { RunResult } from '../../tournament/runner/job.js';
import { MatchPool } from '../../tournament/runner/pool.js';
import type { ReplayPlayFn } from '../../tournament/verify.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', ['bin/matchday.mjs', ...args], { encoding: 'utf8', timeout: 300_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Records the frozen fixture team against builtin:chaser, `half` ticks a half, through the real CLI; returns the replay's path. */
export async function recordShort(dir: string, half = 100, seed = 3): Promise<string> {
  copyFileSync('test/fixtures/policies/golden.js', join(dir, 'golden.js'));
  const out = join(dir, 'short.mdr');
  const r = await cli('play', join(dir, 'golden.js'), 'builtin:chaser', '--seed', String(seed), '--half-ticks', String(half), '--out', out);
  if (r.code !== 0) throw new Error(`recording failed: ${r.stderr}`);
  return out;
}

export interface CachedPlay {
  play: ReplayPlayFn;
  /** Matches actually played (cache misses). */
  played(): number;
  close(): Promise<void>;
}

/** A `play` for verifyReplay that plays each distinct match once on one shared pool. */
export function cachedPlay(): CachedPlay {
  const pool = new MatchPool(1);
  const cache = new Map<string, { bytes: Uint8Array; result: RunResult }>();
  let played = 0;
  const play: ReplayPlayFn = async (config, home, away, opts) => {
    const key = canonicalJson({ config, home: [home.name, home.spec, readFileSync(home.file, 'utf8')], away: [away.name, away.spec, readFileSync(away.file, 'utf8')], limits: opts.limits ?? null });
    let hit = cache.get(key);
    if (!hit) {
      played++;
      const result = await pool.run({ config, home, away, ...(opts.out ? { out: opts.out } : {}), ...(opts.limits ? { limits: opts.limits } : {}) });
      hit = { bytes: readFileSync(opts.out!), result };
      cache.set(key, hit);
    } else if (opts.out) writeFileSync(opts.out, hit.bytes);
    return hit.result;
  };
  return { play, played: () => played, close: () => pool.close() };
}
