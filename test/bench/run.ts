// `npm run bench`: every benchmark in one run; progress on stderr, one JSON object as the last line of stdout.
//
// The run always ends, and always with that line: a part that throws, or runs past its time limit, is
// listed under `skipped` with the reason instead of its keys, and the process exits itself once the
// line is written (a part that failed half-way may leave a server or a browser open; it must not keep
// the run alive). Environment:
//   MATCHDAY_BENCH_PARTS      comma-separated part names to run (default: all), e.g. `engine,cup`
//   MATCHDAY_BENCH_TIMEOUT_S  time limit per part in seconds (default 1800)
//   MATCHDAY_BENCH_FAIL / MATCHDAY_BENCH_HANG  a part name made to throw / never finish (for the test
//                             that holds the run to the rules above)
type Bench = () => Promise<Record<string, number | string>>;

/** Part name -> module and export. Each loads lazily, so one missing or broken part does not stop the others. */
const PARTS: Array<[string, string, string]> = [
  // First and last: whether the CPUs were equal while the other parts ran (vcpu.ts).
  ['vcpu', './vcpu.js', 'vcpuBench'],
  ['engine', './engine.js', 'engineBench'],
  ['sandbox', './sandbox.js', 'sandboxBench'],
  ['replay', './replay.js', 'replayBench'],
  ['viewer server', './viewer-server.js', 'viewerServerBench'],
  ['viewer client', './viewer-client.js', 'viewerClientBench'],
  ['scrim', './scrim.js', 'scrimBench'],
  ['cup', './cup.js', 'cupBench'],
  ['queue', './queue.js', 'queueBench'],
  ['start', './start.js', 'startBench'],
  ['python', './python.js', 'pythonBench'],
  ['season', './season.js', 'seasonBench'],
  ['vcpu end', './vcpu.js', 'vcpuEndBench'],
];

async function load(file: string, fn: string): Promise<Bench> {
  const mod = (await import(file)) as Record<string, unknown>;
  const f = mod[fn];
  if (typeof f !== 'function') throw new Error(`${file} has no function ${fn}`);
  return f as Bench;
}

/** Resolves with the part's keys, or rejects with why it failed or that it ran out of time. */
function runPart(name: string, file: string, fn: string, limitS: number): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    // unref: the timer must not keep the process alive by itself; exit() below ends the run anyway.
    const timer = setTimeout(() => reject(new Error(`did not finish within ${limitS} s`)), limitS * 1000);
    timer.unref();
    const work = (async () => {
      if (process.env.MATCHDAY_BENCH_FAIL === name) throw new Error('forced by MATCHDAY_BENCH_FAIL');
      // A hang that holds the event loop open, as a stuck browser or server would.
      if (process.env.MATCHDAY_BENCH_HANG === name) return new Promise<never>(() => setInterval(() => {}, 1000));
      return (await load(file, fn))();
    })();
    work.then(
      (r) => {
        clearTimeout(timer);
        resolve(r);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

const wanted = process.env.MATCHDAY_BENCH_PARTS?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = (wanted ?? []).filter((w) => !PARTS.some(([name]) => name === w));
const limitS = Number(process.env.MATCHDAY_BENCH_TIMEOUT_S ?? 1800);
const summary: Record<string, unknown> = {};
const skipped: Record<string, string> = {};
for (const w of unknown) skipped[w] = `no such part (parts: ${PARTS.map(([n]) => n).join(', ')})`;
if (!(limitS > 0)) {
  process.stderr.write(`bench: MATCHDAY_BENCH_TIMEOUT_S must be a positive number of seconds, not '${process.env.MATCHDAY_BENCH_TIMEOUT_S}'\n`);
  process.exit(2);
}
for (const [name, file, fn] of PARTS) {
  if (wanted && !wanted.includes(name)) continue;
  process.stderr.write(`bench: ${name}...\n`);
  try {
    Object.assign(summary, await runPart(name, file, fn, limitS));
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
    skipped[name] = why;
    process.stderr.write(`bench: ${name} skipped: ${why}\n`);
  }
}
if (Object.keys(skipped).length > 0) summary.skipped = skipped;
process.stdout.write(JSON.stringify(summary) + '\n', () => process.exit(0));
