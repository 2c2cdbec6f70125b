// The published docs are exactly what their templates and the code produce now: change a
// constant in the engine or the sandbox and this fails until `npx tsx test/docs/write-docs.ts`
// regenerates them (and someone rereads the prose around the number).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as constants from '../../engine/constants.js';
import { ENGINE_CONSTANTS, PHYS, PITCH, RULES } from '../../engine/constants.js';
import { forfeitResult } from '../../engine/match.js';
import { defaultConfig } from '../../engine/setup.js';
import { createMatch } from '../../engine/setup.js';
import { matchInfo } from '../../engine/observation.js';
import { render, renderAll, ROOT } from './render.js';
import { docValues } from './values.js';

describe('docs in sync with the code', () => {
  for (const d of renderAll()) {
    it(`${d.out} is what its template renders to`, () => {
      // Compared line by line so a failure shows the line that drifted.
      expect(readFileSync(ROOT + d.out, 'utf8').split('\n')).toEqual(d.text.split('\n'));
    });
  }

  it('refuses a template that names a value the code does not have', () => {
    expect(() => render('{{PHYS.noSuchThing}}', docValues(), 't.md')).toThrow(/unknown placeholders: PHYS.noSuchThing/);
  });

  it('has a table for every group of numbers the engine exports', () => {
    // A group left out of ENGINE_CONSTANTS would be played by but never documented.
    const groups = Object.entries(constants).filter(([k, v]) => typeof v === 'object' && v !== null && k !== 'ENGINE_CONSTANTS');
    expect(groups.map(([k]) => k).sort()).toEqual(Object.keys(ENGINE_CONSTANTS).sort());
  });

  it('quotes the forfeit score the match runner gives', () => {
    expect(forfeitResult(defaultConfig({ seed: 1 }), 'no policy', null).score).toEqual([0, RULES.forfeitGoals]);
    expect(forfeitResult(defaultConfig({ seed: 1 }), null, 'no policy').score).toEqual([RULES.forfeitGoals, 0]);
  });

  it('quotes the numbers MatchInfo hands to policies at run time', () => {
    // The docs say obs.info carries the same numbers: check that the engine agrees.
    const info = matchInfo(createMatch(defaultConfig({ seed: 1 })), 0);
    const v = docValues();
    for (const [k, x] of Object.entries(info.physics)) expect(v[`PHYS.${k}`], k).toBe(String(x));
    for (const [k, x] of Object.entries(info.pitch)) expect(v[`PITCH.${k}`], k).toBe(String(x));
    expect(Object.keys(info.physics).every((k) => k in PHYS)).toBe(true);
    expect(Object.keys(info.pitch).every((k) => k in PITCH)).toBe(true);
  });
});
