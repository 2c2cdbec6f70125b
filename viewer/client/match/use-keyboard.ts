// Keyboard shortcuts of the match view: space play/pause; ←/→ one tick; Shift+←/→ ten seconds;
// ↑/↓ faster/slower; 1..7 pick a speed; Home the kick-off; End the live edge or the end.
import { useEffect, useRef } from 'react';
import { SPEEDS } from '../playback/clock.js';

export interface KeyActions {
  toggle: () => void;
  step: (delta: number) => void;
  speed: (s: number) => void;
  currentSpeed: () => number;
  home: () => void;
  end: () => void;
}

export function useKeyboard(actions: KeyActions): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const on = (e: KeyboardEvent): void => {
      // Typing in a field (none today, but a search box is likely) must not drive playback.
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable) && (t as HTMLInputElement).type !== 'checkbox') return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const a = ref.current;
      const i = SPEEDS.indexOf(a.currentSpeed() as (typeof SPEEDS)[number]);
      let handled = true;
      if (e.key === ' ') a.toggle();
      else if (e.key === 'ArrowLeft') a.step(e.shiftKey ? -100 : -1);
      else if (e.key === 'ArrowRight') a.step(e.shiftKey ? 100 : 1);
      else if (e.key === 'ArrowUp') a.speed(SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]!);
      else if (e.key === 'ArrowDown') a.speed(SPEEDS[Math.max(0, i - 1)]!);
      else if (e.key === 'Home') a.home();
      else if (e.key === 'End') a.end();
      else if (/^[1-7]$/.test(e.key)) a.speed(SPEEDS[Number(e.key) - 1]!);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
}
