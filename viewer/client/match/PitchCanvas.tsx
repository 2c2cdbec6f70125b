// The pitch canvas and the animation loop: each animation frame moves the clock, blends the two
// frames around the shown moment and draws them. React is told only when the whole tick changes.
import { useEffect, useRef } from 'react';
import { emptyScene, sceneAt, type Scene } from '../playback/interpolate.js';
import type { MatchSession } from '../playback/session.js';
import { DRAW_SAMPLES, type MatchdayHook } from '../test-hook.js';
import { drawScene, layoutFor, paintPitch, type Layout } from './draw.js';

interface Props {
  session: MatchSession;
  debug: [boolean, boolean];
  hook: MatchdayHook;
  /** Called from the loop when the shown tick or the play state changed. */
  onShown: () => void;
}

export function PitchCanvas({ session, debug, hook, onShown }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  // The loop reads the latest props through refs, so toggling debug marks does not restart it.
  const debugRef = useRef(debug);
  debugRef.current = debug;
  const onShownRef = useRef(onShown);
  onShownRef.current = onShown;

  useEffect(() => {
    const canvas = ref.current!;
    const ctx = canvas.getContext('2d', { alpha: false })!;
    const pitch = document.createElement('canvas');
    let layout: Layout = layoutFor(1, 1);
    let dirty = true;
    const resize = (): void => {
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, canvas.clientWidth);
      const h = Math.max(1, canvas.clientHeight);
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      layout = layoutFor(w, h);
      pitch.width = canvas.width;
      pitch.height = canvas.height;
      const pctx = pitch.getContext('2d')!;
      pctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      paintPitch(pctx, layout);
      dirty = true;
    };
    resize();
    const ro = new ResizeObserver(resize);
    ro.observe(canvas);

    let scene: Scene | null = null;
    let last = performance.now();
    let lastTick = -1;
    let lastPlaying = false;
    let lastVersion = -1;
    let lastDebug = debugRef.current;
    let raf = 0;
    const loop = (now: number): void => {
      raf = requestAnimationFrame(loop);
      // A background tab gets no frames; on return, jump rather than fast-forward the gap.
      const ms = Math.min(now - last, 250);
      last = now;
      session.advance(ms);
      const c = session.clock;
      const f0 = session.store.frame(c.shownTick);
      const moved = c.tick !== scene?.t || session.store.version !== lastVersion || debugRef.current !== lastDebug;
      if (f0 && (moved || dirty)) {
        const t0 = performance.now();
        scene = sceneAt(scene ?? emptyScene(f0), c.tick, f0, session.store.frame(c.shownTick + 1));
        drawScene(ctx, layout, pitch, scene, { debug: debugRef.current });
        const dt = performance.now() - t0;
        if (hook.firstFrameAt === null) hook.firstFrameAt = performance.now();
        if (hook.drawMs.length >= DRAW_SAMPLES) hook.drawMs.shift();
        hook.drawMs.push(dt);
        hook.draws++;
        hook.ballDrawn = { x: scene.ball.x, y: scene.ball.y, z: scene.ball.z };
        dirty = false;
        lastDebug = debugRef.current;
      }
      hook.t = c.tick;
      hook.tick = c.shownTick;
      hook.playing = c.playing;
      hook.speed = c.speed;
      hook.available = session.store.available;
      hook.final = session.availability().final;
      hook.score = f0 ? [f0.score[0], f0.score[1]] : null;
      hook.error = session.error;
      if (c.shownTick !== lastTick || c.playing !== lastPlaying || session.store.version !== lastVersion) {
        lastTick = c.shownTick;
        lastPlaying = c.playing;
        lastVersion = session.store.version;
        onShownRef.current();
      }
    };
    raf = requestAnimationFrame(loop);
    return () => {
      cancelAnimationFrame(raf);
      ro.disconnect();
    };
  }, [session, hook]);

  return <canvas ref={ref} className="pitch" aria-label="pitch" />;
}
