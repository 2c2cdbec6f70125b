// Team names, cup names, match labels, fault messages, events and debug logs come from replays
// and policies, so from strangers: the viewer shows them as text, never as markup. Each view that
// prints such text is rendered with HTML and script payloads, and none of them becomes an element.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Frame, ReplayHeader } from '../../engine/replay/types.js';
import type { ServedList } from '../../viewer/protocol.js';
import { CupView } from '../../viewer/client/cup/CupView.js';
import { DebugPanel } from '../../viewer/client/match/DebugPanel.js';
import { EventFeed } from '../../viewer/client/match/EventFeed.js';
import { FaultsPanel } from '../../viewer/client/match/FaultsPanel.js';
import { Scoreboard } from '../../viewer/client/match/Scoreboard.js';
import type { FrameStore } from '../../viewer/client/playback/frame-store.js';

const PAYLOADS = ['<script>window.pwned=1</script>', '<img src=x onerror="window.pwned=1">', '"><svg onload=alert(1)>', "</li><iframe src='javascript:alert(1)'>"];

/** No payload may survive as markup: its tags show up only escaped. */
function expectEscaped(html: string): void {
  for (const p of PAYLOADS) expect(html).not.toContain(p);
  expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
  expect(html).toContain('&lt;script&gt;');
}

describe('the viewer escapes text from replays and policies', () => {
  it('team, cup and match names in the cup view', () => {
    const [a, b, c, d] = PAYLOADS as [string, string, string, string];
    const served: ServedList = {
      kind: 'scrim',
      name: a,
      teams: [
        { id: 'a', name: a },
        { id: 'b', name: b },
      ],
      groups: [],
      table: null,
      bracket: [],
      ratings: [],
      champion: null,
      matches: [{ id: 'm1', label: `${c} v ${d}`, stage: a, home: 'a', away: 'b', status: 'done', score: [1, 0], shootout: null, winner: 'home', streamable: true }],
    } as ServedList;
    expectEscaped(renderToStaticMarkup(<CupView served={served} />));
  });

  it('team names on the scoreboard, fault messages, events and debug logs in the match view', () => {
    const teams: [string, string] = [PAYLOADS[0]!, PAYLOADS[1]!];
    const header = { config: { seed: 1, homeName: teams[0], awayName: teams[1], halfTicks: 100, extraTime: false, extraTimeTicks: 100, shootout: false } } as unknown as ReplayHeader;
    const frame = { tick: 5, period: 0, periodTick: 5, minute: 1, mode: 0, modeTeam: 0, score: [0, 0], shootout: null, holder: -1 } as unknown as Frame;
    expectEscaped(renderToStaticMarkup(<Scoreboard header={header} frame={frame} teams={teams} live={false} extraTimePlayed={false} />));
    const faults = PAYLOADS.map((message, i) => ({ team: (i % 2) as 0 | 1, tick: i, kind: 'error' as const, message }));
    expectEscaped(renderToStaticMarkup(<FaultsPanel faults={faults} tick={10} teams={teams} onSeek={() => undefined} />));
    const events = PAYLOADS.map((detail, i) => ({ tick: i, minute: 0, type: 'yellow_card', team: 0, player: 3, x: 0, y: 0, detail }));
    expectEscaped(renderToStaticMarkup(<EventFeed events={events} tick={10} teams={teams} onSeek={() => undefined} />));
    const store = { frame: () => ({ debug: [{ marks: [], logs: PAYLOADS }, { marks: [], logs: PAYLOADS }] }) } as unknown as FrameStore;
    expectEscaped(renderToStaticMarkup(<DebugPanel store={store} tick={3} debug={[true, true]} teams={teams} onToggle={() => undefined} />));
  });

  it('no view of the client hands a string to the DOM as HTML', () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (/\.tsx?$/.test(e.name)) files.push(join(d, e.name));
      }
    };
    walk('viewer/client');
    for (const f of files) expect({ f, html: /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(f, 'utf8')) }).toEqual({ f, html: false });
  });
});
