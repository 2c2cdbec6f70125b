// The match view: one session fed by its source (the WebSocket, or a season's stored replay), the pitch,
// and the panels around it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { countsUpTo } from '../playback/match-stats.js';
import { MatchSession } from '../playback/session.js';
import { marksFrom } from '../playback/timeline.js';
import { installHook, removeHook, type MatchdayHook } from '../test-hook.js';
import { Controls } from './Controls.js';
import { DebugPanel } from './DebugPanel.js';
import { EventFeed } from './EventFeed.js';
import { FaultsPanel } from './FaultsPanel.js';
import { PitchCanvas } from './PitchCanvas.js';
import { Scoreboard } from './Scoreboard.js';
import type { MatchSource } from './source.js';
import { StatsPanel } from './StatsPanel.js';
import { Timeline } from './Timeline.js';
import { useKeyboard } from './use-keyboard.js';

interface Props {
  source: MatchSource;
  matchId: string;
  /** The tick the URL asks for (a shared link); null to start at kick-off (or live). */
  tick: number | null;
}

/** While playing, the panels follow at this interval; the canvas itself runs every animation frame. */
const PANEL_MS = 100;

type Tab = 'events' | 'stats' | 'faults' | 'debug';

export function MatchView({ source, matchId, tick }: Props) {
  // One session per mounted view: the app keys this component by match id, so another match remounts it.
  const [session] = useState(() => new MatchSession({ startTick: tick }));
  const [, setRender] = useState(0);
  const [debug, setDebug] = useState<[boolean, boolean]>([false, false]);
  const [tab, setTab] = useState<Tab>('events');
  const lastPanel = useRef(0);

  const hook = useMemo<MatchdayHook>(() => {
    const a = () => session.availability();
    return {
      matchId,
      tick: 0,
      t: 0,
      playing: false,
      speed: 1,
      available: -1,
      final: false,
      ballDrawn: null,
      score: null,
      error: null,
      frame: (t) => session.store.frame(t),
      firstFrameAt: null,
      drawMs: [],
      draws: 0,
      seek: (t) => session.clock.seek(t, a()),
      play: () => session.clock.play(a()),
      pause: () => session.clock.pause(),
      setSpeed: (s) => session.clock.setSpeed(s),
    };
  }, [session, matchId]);

  useEffect(() => {
    installHook(hook);
    source.watch(matchId, session);
    return () => {
      source.unwatch(matchId, session);
      removeHook(hook);
    };
  }, [source, matchId, session, hook]);

  // A link to another moment of the same match (pasted, or back/forward) moves the playhead.
  useEffect(() => {
    if (tick !== null && session.store.available >= 0) session.clock.seek(tick, session.availability());
  }, [tick, session]);

  const rerender = useCallback(() => setRender((n) => n + 1), []);
  const onShown = useCallback(() => {
    const now = performance.now();
    if (session.clock.playing && now - lastPanel.current < PANEL_MS) return;
    lastPanel.current = now;
    rerender();
  }, [session, rerender]);

  const a = () => session.availability();
  const act = (f: () => void) => () => {
    f();
    rerender();
  };
  const seek = (t: number): void => {
    session.clock.seek(t, a());
    // Seeking keeps the URL on the moment shown, so the address bar is always a shareable link.
    history.replaceState(null, '', source.hash(matchId, Math.round(session.clock.tick)));
    rerender();
  };
  const toggle = act(() => {
    session.clock.toggle(a());
    if (!session.clock.playing) history.replaceState(null, '', source.hash(matchId, session.clock.shownTick));
  });
  const step = (d: number): void => {
    session.clock.pause();
    seek(session.clock.shownTick + d);
  };
  const setSpeed = (s: number): void => {
    session.clock.setSpeed(s);
    rerender();
  };
  const toLive = (): void => seek(session.store.available);
  useKeyboard({ toggle, step, speed: setSpeed, currentSpeed: () => session.clock.speed, home: () => seek(0), end: toLive });

  const { store, clock } = session;
  const entry = source.describe(matchId);
  const header = store.header;
  // The cup's team names (what the cup view shows) over the replay's, which name the policies.
  const teams: [string, string] = entry
    ? [entry.home, entry.away]
    : header
      ? [header.teams[0].name, header.teams[1].name]
      : ['home', 'away'];
  const shown = clock.shownTick;
  const events = store.events();
  const faults = store.faults();
  // Marks depend only on what has arrived, not on the shown tick: recompute when the store changes.
  const marks = useMemo(() => marksFrom(events, faults), [events, faults]);

  return (
    <div className="match-view">
      <div className="match-top">
        <a href={source.back.href} className="back">
          ← {source.back.label}
        </a>
        {entry && <span className="muted">{entry.label}</span>}
      </div>
      {header ? (
        <Scoreboard
          header={header}
          frame={store.frame(shown)}
          teams={teams}
          live={session.live}
          extraTimePlayed={events.some((e) => e.type === 'extra_time' && e.tick <= shown)}
        />
      ) : (
        <div className="scoreboard muted">{session.error ? '' : `Loading ${matchId}…`}</div>
      )}
      {session.error && (
        <div className="error" role="alert" data-testid="match-error">
          {session.error}
        </div>
      )}
      <div className="match-body">
        <div className="stage">
          <PitchCanvas session={session} debug={debug} hook={hook} onShown={onShown} />
          <Timeline tick={clock.tick} available={store.available} length={store.expectedTicks} marks={marks} onSeek={seek} />
          <Controls
            playing={clock.playing}
            speed={clock.speed}
            live={session.live}
            following={clock.follow}
            onToggle={toggle}
            onStep={step}
            onSpeed={setSpeed}
            onLive={toLive}
            onCopyLink={() => {
              const url = `${location.origin}${location.pathname}${source.hash(matchId, shown)}`;
              void navigator.clipboard?.writeText(url).catch(() => undefined);
              history.replaceState(null, '', source.hash(matchId, shown));
            }}
          />
        </div>
        <aside className="side">
          <nav className="tabs">
            {(['events', 'stats', 'faults', 'debug'] as const).map((t) => (
              <button key={t} className={t === tab ? 'on' : ''} onClick={() => setTab(t)} data-testid={`tab-${t}`}>
                {t === 'faults' && faults.length ? `faults (${faults.length})` : t}
              </button>
            ))}
          </nav>
          {tab === 'events' && <EventFeed events={events} tick={shown} teams={teams} onSeek={seek} />}
          {tab === 'stats' && <StatsPanel counts={countsUpTo(events, shown)} footer={store.complete ? store.footer : null} teams={teams} />}
          {tab === 'faults' && <FaultsPanel faults={faults} tick={shown} teams={teams} onSeek={seek} />}
          {tab === 'debug' && (
            <DebugPanel store={store} tick={shown} debug={debug} teams={teams} onToggle={(t) => setDebug((d) => (t === 0 ? [!d[0], d[1]] : [d[0], !d[1]]))} />
          )}
        </aside>
      </div>
    </div>
  );
}
