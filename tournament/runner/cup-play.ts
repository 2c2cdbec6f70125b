// The tournament's PlayFn on top of the match pool: each cup match in a child process, its
// replay written into the cup folder, and its blobs offered for live viewing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { fromEngineResult } from '../engine-result.js';
import type { MatchJob as CupJob, MatchResult, PlayFn } from '../types.js';
import type { MatchPool, RunHooks } from './pool.js';

export interface LiveSink {
  /** A match starts (or restarts after a crash): its blobs follow. */
  begin(matchId: string): void;
  blob(matchId: string, kind: 'header' | 'segment' | 'footer', blob: Uint8Array): void;
  end(matchId: string): void;
}

/** Content hash of a team's policy: builtins by their file's bytes too, so a changed builtin is noticed on resume. */
export function policyHash(spec: string): string {
  return createHash('sha256').update(readFileSync(resolveTeam(spec).file)).digest('hex');
}

export function makeCupPlay(pool: MatchPool, replayPath: (matchId: string) => string, live?: LiveSink): PlayFn {
  return async (job: CupJob): Promise<MatchResult> => {
    const home = { ...resolveTeam(job.home.policy), name: job.home.name };
    const away = { ...resolveTeam(job.away.policy), name: job.away.name };
    const config = defaultConfig({ seed: job.seed, homeName: home.name, awayName: away.name, ...job.settings });
    const hooks: RunHooks = {};
    if (live) {
      hooks.onBlob = (kind, blob) => {
        if (kind === 'header') live.begin(job.matchId);
        live.blob(job.matchId, kind, blob);
      };
    }
    const t0 = Date.now();
    const r = await pool.run({ config, home, away, out: replayPath(job.matchId), stream: live !== undefined }, hooks);
    live?.end(job.matchId);
    const out = fromEngineResult(job, r);
    // Wall time and pid are bookkeeping for the journal and the report, never part of a result's identity.
    out.runner = { pid: r.pid, wallMs: Date.now() - t0, attempts: r.crashes.length + 1 };
    return out;
  };
}
