// A Python team's faults and debug lines in the viewer: a real sandboxed match (as a match process
// plays it) whose Python policy prints and then raises on a known line; the replay, fed to the
// viewer's frame store, shows the fault with the Python line and the exception, and the log lines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { ReplayReader } from '../../engine/replay/reader.js';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { playOne } from '../../tournament/runner/play-one.js';
import { DebugPanel } from '../../viewer/client/match/DebugPanel.js';
import { FaultsPanel } from '../../viewer/client/match/FaultsPanel.js';
import { FrameStore } from '../../viewer/client/playback/frame-store.js';

const dir = mkdtempSync(join(tmpdir(), 'md-pyviewer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Line 7 divides by zero on tick 40 only; every tick from 30 prints a line.
const POLICY = `def tick(obs):
    if obs.tick >= 30:
        print('seen ball at %.1f' % obs.ball.x)
    cmds = []
    for p in obs.own:
        if obs.tick == 40:
            cmds.append(1 / 0)
        cmds.append({'moveTo': obs.ball})
    return cmds
`;

describe("the viewer shows a Python team's faults and debug lines", () => {
  it('with the Python line and the exception, at their tick', () => {
    const file = join(dir, 'divider.py');
    writeFileSync(file, POLICY);
    const home = resolveTeam(file);
    const away = resolveTeam('builtin:chaser');
    const config = defaultConfig({ seed: 5, halfTicks: 60, homeName: home.name, awayName: away.name });
    const { replay } = playOne({ config, home, away });
    const r = new ReplayReader(replay, 'py.mdr');
    const store = new FrameStore();
    for (const b of [r.headerBlob(), ...Array.from({ length: r.segmentCount }, (_, i) => r.segmentBlob(i)), r.footerBlob()]) store.feed(b, 'file');

    const faults = store.faults();
    expect(faults).toHaveLength(1);
    // The viewer files a fault, like a log line, under the frame its tick's commands made: obs.tick + 1.
    expect(faults[0]).toMatchObject({ team: 0, tick: 41, kind: 'error', line: 7 });
    expect(faults[0]!.message).toMatch(/ZeroDivisionError/);
    const teams: [string, string] = [home.name, away.name];
    const panel = renderToStaticMarkup(<FaultsPanel faults={faults} tick={45} teams={teams} onSeek={() => undefined} />);
    expect(panel).toMatch(/t41<\/span> <b>error<\/b>: tick raised ZeroDivisionError: divide by zero; players idle this tick \(line 7\)/);

    const logs = renderToStaticMarkup(<DebugPanel store={store} tick={32} debug={[true, false]} teams={teams} onToggle={() => undefined} />);
    expect(logs).toMatch(/t32<\/span> seen ball at -?\d+\.\d/);
    expect(logs).toMatch(/t31<\/span> seen ball at/);
    expect(logs).not.toMatch(/t30<\/span>/);
  });
});
