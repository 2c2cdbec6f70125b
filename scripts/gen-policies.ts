// Regenerates the reference styles' one-file policies (policies/<style>.js) from the brain in policies/brain/.
//   npm run gen:policies            write the files that changed
//   npm run gen:policies -- --check list stale files and exit 1 if any (the drift test does the same)
import { stalePolicies, writePolicies } from '../policies/brain/generate.js';

async function main(check: boolean): Promise<void> {
  if (check) {
    const stale = await stalePolicies();
    for (const f of stale) console.error(`${f.path}: differs from what policies/brain/ generates`);
    process.exitCode = stale.length ? 1 : 0;
    return;
  }
  const written = await writePolicies();
  console.log(written.length ? `wrote ${written.join(', ')}` : 'policies up to date');
}

main(process.argv.includes('--check')).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
