// How every command plays a match: in a child process, both teams sandboxed (tournament/runner).
import type { MatchConfig } from '../engine/state.js';
import type { TeamSpec } from '../policies/builtins.js';
import type { RunResult } from '../tournament/runner/job.js';
import { MatchPool } from '../tournament/runner/pool.js';
import { onShutdown } from './shutdown.js';

export interface PlayOptions {
  out?: string | undefined;
}

export async function playMatch(config: MatchConfig, home: TeamSpec, away: TeamSpec, opts: PlayOptions): Promise<RunResult> {
  const pool = new MatchPool(1);
  const off = onShutdown(() => pool.close());
  try {
    const job = { config, home, away, ...(opts.out ? { out: opts.out } : {}) };
    return await pool.run(job);
  } finally {
    off();
    await pool.close();
  }
}
