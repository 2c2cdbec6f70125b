// The reference teams shipped with matchday, addressed as `builtin:<name>` on the command line.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Name -> one-line description. The file is policies/<name>.js. */
export const BUILTINS: Readonly<Record<string, string>> = {
  possession: 'short passing, keeps the ball, shoots from good positions',
  chaser: 'every player runs at the ball (a test team)',
  statue: 'stands still (a test team)',
};

export interface TeamSpec {
  /** What the user wrote: a file path or builtin:<name>. */
  spec: string;
  /** Display name: the builtin's name or the file's base name. */
  name: string;
  /** Absolute path of the policy file. */
  file: string;
}

/** Resolves a team argument; throws an Error naming the problem for an unknown builtin or a missing file. */
export function resolveTeam(spec: string, baseDir = process.cwd()): TeamSpec {
  if (spec.startsWith('builtin:')) {
    const name = spec.slice('builtin:'.length).split('#')[0]!;
    if (!Object.hasOwn(BUILTINS, name)) {
      throw new Error(`unknown built-in team '${name}' (known: ${Object.keys(BUILTINS).join(', ')})`);
    }
    return { spec, name, file: join(HERE, `${name}.js`) };
  }
  const file = resolve(baseDir, spec);
  if (!existsSync(file)) throw new Error(`${spec}: policy file not found`);
  return { spec, name: basename(file, extname(file)), file };
}
