// `node build-worker.mjs <target>`: builds one bundle of build-cache.mjs; run by builtFile on a cache miss.
import { buildNow, TARGETS } from './build-cache.mjs';

const target = process.argv[2];
if (!(target in TARGETS)) {
  process.stderr.write(`unknown target ${target}\n`);
  process.exit(2);
}
try {
  await buildNow(target);
} catch (err) {
  const errors = err?.errors?.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`).join('\n');
  process.stderr.write(`${errors || err?.message || err}\n`);
  process.exit(1);
}
