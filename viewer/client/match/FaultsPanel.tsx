// Each policy's faults (errors, budget overruns, invalid output) at the tick they happened: what a
// contestant comes here to find. Past faults are bold; click one to see that moment.
import { TEAM_COLORS } from '../colors.js';
import type { TeamFault } from '../playback/frame-store.js';

interface Props {
  faults: readonly TeamFault[];
  tick: number;
  teams: [string, string];
  onSeek: (tick: number) => void;
}

export function FaultsPanel({ faults, tick, teams, onSeek }: Props) {
  return (
    <section className="panel faults" data-testid="faults">
      {([0, 1] as const).map((t) => {
        const mine = faults.filter((f) => f.team === t);
        return (
          <div key={t}>
            <h4>
              <i className="swatch" style={{ background: TEAM_COLORS[t].shirt }} />
              {teams[t]}: {mine.length === 0 ? 'no faults' : `${mine.length} fault${mine.length > 1 ? 's' : ''}`}
            </h4>
            <ol>
              {mine.slice(0, 200).map((f, i) => (
                <li key={i} className={f.tick <= tick ? 'past' : 'future'} onClick={() => onSeek(f.tick)}>
                  <span className="min">t{f.tick}</span> <b>{f.kind}</b>
                  {f.fatal ? ' (fatal: team frozen)' : ''}: {f.message}
                  {f.line !== undefined ? ` (line ${f.line})` : ''}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
