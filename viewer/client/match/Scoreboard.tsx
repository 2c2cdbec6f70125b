// Team names in their colours, the score (and shoot-out), the 90-minute clock and the period.
import type { Frame, ReplayHeader } from '../../../engine/replay/types.js';
import { PERIODS } from '../../../engine/state.js';
import { TEAM_COLORS } from '../colors.js';
import { clockText } from '../playback/timeline.js';

const PERIOD_TEXT: Record<string, string> = {
  first_half: '1st half',
  second_half: '2nd half',
  extra_first: 'Extra time 1',
  extra_second: 'Extra time 2',
  shootout: 'Shoot-out',
  finished: 'Full time',
};

interface Props {
  header: ReplayHeader;
  frame: Frame | undefined;
  teams: [string, string];
  live: boolean;
  /** Extra time was played before the shown frame (the stopped clock then reads 120, not 90). */
  extraTimePlayed: boolean;
}

export function Scoreboard({ header, frame, teams, live, extraTimePlayed }: Props) {
  const c = header.config;
  const period = frame ? PERIODS[frame.period] ?? 'first_half' : 'first_half';
  return (
    <div className="scoreboard" data-testid="scoreboard">
      <span className="team home">
        <i className="swatch" style={{ background: TEAM_COLORS[0].shirt }} />
        {teams[0]}
      </span>
      <span className="score" data-testid="score">
        {frame ? `${frame.score[0]} – ${frame.score[1]}` : '–'}
        {frame?.shootout && <small> ({frame.shootout[0]}–{frame.shootout[1]} pens)</small>}
      </span>
      <span className="team away">
        {teams[1]}
        <i className="swatch" style={{ background: TEAM_COLORS[1].shirt }} />
      </span>
      <span className="clock" data-testid="clock">
        {frame ? clockText(frame.period, frame.periodTick, c.halfTicks, c.extraTimeTicks, extraTimePlayed) : '0:00'}
      </span>
      <span className="period">{PERIOD_TEXT[period]}</span>
      {live && <span className="live-badge">LIVE</span>}
    </div>
  );
}
