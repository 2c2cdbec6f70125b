// play's result table: long team names get their own columns, never run into each other.
import { describe, expect, it } from 'vitest';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { defaultConfig } from '../../engine/setup.js';
import { formatResult } from '../../bin/report.js';

describe("play's result table", () => {
  it('fits long names in aligned columns, truncating past 24 characters', async () => {
    // A path through a variable: the policy is plain JS without declarations.
    const path = '../../policies/chaser.js';
    const chaser = (await import(path)) as PolicyModule;
    const home = 'possession-with-a-long-name';
    const away = 'ladder-5';
    const r = runMatch(defaultConfig({ seed: 1, halfTicks: 20, homeName: home, awayName: away }), [inProcessController(chaser), inProcessController(chaser)]);
    const lines = formatResult(r, [home, away]).split('\n');
    const head = lines.find((l) => l.startsWith('  ') && l.includes('ladder-5'))!;
    expect(head.trim()).toBe('possession-with-a-long-…  ladder-5');
    // Every stats row is as wide as the header, so the numbers sit under their team.
    const rows = lines.filter((l) => /^ {2}(possession|shots|passes|tackles|fouls|cards|corners|offsides|distance)/.test(l));
    expect(rows.length).toBe(9);
    for (const l of rows) expect(l.length).toBe(head.length);
  });
});
