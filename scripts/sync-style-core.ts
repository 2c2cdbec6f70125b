// The four reference styles are separate, self-contained policy files (a policy cannot import),
// yet they share one football brain: everything from the "Physics a policy must know" section on.
// This copies that shared part from policies/possession.js into the other styles, keeping each
// file's own header and STYLE block. Run after editing the brain:
//   node --import tsx scripts/sync-style-core.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'policies');
const MARK = '// Physics a policy must know';
const SOURCE = 'possession';
export const SHARED_BY = ['gegenpress', 'deepblock', 'direct'];

/** The shared part of a style file: from the separator line above MARK to the end. */
export function sharedPart(text: string, file: string): { head: string; core: string } {
  const at = text.indexOf(MARK);
  if (at < 0) throw new Error(`${file}: no '${MARK}' section`);
  const cut = text.lastIndexOf('\n// ---', at - 2) + 1;
  return { head: text.slice(0, cut), core: text.slice(cut) };
}

function main(check: boolean): void {
  const src = join(DIR, `${SOURCE}.js`);
  const { core } = sharedPart(readFileSync(src, 'utf8'), src);
  let stale = 0;
  for (const name of SHARED_BY) {
    const file = join(DIR, `${name}.js`);
    const { head, core: old } = sharedPart(readFileSync(file, 'utf8'), file);
    if (old === core) continue;
    stale++;
    if (check) console.error(`${file}: shared part differs from ${SOURCE}.js`);
    else writeFileSync(file, head + core);
  }
  if (check && stale > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.includes('--check'));
