// Per team: show that policy's debug marks on the pitch, and its log lines around the shown tick.
import type { FrameStore } from '../playback/frame-store.js';
import { TEAM_COLORS } from '../colors.js';

interface Props {
  store: FrameStore;
  tick: number;
  debug: [boolean, boolean];
  teams: [string, string];
  onToggle: (team: 0 | 1) => void;
}

/** Ticks of log lines shown, back from the shown one. */
const LOG_WINDOW = 50;

export function DebugPanel({ store, tick, debug, teams, onToggle }: Props) {
  return (
    <section className="panel debug" data-testid="debug">
      {([0, 1] as const).map((t) => {
        const lines: Array<{ tick: number; text: string }> = [];
        if (debug[t]) {
          for (let k = tick; k >= Math.max(0, tick - LOG_WINDOW) && lines.length < 40; k--) {
            const d = store.frame(k)?.debug[t];
            if (d) for (let j = d.logs.length - 1; j >= 0; j--) lines.push({ tick: k, text: d.logs[j]! });
          }
        }
        return (
          <div key={t}>
            <label>
              <input type="checkbox" checked={debug[t]} onChange={() => onToggle(t)} data-testid={`debug-${t}`} />
              <i className="swatch" style={{ background: TEAM_COLORS[t].shirt }} />
              {teams[t]}: marks and logs
            </label>
            {debug[t] && (
              <ol className="logs">
                {lines.length === 0 && <li className="muted">no log lines in the last {LOG_WINDOW} ticks</li>}
                {lines.map((l, i) => (
                  <li key={i}>
                    <span className="min">t{l.tick}</span> {l.text}
                  </li>
                ))}
              </ol>
            )}
          </div>
        );
      })}
    </section>
  );
}
