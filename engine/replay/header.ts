// Building the header and footer from what the match runner knows, and checking their shape on read.
import { CHECKPOINT_EVERY } from '../constants.js';
import type { MatchResult } from '../match.js';
import type { MatchConfig } from '../state.js';
import { ENGINE_VERSION } from '../version.js';
import { REPLAY_FORMAT_VERSION, ReplayError, SEGMENT_TICKS } from './format.js';
import { problemOf } from './check.js';
import { checkFooterJson, checkHeaderJson } from './schema.js';
import type { ReplayFooter, ReplayHeader, ReplayHeaderInfo } from './types.js';

export function makeReplayHeader(config: MatchConfig, info: ReplayHeaderInfo): ReplayHeader {
  return {
    format: REPLAY_FORMAT_VERSION,
    engine: ENGINE_VERSION,
    runtime: info.runtime,
    seed: config.seed,
    config,
    budget: info.budget,
    teams: info.teams,
    segmentTicks: SEGMENT_TICKS,
    checkpointEvery: CHECKPOINT_EVERY,
  };
}

export function footerFromResult(r: MatchResult): ReplayFooter {
  return {
    score: r.score,
    shootout: r.shootout,
    winner: r.winner,
    endReason: r.endReason,
    ticks: r.ticks,
    hash: r.hash,
    checkpoints: r.checkpoints,
    stats: r.stats,
    events: r.events,
    teams: r.teams,
    forfeit: r.forfeit,
    nonReproducible: r.nonReproducible,
  };
}

/** Checks the header's shape and bounds (schema.ts); a CRC-clean header that fails was not written by matchday. */
export function checkHeader(v: unknown, file: string): ReplayHeader {
  const problem = problemOf(checkHeaderJson, v);
  if (problem) throw new ReplayError(file, 'invalid', `invalid header: ${problem}`);
  return v as ReplayHeader;
}

export function checkFooter(v: unknown, file: string): ReplayFooter {
  const problem = problemOf(checkFooterJson, v);
  if (problem) throw new ReplayError(file, 'invalid', `invalid footer: ${problem}`);
  return v as ReplayFooter;
}
