// Shared set-up of the season tests: a season folder with short matches, and a policy that logs.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeason, type NewSeason } from '../../season/create.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A policy that runs at the ball and says so: debug lines and a mark every 50 ticks, tagged `tag`. */
export function chattyPolicy(tag: string): string {
  return `export function tick(obs) {
  if (obs.tick % 50 === 0) { console.log('${tag} at ' + obs.tick); debug.dot(0, 0, 'red'); }
  return obs.own.map(() => ({ moveTo: { x: obs.ball.x, y: obs.ball.y }, kick: { target: { x: 52.5, y: 0 }, power: 0.7 } }));
}
`;
}

export const CHASER = readFileSync(join(ROOT, 'policies', 'chaser.js'), 'utf8');
export const SYNTAX_ERROR = readFileSync(join(ROOT, 'test', 'fixtures', 'policies', 'syntax-error.js'), 'utf8');

/** A new 4-team league season with 100-tick halves in a fresh temporary folder. */
export function tempSeason(teams = ['A', 'B', 'C', 'D']): { dir: string; season: NewSeason } {
  const dir = join(mkdtempSync(join(tmpdir(), 'matchday-season-')), 's');
  const season = createSeason(dir, {
    name: 'test', seed: 7, teams, format: { type: 'league' }, start: null, everyMs: null, halfTicks: 100, validateHalfTicks: 50,
  });
  return { dir, season };
}

export const b64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64');
