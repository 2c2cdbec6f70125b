// The public form of a replay during a season: each team's source replaced by its SHA-256 and all debug output removed.
import { ReplayReader, rewriteReplay, type Frame, type ReplayHeader } from '../engine/replay/index.js';

/**
 * Re-encodes `bytes` with both teams' sources replaced by their SHA-256 (which the header already holds)
 * and every frame's debug output dropped (but one team's own, for that team's copy). Frames, hashes and checkpoints are untouched, so the result
 * still decodes, plays in the viewer and checks against its recorded hashes; it cannot be re-simulated.
 */
export function redactReplay(bytes: Uint8Array, name = 'replay', keepDebugOf?: 0 | 1): Uint8Array {
  const reader = new ReplayReader(bytes, name);
  const h = reader.header;
  // `keepDebugOf`: the copy for one of the two teams, which may see its own marks and log lines (never the other's).
  const frame = (f: Frame): Frame => ({ ...f, debug: [keepDebugOf === 0 ? f.debug[0] : null, keepDebugOf === 1 ? f.debug[1] : null] });
  return rewriteReplay(reader, { header: { ...h, teams: redactTeams(h.teams) }, frame });
}

/** The header's teams with each source replaced by a line naming its SHA-256 (which the header already holds). */
export function redactTeams(teams: ReplayHeader['teams']): ReplayHeader['teams'] {
  return teams.map((t) => ({ ...t, source: `// redacted during the season; sha256 ${t.sha256}\n` })) as ReplayHeader['teams'];
}
