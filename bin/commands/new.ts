// `matchday new <file> [--ts]`: writes the starter policy (policies/starter.js, .ts or .py) and,
// beside it, the declaration file its type annotations point at (policy.pyi for Python). Never
// overwrites a file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { checkWritableFile } from '../../tournament/paths.js';

const ROOT = new URL('../../', import.meta.url);
// Named for the product, not 'policy': an author must never read the import as their own file.
const TYPES = 'matchday.d.ts';
const PY_TYPES = 'policy.pyi';

/** The starter's text, with its type import pointed at the declaration file written beside it. */
export function starterText(ts: boolean): string {
  const text = readFileSync(new URL(ts ? 'policies/starter.ts' : 'policies/starter.js', ROOT), 'utf8');
  return text.replaceAll("'../engine/policy.js'", `'./${TYPES.replace('.d.ts', '.js')}'`);
}

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('write a starter policy that plays every phase of the game, commented as a guide to the API')
    .argument('<file>', 'policy file to create (.js, .mjs, .ts or .py)')
    .option('--ts', 'write TypeScript')
    .action((file: string, opts: { ts?: boolean }) => {
      const ext = extname(file).toLowerCase();
      if (!['.js', '.mjs', '.ts', '.mts', '.py'].includes(ext)) throw new UserError(`${file}: a policy file must end in .js, .mjs, .ts or .py`);
      const ts = ext === '.ts' || ext === '.mts';
      const py = ext === '.py';
      if (opts.ts && !ts) throw new UserError(`${file}: --ts writes TypeScript; name the file .ts`);
      if (existsSync(file)) throw new UserError(`${file} already exists; matchday new never overwrites a file (pick another name)`);
      checkWritableFile(file, 'policy file');
      mkdirSync(dirname(file), { recursive: true });
      try {
        // 'wx': fail rather than overwrite, even if the file appeared since the check above.
        writeFileSync(file, py ? readFileSync(new URL('policies/starter.py', ROOT), 'utf8') : starterText(ts), { flag: 'wx' });
      } catch (e) {
        throw new UserError(`${file}: cannot write the policy (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      const types = join(dirname(file), py ? PY_TYPES : TYPES);
      const wroteTypes = !existsSync(types);
      if (wroteTypes) writeFileSync(types, readFileSync(new URL(py ? 'policies/policy.pyi' : 'engine/policy.d.ts', ROOT), 'utf8'));
      process.stdout.write(
        `wrote ${file}${wroteTypes ? ` and ${types} (the types it uses)` : ` (kept the existing ${types})`}\n` +
          `next: npx matchday validate ${file}, then npx matchday scrim ${file}; the rules: npx matchday spec\n`,
      );
    });
}
