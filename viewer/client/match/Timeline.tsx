// The timeline: what has arrived, the marks (goals, shots, cards, halves, faults) and the playhead.
// Drag anywhere on it to seek; click a mark to jump to it.
import { useRef } from 'react';
import { TEAM_COLORS } from '../colors.js';
import type { Mark } from '../playback/timeline.js';

interface Props {
  tick: number;
  available: number;
  length: number;
  marks: readonly Mark[];
  onSeek: (tick: number) => void;
}

function markColor(m: Mark): string {
  if (m.kind === 'yellow') return '#ffd400';
  if (m.kind === 'red') return '#e00000';
  if (m.kind === 'period') return '#ffffff';
  if (m.kind === 'fault') return '#ff00d4';
  return TEAM_COLORS[m.team === 1 ? 1 : 0].shirt;
}

export function Timeline({ tick, available, length, marks, onSeek }: Props) {
  const track = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const span = Math.max(1, length);
  const pct = (t: number): string => `${Math.min(100, (t / span) * 100)}%`;
  const tickAt = (clientX: number): number => {
    const r = track.current!.getBoundingClientRect();
    return Math.round(((clientX - r.left) / r.width) * span);
  };
  return (
    <div
      className="timeline"
      ref={track}
      data-testid="timeline"
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        onSeek(tickAt(e.clientX));
      }}
      onPointerMove={(e) => {
        if (dragging.current) onSeek(tickAt(e.clientX));
      }}
      onPointerUp={() => {
        dragging.current = false;
      }}
    >
      <div className="tl-available" style={{ width: pct(available) }} />
      {marks.map((m, i) => (
        <button
          key={i}
          className={`tl-mark tl-${m.kind}`}
          data-kind={m.kind}
          data-tick={m.tick}
          title={m.label}
          style={{ left: pct(m.tick), background: markColor(m) }}
          onPointerDown={(e) => {
            // The mark takes the click; the track's drag must not start under it.
            e.stopPropagation();
            onSeek(m.tick);
          }}
        />
      ))}
      <div className="tl-head" style={{ left: pct(tick) }} />
    </div>
  );
}
