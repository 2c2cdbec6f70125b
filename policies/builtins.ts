// The reference teams shipped with matchday, addressed as `builtin:<name>` on the command line, and
// the one resolver of team specs (a file, builtin:<name>, or fixture:<name> for the test teams).
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TeamSpec } from '../engine/replay/types.js';

export type { TeamSpec };

const HERE = dirname(fileURLToPath(import.meta.url));

/** Name -> one-line description. The file is policies/<name>.js. */
export const BUILTINS: Readonly<Record<string, string>> = {
  possession: 'short, safe passing from a 4-3-3; keeps the ball, presses with two from a mid block',
  gegenpress: 'high line, up to four players hunt the ball the moment it is lost, quick vertical passes',
  deepblock: 'deep compact 5-3-2 around its own box; counters with long balls to two forwards',
  direct: 'a 4-4-2 that plays early balls forward: long passes, through balls and crosses',
  chaser: 'every player runs at the ball (a test team)',
  statue: 'stands still (a test team)',
  'ladder-1': 'ladder rung 1: stands still',
  'ladder-2': 'ladder rung 2: all eleven chase the ball',
  'ladder-3': 'ladder rung 3: a 4-4-2 that keeps its shape and kicks the ball long',
  'ladder-4': 'ladder rung 4: passes to free team-mates, presses with two, keeper throws it out',
  'ladder-5': 'ladder rung 5: the full reference brain, tuned to win',
  'ladder-6': 'ladder rung 6, the one to beat: the reference brain pressing high, reading the shot and the opponent, a keeper who meets the ball, a ball in behind the moment it wins it',
};

/** Test-only teams (degenerate, hostile, golden), in a source checkout only. */
const FIXTURES = join(HERE, '..', 'test', 'fixtures', 'policies');

/**
 * Resolves a team argument; throws an Error naming the problem for an unknown builtin or a missing
 * file. The name is the builtin's or fixture's bare name, or the file's base name: it keys the
 * team's random streams, so `fixture:golden` and `test/fixtures/policies/golden.js` play the same match.
 */
export function resolveTeam(spec: string, baseDir = process.cwd()): TeamSpec {
  if (spec.startsWith('fixture:')) {
    const name = spec.slice('fixture:'.length);
    const file = join(FIXTURES, `${name}.js`);
    if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) throw new Error(`unknown test team '${spec}' (test/fixtures/policies/<name>.js, in a source checkout)`);
    return { spec, name, file };
  }
  if (spec.startsWith('builtin:')) {
    const name = spec.slice('builtin:'.length).split('#')[0]!;
    if (!Object.hasOwn(BUILTINS, name)) {
      throw new Error(`unknown built-in team '${name}' (known: ${Object.keys(BUILTINS).join(', ')})`);
    }
    const file = join(HERE, `${name}.js`);
    // The ladder's teams live in policies/ladder/.
    return { spec, name, file: existsSync(file) ? file : join(HERE, 'ladder', `${name}.js`) };
  }
  const file = resolve(baseDir, spec);
  if (!existsSync(file)) throw new Error(`${spec}: policy file not found`);
  return { spec, name: basename(file, extname(file)), file };
}

/** The ladder, weakest first; `builtin:<rung>` plays each. Names are also the names that key their random streams. */
export const LADDER = ['ladder-1', 'ladder-2', 'ladder-3', 'ladder-4', 'ladder-5', 'ladder-6'] as const;

/** The four reference styles: peers of similar strength, below the top of the ladder. */
export const STYLES = ['possession', 'gegenpress', 'deepblock', 'direct'] as const;

/** The degenerate test teams (`fixture:<name>`, test/fixtures/policies) that must never beat the top of the ladder. */
export const DEGENERATES = ['chase-all', 'shoot-always', 'park-the-bus', 'kick-out'] as const;
