// Does the game look like football? The figures issue 4 asks of the reference styles (goals, both sides
// shooting, pass completion, ball in play, no pairing one-sided) and their targets, from match lines.
// Pure: scripts/football-stats.ts plays the matches and prints the table; test/policies/football.test.ts
// judges a sample with the same functions.
import type { MatchResult } from '../../engine/match.js';

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

/** The line of one match of the styles table: style a's and style b's figures, whichever side each played. */
export function matchLine(f: { a: string; b: string; seed: number }, aHome: boolean, r: Pick<MatchResult, 'stats' | 'ticks'>): MatchLine {
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
