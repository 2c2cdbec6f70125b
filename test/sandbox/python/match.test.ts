// A Python policy plays real matches in its own isolate: deterministic (same hash twice), and a
// faithful Python port of a JavaScript policy plays the very same match as the original.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMatch } from '../../../engine/match.js';
import type { MatchConfig } from '../../../engine/state.js';
import { createSandboxController } from '../../../sandbox/index.js';

const file = (p: string): string => fileURLToPath(new URL(`../../../policies/${p}`, import.meta.url));
const CONFIG: MatchConfig = { seed: 20260611, homeName: 'Py', awayName: 'Js', halfTicks: 100, extraTime: false, extraTimeTicks: 1000, shootout: false };

function play(home: string, away: string): { hash: string; score: [number, number]; faults: number; used: number } {
  const h = createSandboxController({ file: file(home) });
  const a = createSandboxController({ file: file(away) });
  try {
    const r = runMatch(CONFIG, [h, a]);
    return { hash: r.hash, score: r.score, faults: r.teams[0].faults.length + r.teams[1].faults.length, used: h.stats().budget.median };
  } finally {
    h.dispose();
    a.dispose();
  }
}

describe('a Python policy in a match', () => {
  it('plays deterministically and exactly like its JavaScript original', () => {
    const py = play('chaser.py', 'possession.js');
    expect(py.faults).toBe(0);
    expect(py.used).toBeGreaterThan(0);
    expect(play('chaser.py', 'possession.js')).toEqual(py);
    const js = play('chaser.js', 'possession.js');
    expect(js.hash).toBe(py.hash);
    expect(js.score).toEqual(py.score);
  });

  it('the Python starter (what matchday new team.py writes) plays the same match as the JavaScript starter', () => {
    const py = play('starter.py', 'chaser.js');
    expect(py.faults).toBe(0);
    expect(play('starter.js', 'chaser.js').hash).toBe(py.hash);
  });
});
