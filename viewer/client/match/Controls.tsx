// Play/pause, step, speed, back-to-live and the shareable link of the shown moment.
import { SPEEDS } from '../playback/clock.js';

interface Props {
  playing: boolean;
  speed: number;
  live: boolean;
  following: boolean;
  onToggle: () => void;
  onStep: (delta: number) => void;
  onSpeed: (s: number) => void;
  onLive: () => void;
  onCopyLink: () => void;
}

export function Controls(p: Props) {
  return (
    <div className="controls">
      <button onClick={() => p.onStep(-100)} title="Back 10 s (Shift+←)">−10s</button>
      <button onClick={() => p.onStep(-1)} title="Back one tick (←)">−1</button>
      <button className="play" data-testid="play" onClick={p.onToggle} title="Play / pause (space)">
        {p.playing ? 'Pause' : 'Play'}
      </button>
      <button onClick={() => p.onStep(1)} title="Forward one tick (→)">+1</button>
      <button onClick={() => p.onStep(100)} title="Forward 10 s (Shift+→)">+10s</button>
      <span className="speeds" role="group" aria-label="speed">
        {SPEEDS.map((s, i) => (
          <button key={s} className={s === p.speed ? 'on' : ''} onClick={() => p.onSpeed(s)} title={`Speed ${s}x (key ${i + 1})`}>
            {s}x
          </button>
        ))}
      </span>
      {p.live && (
        <button className={p.following ? 'on live' : 'live'} onClick={p.onLive} title="Jump to the live edge (End)">
          ● Live
        </button>
      )}
      <button onClick={p.onCopyLink} title="Copy a link to this moment">Link</button>
    </div>
  );
}
