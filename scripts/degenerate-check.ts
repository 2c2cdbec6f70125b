// The full degenerate-strategy check of issue 4: every degenerate test team against every
// reference style over seeds 1..20 with sides swapped (the degenerate team at home on odd
// seeds), at the default length, on 2 worker processes. Each style must take more points
// than the degenerate team in every pairing and never lose to it on goals over the run.
//
//   node --import tsx scripts/degenerate-check.ts [--seeds 1-20] [--half-ticks N]
//
// CI runs a bounded sample of this in test/policies/degenerate.test.ts.
import { DEFAULT_HALF_TICKS } from '../engine/constants.js';
import { parseSeeds, playParallel, STYLES } from './football-stats.js';
import { DEGENERATES } from './ladder.js';

export { DEGENERATES };

async function main(argv: string[]): Promise<void> {
  let seeds = parseSeeds('1-20');
  let halfTicks = DEFAULT_HALF_TICKS;
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--seeds' && argv[k + 1]) seeds = parseSeeds(argv[++k]!);
    else if (argv[k] === '--half-ticks' && argv[k + 1]) halfTicks = Number(argv[++k]);
    else throw new Error(`unknown argument '${argv[k]}'`);
  }
  // Style "a" plays at home on odd seeds in playStyleMatch, so putting the degenerate team first puts it at home on odd seeds.
  const list = DEGENERATES.flatMap((d) => STYLES.flatMap((s) => seeds.map((seed) => ({ a: `fixture:${d}`, b: s, seed }))));
  const lines = await playParallel(list, halfTicks, 2);
  let failed = 0;
  console.log('degenerate       style        W-D-L (style)  goals (style-degenerate)  verdict');
  for (const d of DEGENERATES) {
    for (const s of STYLES) {
      const sel = lines.filter((l) => l.a === `fixture:${d}` && l.b === s);
      const w = sel.filter((l) => l.goalsB > l.goalsA).length;
      const dr = sel.filter((l) => l.goalsB === l.goalsA).length;
      const lo = sel.length - w - dr;
      const gf = sel.reduce((t, l) => t + l.goalsB, 0);
      const ga = sel.reduce((t, l) => t + l.goalsA, 0);
      const ok = 3 * w + dr > 3 * lo + dr && gf > ga;
      if (!ok) failed++;
      console.log(`${d.padEnd(16)} ${s.padEnd(12)} ${`${w}-${dr}-${lo}`.padStart(13)}  ${`${gf}-${ga}`.padStart(24)}  ${ok ? 'style wins' : 'FAIL'}`);
    }
  }
  if (failed > 0) {
    console.error(`${failed} pairing(s) where a degenerate strategy was not beaten`);
    process.exit(1);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
