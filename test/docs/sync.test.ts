// The published docs are exactly what their templates and the code produce now: change a
// constant in the engine or the sandbox and this fails until `npx tsx test/docs/write-docs.ts`
// regenerates them (and someone rereads the prose around the number).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PHYS, PITCH } from '../../engine/constants.js';
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
