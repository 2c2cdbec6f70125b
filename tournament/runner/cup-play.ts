// The tournament's PlayFn on top of the match pool: each cup match in a child process, its
// replay written into the cup folder, and its blobs offered for live viewing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TICKS_PER_SECOND } from '../../engine/constants.js';
import { SEGMENT_TICKS } from '../../engine/replay/index.js';
import { defaultConfig } from '../../engine/setup.js';
import { fromEngineResult } from '../engine-result.js';
import type { CupMatchJob, CupMatchResult, PlayFn, TeamResolver } from '../types.js';
import type { RunHooks } from './pool.js';
import type { RunResult, MatchJob } from './job.js';

/** What plays a cup's matches: the local pool (pool.ts) or the queue (tournament/queue/remote-pool.ts). */
export interface MatchRunner {
  run(job: MatchJob, hooks?: RunHooks): Promise<RunResult>;
}

/** Where live matches go (the viewer server's LiveHub has this shape). */
export interface LiveSink {
  begin(matchId: string, header: Uint8Array, meta?: { label?: string; home?: string; away?: string }): void;
  segment(matchId: string, blob: Uint8Array): void;
  end(matchId: string, footer: Uint8Array): void;
}

export interface LiveOptions {
  sink: LiveSink;
  /** Times real time (10 ticks a second) at which segments are released; 0: as fast as they are made. */
  pace: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Feeds one match's blobs to the live sink, released at the chosen pace. Pacing only delays
 * what spectators see (and so when the cup moves on); the match itself is already decided.
 */
export function pacedFeed(matchId: string, live: LiveOptions, meta: { label?: string; home?: string; away?: string }) {
  const segmentMs = (SEGMENT_TICKS / TICKS_PER_SECOND) * 1000;
  let chain = Promise.resolve();
  let start = 0;
  let k = 0;
  return {
    blob(kind: 'header' | 'segment' | 'footer', blob: Uint8Array) {
      chain = chain.then(async () => {
        if (kind === 'header') {
          start = Date.now();
          k = 0;
          live.sink.begin(matchId, blob, meta);
        } else if (kind === 'segment') {
          k++;
          if (live.pace > 0) await sleep(Math.max(0, start + (k * segmentMs) / live.pace - Date.now()));
          live.sink.segment(matchId, blob);
        } else live.sink.end(matchId, blob);
      });
    },
    done: () => chain,
  };
}

/** Content hash of a team's policy: builtins by their file's bytes too, so a changed builtin is noticed on resume. */
export function policyHash(spec: string, resolve: TeamResolver): string {
  return createHash('sha256').update(readFileSync(resolve(spec).file)).digest('hex');
}

/** `resolve` turns a cup team's policy spec into its file (the caller's resolver: the runner knows no team folder). */
export function makeCupPlay(pool: MatchRunner, resolve: TeamResolver, replayPath: (matchId: string) => string, live?: LiveOptions): PlayFn {
  return async (job: CupMatchJob): Promise<CupMatchResult> => {
    const home = { ...resolve(job.home.policy), name: job.home.name };
    const away = { ...resolve(job.away.policy), name: job.away.name };
    const config = defaultConfig({ seed: job.seed, homeName: home.name, awayName: away.name, ...job.settings });
    const hooks: RunHooks = {};
    const feed = live ? pacedFeed(job.matchId, live, { label: job.matchId, home: job.home.id, away: job.away.id }) : null;
    if (feed) hooks.onBlob = (kind, blob) => feed.blob(kind, blob);
    const t0 = Date.now();
    const r = await pool.run({ matchId: job.matchId, config, home, away, out: replayPath(job.matchId), stream: live !== undefined }, hooks);
    await feed?.done();
    const out = fromEngineResult(job, r);
    // Wall time and pid are bookkeeping for the journal and the report, never part of a result's identity.
    out.runner = { pid: r.pid, wallMs: Date.now() - t0, attempts: r.crashes.length + 1 };
    return out;
  };
}
