// The public form of a replay during a season: each team's source replaced by its SHA-256 and all debug output removed.
import { ReplayReader, rewriteReplay, type ReplayHeader } from '../engine/replay/index.js';

/**
 * Re-encodes `bytes` with both teams' sources replaced by their SHA-256 (which the header already holds)
 * and every frame's debug output dropped. Frames, hashes and checkpoints are untouched, so the result
 * still decodes, plays in the viewer and checks against its recorded hashes; it cannot be re-simulated.
 */
export function redactReplay(bytes: Uint8Array, name = 'replay'): Uint8Array {
  const reader = new ReplayReader(bytes, name);
  const h = reader.header;
  return rewriteReplay(reader, { header: { ...h, teams: redactTeams(h.teams) }, frame: (f) => ({ ...f, debug: [null, null] }) });
}

/** The header's teams with each source replaced by a line naming its SHA-256 (which the header already holds). */
export function redactTeams(teams: ReplayHeader['teams']): ReplayHeader['teams'] {
  return teams.map((t) => ({ ...t, source: `// redacted during the season; sha256 ${t.sha256}\n` })) as ReplayHeader['teams'];
}
