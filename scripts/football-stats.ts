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

export const STYLES = ['possession', 'gegenpress', 'deepblock', 'direct'] as const;

/** The targets of issue 4, in one place. */
export const TARGETS = {
  goalsMin: 1.5,
  goalsMax: 6,
  bothShootMin: 0.9,
  passMin: 0.55,
  passMax: 0.95,
  inPlayMin: 0.5,
} as const;

export interface MatchLine {
  a: string;
  b: string;
  seed: number;
  /** Goals of style a and style b (whichever side each played). */
  goalsA: number;
  goalsB: number;
  shotsA: number;
  shotsB: number;
  passes: number;
  passesCompleted: number;
  ticksInPlay: number;
  ticks: number;
}

/** Side-swapped by seed: style a plays at home on odd seeds, away on even ones. */
export function fixtures(seeds: number[], styles: readonly string[] = STYLES): Array<{ a: string; b: string; seed: number }> {
  const out: Array<{ a: string; b: string; seed: number }> = [];
  for (let i = 0; i < styles.length; i++) {
    for (let j = i + 1; j < styles.length; j++) {
      for (const seed of seeds) out.push({ a: styles[i]!, b: styles[j]!, seed });
    }
  }
  return out;
}

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

/** Plays one fixture of the styles table in this process. */
export async function playStyleMatch(f: { a: string; b: string; seed: number }, halfTicks: number): Promise<MatchLine> {
  const aHome = f.seed % 2 === 1;
  const home = aHome ? f.a : f.b;
  const away = aHome ? f.b : f.a;
  const cfg = defaultConfig({ seed: f.seed, halfTicks, homeName: teamOf(home).name, awayName: teamOf(away).name });
  const r = runMatch(cfg, [inProcessController(await load(home)), inProcessController(await load(away))]);
  const [h, w] = r.stats.teams;
  const ta = aHome ? h : w;
  const tb = aHome ? w : h;
  return {
    a: f.a,
    b: f.b,
    seed: f.seed,
    goalsA: ta.goals,
    goalsB: tb.goals,
    shotsA: ta.shots,
    shotsB: tb.shots,
    passes: h.passes + w.passes,
    passesCompleted: h.passesCompleted + w.passesCompleted,
    ticksInPlay: r.stats.ticksInPlay,
    ticks: r.ticks,
  };
}

export interface Row {
  label: string;
  matches: number;
  goals: number;
  bothShoot: number;
  passCompletion: number;
  inPlay: number;
  /** Wins, draws and losses of the first style of the pairing (overall row: none). */
  wdl: [number, number, number] | null;
}

export function summarise(label: string, lines: MatchLine[], withWdl: boolean): Row {
  const n = lines.length || 1;
  let goals = 0, both = 0, passes = 0, done = 0, inPlay = 0, ticks = 0;
  const wdl: [number, number, number] = [0, 0, 0];
  for (const l of lines) {
    goals += l.goalsA + l.goalsB;
    if (l.shotsA > 0 && l.shotsB > 0) both++;
    passes += l.passes;
    done += l.passesCompleted;
    inPlay += l.ticksInPlay;
    ticks += l.ticks;
    wdl[l.goalsA > l.goalsB ? 0 : l.goalsA === l.goalsB ? 1 : 2]++;
  }
  return {
    label,
    matches: lines.length,
    goals: goals / n,
    bothShoot: both / n,
    passCompletion: passes > 0 ? done / passes : 0,
    inPlay: ticks > 0 ? inPlay / ticks : 0,
    wdl: withWdl ? wdl : null,
  };
}

/** Which targets a row misses (empty: all met). A pairing where one side won or lost every match misses "W/D/L". */
export function misses(row: Row): string[] {
  const out: string[] = [];
  if (row.goals < TARGETS.goalsMin || row.goals > TARGETS.goalsMax) out.push('goals');
  if (row.bothShoot < TARGETS.bothShootMin) out.push('both shoot');
  if (row.passCompletion < TARGETS.passMin || row.passCompletion > TARGETS.passMax) out.push('pass completion');
  if (row.inPlay < TARGETS.inPlayMin) out.push('in play');
  if (row.wdl && row.matches > 1 && (row.wdl[0] === row.matches || row.wdl[2] === row.matches)) out.push('W/D/L');
  return out;
}

export function table(lines: MatchLine[], styles: readonly string[] = STYLES): { rows: Row[]; text: string } {
  const rows: Row[] = [];
  for (let i = 0; i < styles.length; i++) {
    for (let j = i + 1; j < styles.length; j++) {
      const sel = lines.filter((l) => l.a === styles[i] && l.b === styles[j]);
      if (sel.length > 0) rows.push(summarise(`${styles[i]} v ${styles[j]}`, sel, true));
    }
  }
  // The overall row judges the pooled figures; only the pairing rows judge W/D/L.
  const pooled = summarise('all pairings', lines, false);
  // Pairing rows are judged on W/D/L only: each goals figure is an average over few matches.
  const head = ['pairing', 'n', 'goals/match', 'both shoot', 'pass compl.', 'in play', 'W-D-L (first)', 'misses'];
  const fmt = (r: Row, wdlOnly: boolean): string[] => {
    const m = misses(r).filter((x) => !wdlOnly || x === 'W/D/L');
    return [
      r.label,
      String(r.matches),
      r.goals.toFixed(2),
      `${(r.bothShoot * 100).toFixed(0)}%`,
      `${(r.passCompletion * 100).toFixed(1)}%`,
      `${(r.inPlay * 100).toFixed(1)}%`,
      r.wdl ? r.wdl.join('-') : '',
      m.length ? m.join(', ') : 'ok',
    ];
  };
  const body = [...rows.map((r) => fmt(r, true)), fmt(pooled, false)];
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((b) => b[k]!.length)));
  const line = (cells: string[]): string => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  const text = [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `targets: goals ${TARGETS.goalsMin}..${TARGETS.goalsMax} per match, both sides shoot in >= ${Math.round(TARGETS.bothShootMin * 100)}% of matches, ` +
      `pass completion ${Math.round(TARGETS.passMin * 100)}%..${Math.round(TARGETS.passMax * 100)}%, ball in play >= ${Math.round(TARGETS.inPlayMin * 100)}%, no style wins or loses every match of a pairing`,
  ].join('\n');
  rows.push(pooled);
  return { rows, text };
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
