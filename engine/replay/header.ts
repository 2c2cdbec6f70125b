// Building the header and footer from what the match runner knows, and checking their shape on read.
import { CHECKPOINT_EVERY } from '../constants.js';
import type { MatchResult } from '../match.js';
import type { MatchConfig } from '../state.js';
import { ENGINE_VERSION } from '../version.js';
import { REPLAY_FORMAT_VERSION, ReplayError, SEGMENT_TICKS } from './format.js';
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the fields a reader relies on; a CRC-clean header with the wrong shape was written by something else. */
export function checkHeader(v: unknown, file: string): ReplayHeader {
  const bad = (field: string): never => {
    throw new ReplayError(file, 'invalid', `invalid header: ${field} is missing or malformed`);
  };
  if (!isObject(v)) return bad('(top level)');
  if (typeof v.format !== 'number') bad('format');
  if (typeof v.engine !== 'string') bad('engine');
  if (typeof v.seed !== 'number') bad('seed');
  if (!isObject(v.config) || typeof v.config.halfTicks !== 'number') bad('config');
  if (!Array.isArray(v.teams) || v.teams.length !== 2) bad('teams');
  for (const [i, t] of (v.teams as unknown[]).entries()) {
    if (!isObject(t) || typeof t.name !== 'string' || typeof t.source !== 'string' || typeof t.file !== 'string' || typeof t.sha256 !== 'string') bad(`teams[${i}]`);
  }
  if (typeof v.segmentTicks !== 'number' || typeof v.checkpointEvery !== 'number') bad('segmentTicks/checkpointEvery');
  return v as unknown as ReplayHeader;
}

export function checkFooter(v: unknown, file: string): ReplayFooter {
  const bad = (field: string): never => {
    throw new ReplayError(file, 'invalid', `invalid footer: ${field} is missing or malformed`);
  };
  if (!isObject(v)) return bad('(top level)');
  if (!Array.isArray(v.score) || v.score.length !== 2) bad('score');
  if (typeof v.ticks !== 'number') bad('ticks');
  if (typeof v.hash !== 'string') bad('hash');
  if (!Array.isArray(v.checkpoints)) bad('checkpoints');
  if (!Array.isArray(v.events)) bad('events');
  if (!Array.isArray(v.teams) || v.teams.length !== 2) bad('teams');
  return v as unknown as ReplayFooter;
}
