// How every command plays a match: in a child process, both teams sandboxed (tournament/runner).
import type { MatchConfig } from '../engine/state.js';
import type { SandboxLimits } from '../sandbox/index.js';
import type { TeamSpec } from '../policies/builtins.js';
import type { RunResult } from '../tournament/runner/job.js';
import { MatchPool } from '../tournament/runner/pool.js';
import { onShutdown } from './shutdown.js';

export interface PlayOptions {
  out?: string | undefined;
  /** Sandbox limits; verify passes the ones the replay recorded, since the budget decides which ticks are cut off. */
  limits?: Partial<SandboxLimits> | undefined;
}

export async function playMatch(config: MatchConfig, home: TeamSpec, away: TeamSpec, opts: PlayOptions): Promise<RunResult> {
  const pool = new MatchPool(1);
  const off = onShutdown(() => pool.close());
  try {
    const job = { config, home, away, ...(opts.out ? { out: opts.out } : {}), ...(opts.limits ? { limits: opts.limits } : {}) };
    return await pool.run(job);
  } finally {
    off();
    await pool.close();
  }
}
