// Measures the ladder: every pairing of the ladder teams over a range of seeds, each seed played
// twice with sides swapped, in-process on worker processes; prints the table and writes it to
// docs/LADDER.md, and a few of its matches with their hashes to docs/ladder-sample.json (which
// test/scrim/ladder.test.ts replays to check that the table still describes this engine).
//
//   node --no-node-snapshot --import tsx scripts/ladder.ts [--seeds 1-50] [--workers 2] [--half-ticks N] [--no-write]
//
// With --degenerates (seeds default 1-20 then), it instead plays the top rung against each
// degenerate test team, both sides on every seed, and checks that none of them beats it.
//
// Every match is a pure function of (seed, the two policy files, their names, the config), so the
// result does not depend on the number of workers or the order in which they finish.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_HALF_TICKS } from '../engine/constants.js';
import { inProcessController } from '../engine/inprocess.js';
import { runMatch } from '../engine/match.js';
import type { PolicyModule } from '../engine/policy.js';
import { defaultConfig } from '../engine/setup.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { BUILTINS, DEGENERATES, LADDER, resolveTeam, type TeamSpec } from '../policies/builtins.js';
import { ladderTable, type Interval, type LadderMatch, type LadderRow } from '../tournament/scrim/ladder.js';
import { parseSeedRange } from '../tournament/scrim/plan.js';

export { LADDER };
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Fixture {
  a: string;
  b: string;
  seed: number;
  aHome: boolean;
}

const modules = new Map<string, PolicyModule>();
/** A ladder rung is its builtin; 'fixture:x' a degenerate test team (for --degenerates). Names come from the one resolver. */
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

/** Plays one ladder match in this process. */
export async function playLadderMatch(f: Fixture, halfTicks: number): Promise<LadderMatch> {
  const home = f.aHome ? f.a : f.b;
  const away = f.aHome ? f.b : f.a;
  // The team name keys its random streams: the resolver's name (a fixture's bare name).
  const config = defaultConfig({ seed: f.seed, halfTicks, homeName: teamOf(home).name, awayName: teamOf(away).name });
  const r = runMatch(config, [inProcessController(await load(home)), inProcessController(await load(away))]);
  const [gh, ga] = r.score;
  return { a: f.a, b: f.b, seed: f.seed, aHome: f.aHome, goalsA: f.aHome ? gh : ga, goalsB: f.aHome ? ga : gh, hash: r.hash };
}

export { DEGENERATES };

function fixtures(seeds: number[]): Fixture[] {
  const out: Fixture[] = [];
  for (let i = 0; i < LADDER.length; i++) {
    for (let j = i + 1; j < LADDER.length; j++) {
      for (const seed of seeds) for (const aHome of [true, false]) out.push({ a: LADDER[i]!, b: LADDER[j]!, seed, aHome });
    }
  }
  return out;
}

const key = (f: Fixture): string => `${f.a}|${f.b}|${f.seed}|${f.aHome}`;

/** Plays the list on `workers` child processes running this file in worker mode; results in list order. */
async function playParallel(list: Fixture[], halfTicks: number, workers: number): Promise<LadderMatch[]> {
  const self = fileURLToPath(import.meta.url);
  const chunks: Fixture[][] = Array.from({ length: workers }, () => []);
  list.forEach((f, k) => chunks[k % workers]!.push(f));
  let done = 0;
  const t0 = Date.now();
  const parts = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<LadderMatch[]>((resolve, reject) => {
          if (chunk.length === 0) return resolve([]);
          const child = fork(self, ['--worker'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          const out: LadderMatch[] = [];
          child.on('message', (m: LadderMatch) => {
            out.push(m);
            done++;
            const s = (Date.now() - t0) / 1000;
            process.stderr.write(`\r${done}/${list.length} matches, ${s.toFixed(0)} s, ~${((s / done) * (list.length - done)).toFixed(0)} s left   `);
          });
          child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`ladder worker exited with code ${code}`))));
          child.send({ chunk, halfTicks });
        }),
    ),
  );
  process.stderr.write('\n');
  const byKey = new Map(parts.flat().map((m) => [key(m), m]));
  return list.map((f) => byKey.get(key(f))!);
}

function worker(): void {
  process.once('message', async (msg: { chunk: Fixture[]; halfTicks: number }) => {
    for (const f of msg.chunk) process.send!(await playLadderMatch(f, msg.halfTicks));
    process.disconnect();
  });
}

const ci = (x: Interval, digits = 2): string => `${x.value.toFixed(digits)} [${x.lo.toFixed(digits)}, ${x.hi.toFixed(digits)}]`;
const pc = (x: Interval): string => `${Math.round(x.value * 100)}% [${Math.round(x.lo * 100)}, ${Math.round(x.hi * 100)}]`;

function markdownTable(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map((_, k) => (k === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function pairingRow(r: LadderRow): string[] {
  return [`${r.team} v ${r.opponent}`, String(r.matches), `${r.won}-${r.drawn}-${r.lost}`, ci(r.points), pc(r.winRate), pc(r.drawRate), pc(r.lossRate), `${r.goalsFor}-${r.goalsAgainst}`];
}

function overallRow(r: LadderRow): string[] {
  return [r.team, BUILTINS[r.team] ?? '', String(r.matches), `${r.won}-${r.drawn}-${r.lost}`, ci(r.points), `${r.goalsFor}-${r.goalsAgainst}`];
}

/** The report: the same text is printed and written to docs/LADDER.md. */
function report(seeds: number[], halfTicks: number, matches: LadderMatch[]): { text: string; violations: string[] } {
  const t = ladderTable(LADDER, matches);
  const text = [
    '# The ladder',
    '',
    'Five reference teams of clearly different strength, weakest first; `builtin:ladder-5` is the one to beat.',
    'They are separate from the four styles (possession, gegenpress, deepblock, direct), which are peers.',
    'Play your policy against them with `matchday scrim <policy> --vs builtin:ladder-1,builtin:ladder-2,...`.',
    '',
    `Measured on engine ${ENGINE_VERSION}, seeds ${seeds[0]}-${seeds[seeds.length - 1]}, every seed played twice with sides swapped,`,
    `${halfTicks} ticks per half (${matches.length} matches). Rerun it with`,
    '',
    '```',
    `node --no-node-snapshot --import tsx scripts/ladder.ts --seeds ${seeds[0]}-${seeds[seeds.length - 1]}${halfTicks !== DEFAULT_HALF_TICKS ? ` --half-ticks ${halfTicks}` : ''}`,
    '```',
    '',
    '## Teams',
    '',
    markdownTable(['team', 'plays', 'matches', 'W-D-L', 'points per match [95% CI]', 'goals'], t.overall.map(overallRow)),
    '',
    '## Every pairing, from the stronger team\'s side',
    '',
    markdownTable(['pairing', 'matches', 'W-D-L', 'points per match [95% CI]', 'won', 'drawn', 'lost', 'goals'], t.pairings.map(pairingRow)),
    '',
    t.violations.length === 0
      ? 'Every team beats every weaker one on points (more wins than losses in the pairing).'
      : `NOT A LADDER: ${t.violations.join('; ')}.`,
    '',
    'Points: 3 for a win, 1 for a draw. The 95% intervals come from a bootstrap that resamples',
    'whole seeds (2000 resamples, itself seeded), because the two matches of a seed share their',
    'random streams and are not independent.',
    '',
  ].join('\n');
  return { text, violations: t.violations };
}

/** A few matches the tests replay: the first seed of each neighbouring pairing, the weaker team at home. */
function sample(matches: LadderMatch[], halfTicks: number): object {
  const picks: LadderMatch[] = [];
  for (let i = 0; i + 1 < LADDER.length; i++) {
    const m = matches.find((x) => x.a === LADDER[i] && x.b === LADDER[i + 1] && x.aHome);
    if (m) picks.push(m);
  }
  return { engineVersion: ENGINE_VERSION, halfTicks, matches: picks };
}

/** The top rung against every degenerate team over the seeds, both sides: none may take as many points. */
async function degenerateCheck(seeds: number[], halfTicks: number, workers: number): Promise<void> {
  const top = LADDER[LADDER.length - 1]!;
  const list = DEGENERATES.flatMap((d) => seeds.flatMap((seed) => [true, false].map((aHome) => ({ a: top, b: `fixture:${d}`, seed, aHome }))));
  const matches = await playParallel(list, halfTicks, workers);
  let failed = 0;
  console.log(`${top} v the degenerate test teams, seeds ${seeds[0]}-${seeds[seeds.length - 1]} home and away, ${halfTicks} ticks per half, engine ${ENGINE_VERSION}\n`);
  for (const d of DEGENERATES) {
    const sel = matches.filter((m) => m.b === `fixture:${d}`);
    const w = sel.filter((m) => m.goalsA > m.goalsB).length;
    const l = sel.filter((m) => m.goalsA < m.goalsB).length;
    const gf = sel.reduce((t, m) => t + m.goalsA, 0);
    const ga = sel.reduce((t, m) => t + m.goalsB, 0);
    const ok = w > l;
    if (!ok) failed++;
    console.log(`${d.padEnd(14)} W-D-L ${w}-${sel.length - w - l}-${l}  goals ${gf}-${ga}  ${ok ? `${top} wins` : 'FAIL'}`);
  }
  if (failed > 0) process.exitCode = 1;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--worker')) return worker();
  let seeds = parseSeedRange(argv.includes('--degenerates') ? '1-20' : '1-50');
  let workers = 2;
  let halfTicks = DEFAULT_HALF_TICKS;
  let write = true;
  let degenerates = false;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const v = argv[k + 1];
    if (a === '--seeds' && v) (seeds = parseSeedRange(v)), k++;
    else if (a === '--workers' && v && /^\d+$/.test(v) && Number(v) >= 1) (workers = Number(v)), k++;
    else if (a === '--half-ticks' && v && /^\d+$/.test(v) && Number(v) >= 10) (halfTicks = Number(v)), k++;
    else if (a === '--no-write') write = false;
    else if (a === '--degenerates') degenerates = true;
    else if (a === '--help') {
      console.log('usage: node --no-node-snapshot --import tsx scripts/ladder.ts [--seeds 1-50] [--workers 2] [--half-ticks N] [--no-write] [--degenerates]');
      return;
    } else throw new Error(`unknown or incomplete argument '${a}' (try --help)`);
  }
  if (degenerates) return degenerateCheck(seeds, halfTicks, workers);
  const matches = await playParallel(fixtures(seeds), halfTicks, workers);
  const { text, violations } = report(seeds, halfTicks, matches);
  console.log(text);
  if (write) {
    writeFileSync(join(ROOT, 'docs', 'LADDER.md'), text);
    writeFileSync(join(ROOT, 'docs', 'ladder-sample.json'), JSON.stringify(sample(matches, halfTicks), null, 2) + '\n');
    console.error('wrote docs/LADDER.md and docs/ladder-sample.json');
  }
  if (violations.length > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
