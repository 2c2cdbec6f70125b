// Where a match view gets its match from: the viewer's WebSocket (cups, scrims, live matches) or a season's
// HTTP replays. The view only streams blobs into its session and asks for names and links.
import type { MatchSession } from '../playback/session.js';

export interface MatchSource {
  /** Starts feeding `session` with the match's blobs; `unwatch` stops it. */
  watch(matchId: string, session: MatchSession): void;
  unwatch(matchId: string, session: MatchSession): void;
  /** The team names and label shown for this match, when the source knows them. */
  describe(matchId: string): { home: string; away: string; label: string } | undefined;
  /** The back link above the pitch. */
  back: { href: string; label: string };
  /** This match's address at a tick (the address bar follows the playhead, so it is always a shareable link). */
  hash(matchId: string, tick: number | null): string;
}
