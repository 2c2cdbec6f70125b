import { describe, expect, it } from 'vitest';
import { writeCommands } from '../../engine/commands.js';
import * as L from '../../engine/obs-layout.js';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import { defaultConfig } from '../../engine/setup.js';

describe('commands', () => {
  it('keeps good fields and ignores bad ones, field by field, with a warning for each', () => {
    const out = new Float64Array(L.CMD_LENGTH);
    const w = writeCommands(
      [
        { moveTo: { x: 1, y: 2 }, sprint: true, kick: { target: { x: 5, y: 0 }, power: 3, lift: -1 } },
        { moveTo: { x: NaN, y: 0 }, tackle: 'yes' },
        null,
        42,
      ],
      out,
    );
    expect(out[L.C_FLAGS]).toBe(L.CF_MOVE | L.CF_SPRINT | L.CF_KICK);
    expect(out[L.C_POWER]).toBe(1);
    expect(out[L.C_LIFT]).toBe(0);
    expect(out[L.C_STRIDE + L.C_FLAGS]).toBe(0);
    expect(w).toHaveLength(3);
  });

  it('survives every kind of garbage a policy can return, and the match goes on', () => {
    const garbage: unknown[] = [null, 7, 'x', {}, [[1]], new Array(500).fill({ moveTo: { x: 1e300, y: -1e300 } }), [{ kick: { target: null } }], [{ moveTo: { x: Infinity, y: 1 } }]];
    let i = 0;
    const bad = inProcessController({ tick: () => garbage[i++ % garbage.length] as never });
    const still = inProcessController({ tick: () => [] });
    const r = runMatch(defaultConfig({ seed: 3, halfTicks: 50 }), [bad, still]);
    expect(r.ticks).toBe(100);
    expect(r.teams[0].warnings).toBeGreaterThan(0);
  });
});
