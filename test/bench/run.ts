// `npm run bench`: every benchmark in one run; progress on stderr, one JSON object as the last line of stdout.
import { engineTicksPerSecond, matchMsInProcess } from './engine.js';

type Bench = () => Promise<Record<string, number | string>>;

const benches: Array<[string, Bench]> = [
  ['engine', async () => ({ engine_ticks_per_s: engineTicksPerSecond(), match_ms_inprocess: await matchMsInProcess() })],
];

// Benchmarks owned by other parts load lazily, so one missing part does not stop the others.
const optional: Array<[string, string, string]> = [
  ['sandbox', './sandbox.js', 'sandboxBench'],
  ['replay', './replay.js', 'replayBench'],
  ['viewer server', './viewer-server.js', 'viewerServerBench'],
  ['viewer client', './viewer-client.js', 'viewerClientBench'],
  ['scrim', './scrim.js', 'scrimBench'],
  ['cup', './cup.js', 'cupBench'],
];

const summary: Record<string, number | string> = {};
for (const [name, run] of benches) {
  process.stderr.write(`bench: ${name}...\n`);
  Object.assign(summary, await run());
}
for (const [name, file, fn] of optional) {
  try {
    const mod = (await import(file)) as Record<string, unknown>;
    const f = mod[fn];
    if (typeof f !== 'function') continue;
    process.stderr.write(`bench: ${name}...\n`);
    Object.assign(summary, await (f as () => Promise<Record<string, number>>)());
  } catch (e) {
    process.stderr.write(`bench: ${name} skipped: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
process.stdout.write(JSON.stringify(summary) + '\n');
