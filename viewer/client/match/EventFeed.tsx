// The events up to the shown tick, newest first; click one to go there.
import type { MatchEvent } from '../../../engine/state.js';
import { TEAM_COLORS } from '../colors.js';
import { FEED_TYPES, eventText } from './names.js';

interface Props {
  events: readonly MatchEvent[];
  tick: number;
  teams: [string, string];
  onSeek: (tick: number) => void;
}

const SHOWN = 60;

export function EventFeed({ events, tick, teams, onSeek }: Props) {
  const rows: MatchEvent[] = [];
  for (let i = events.length - 1; i >= 0 && rows.length < SHOWN; i--) {
    const e = events[i]!;
    if (e.tick <= tick && FEED_TYPES.has(e.type)) rows.push(e);
  }
  return (
    <section className="panel feed" data-testid="feed">
      {rows.length === 0 && <p className="muted">No events yet.</p>}
      <ol>
        {rows.map((e, i) => (
          <li key={`${e.tick}-${i}`} className={`ev ev-${e.type}`} onClick={() => onSeek(e.tick)}>
            <span className="min">{e.minute}'</span>
            <i className="swatch" style={{ background: e.team === 0 || e.team === 1 ? TEAM_COLORS[e.team].shirt : 'transparent' }} />
            {eventText(e, teams)}
          </li>
        ))}
      </ol>
    </section>
  );
}
