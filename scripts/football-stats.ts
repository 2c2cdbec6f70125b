// Does the game look like football? Plays every pairing of the four reference styles over a
// range of seeds and prints the figures issue 4 asks for, with each target and whether it is met.
//
//   node --import tsx scripts/football-stats.ts [--seeds 1-20] [--half-ticks N] [--workers 2] [--json]
//
// Seeds are split across worker processes (default 2: the machine's cores); the result does not
// depend on the split, because every match is a pure function of (seed, policies, config).
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inProcessController } from '../engine/inprocess.js';
import { runMatch } from '../engine/match.js';
import type { PolicyModule } from '../engine/policy.js';
import { defaultConfig } from '../engine/setup.js';
import { DEFAULT_HALF_TICKS } from '../engine/constants.js';
import { resolveTeam, type TeamSpec } from '../policies/builtins.js';
import { fixtures, matchLine, STYLES, table, type MatchLine } from '../tournament/stats/football.js';

const modules = new Map<string, PolicyModule>();
/** A style's bare name is its builtin; 'fixture:xyz' a test team. Names come from the one resolver. */
function teamOf(name: string): TeamSpec {
  return resolveTeam(name.includes(':') ? name : `builtin:${name}`);
}
async function load(name: string): Promise<PolicyModule> {
  let m = modules.get(name);
  if (!m) {
    m = (await import(pathToFileURL(teamOf(name).file).href)) as PolicyModule;
    modules.set(name, m);
  }
  return m;
}

/** Plays one fixture of the styles table in this process (style a at home on odd seeds). */
export async function playStyleMatch(f: { a: string; b: string; seed: number }, halfTicks: number): Promise<MatchLine> {
  const aHome = f.seed % 2 === 1;
  const home = aHome ? f.a : f.b;
  const away = aHome ? f.b : f.a;
  const cfg = defaultConfig({ seed: f.seed, halfTicks, homeName: teamOf(home).name, awayName: teamOf(away).name });
  const r = runMatch(cfg, [inProcessController(await load(home)), inProcessController(await load(away))]);
  return matchLine(f, aHome, r);
}

export function parseSeeds(s: string): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) throw new Error(`--seeds must look like 1-20 or 7, got '${s}'`);
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (b < a) throw new Error(`--seeds: empty range '${s}'`);
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}

/** Plays `list` on `workers` child processes (this same file in worker mode) and collects the lines. */
export async function playParallel(list: Array<{ a: string; b: string; seed: number }>, halfTicks: number, workers: number): Promise<MatchLine[]> {
  // The workers run this file, whoever calls: its worker mode plays any list of fixtures.
  const self = fileURLToPath(import.meta.url);
  const chunks: Array<typeof list> = Array.from({ length: workers }, () => []);
  list.forEach((f, k) => chunks[k % workers]!.push(f));
  let done = 0;
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<MatchLine[]>((resolve, reject) => {
          if (chunk.length === 0) return resolve([]);
          const child = fork(self, ['--worker'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          const out: MatchLine[] = [];
          child.on('message', (msg: MatchLine) => {
            out.push(msg);
            done++;
            process.stderr.write(`\r${done}/${list.length} matches`);
          });
          child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker exited with code ${code}`))));
          child.send({ chunk, halfTicks });
        }),
    ),
  );
  process.stderr.write('\n');
  // Back in fixture order, whatever order the workers finished in.
  const key = (l: { a: string; b: string; seed: number }): string => `${l.a}|${l.b}|${l.seed}`;
  const byKey = new Map(results.flat().map((l) => [key(l), l]));
  return list.map((f) => byKey.get(key(f))!);
}

async function worker(): Promise<void> {
  process.once('message', async (msg: { chunk: Array<{ a: string; b: string; seed: number }>; halfTicks: number }) => {
    for (const f of msg.chunk) process.send!(await playStyleMatch(f, msg.halfTicks));
    process.disconnect();
  });
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--worker')) return worker();
  let seeds = parseSeeds('1-20');
  let halfTicks = DEFAULT_HALF_TICKS;
  let workers = 2;
  let json = false;
  let styles: readonly string[] = STYLES;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const v = argv[k + 1];
    if (a === '--seeds' && v) (seeds = parseSeeds(v)), k++;
    else if (a === '--half-ticks' && v) (halfTicks = Number(v)), k++;
    else if (a === '--workers' && v) (workers = Math.max(1, Number(v))), k++;
    else if (a === '--styles' && v) (styles = v.split(',')), k++;
    else if (a === '--json') json = true;
    else if (a === '--help') {
      console.log('usage: node --import tsx scripts/football-stats.ts [--seeds 1-20] [--half-ticks N] [--workers 2] [--styles a,b,..] [--json]');
      return;
    } else throw new Error(`unknown argument '${a}'`);
  }
  const lines = await playParallel(fixtures(seeds, styles), halfTicks, workers);
  const { rows, text } = table(lines, styles);
  console.log(`seeds ${seeds[0]}-${seeds[seeds.length - 1]}, half ticks ${halfTicks}, style a at home on odd seeds\n`);
  console.log(text);
  if (json) console.log(JSON.stringify({ seeds, halfTicks, rows }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
