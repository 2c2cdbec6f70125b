// Validating one policy: a short match in a match process, a verdict and a plain report. The one code
// path behind `matchday validate` and a season server's submissions.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DebugMark } from '../engine/controller.js';
import { ReplayReader } from '../engine/replay/index.js';
import { tickRecords } from '../engine/replay/records.js';
import { defaultConfig } from '../engine/setup.js';
import type { TeamSpec } from './types.js';
import type { RunResult } from './runner/job.js';
import type { MatchRunner } from './runner/cup-play.js';

/** One tick's debug output of the validated team, as the replay recorded it. */
export interface DebugTick {
  tick: number;
  logs: string[];
  marks: DebugMark[];
}

/** Every tick with debug output (logs or marks) of side 0, from the validation match's replay. */
export function debugTicks(replay: string): DebugTick[] {
  const reader = new ReplayReader(readFileSync(replay), replay);
  const out: DebugTick[] = [];
  for (const r of tickRecords(reader, { team: 0 })) {
    const t = r.teams.home!;
    if (t.logs.length > 0 || t.marks.length > 0) out.push({ tick: r.tick, logs: t.logs, marks: t.marks });
  }
  return out;
}

/** The first `limit` debug lines (one per log line, one per mark), each with its tick; then how many more. */
export function debugLines(ticks: DebugTick[], limit: number): { shown: string[]; more: number } {
  const all: string[] = [];
  for (const t of ticks) {
    for (const l of t.logs) all.push(`tick ${t.tick}: ${l}`);
    for (const m of t.marks) all.push(`tick ${t.tick}: mark ${JSON.stringify(m)}`);
    // Stop building once the count is all that is left to report.
    if (all.length > limit) break;
  }
  const total = ticks.reduce((n, t) => n + t.logs.length + t.marks.length, 0);
  return { shown: all.slice(0, limit), more: total - Math.min(limit, all.length) };
}

/** The author's line `n` (1-based), trimmed, for quoting next to an error. */
function sourceLine(file: string, n: number | undefined): string | null {
  if (n === undefined) return null;
  try {
    const line = readFileSync(file, 'utf8').split('\n')[n - 1];
    return line === undefined ? null : line.trim().slice(0, 160);
  } catch {
    return null;
  }
}

export interface Verdict {
  ok: boolean;
  reason: string;
}

/** Decides from a validation match whether the policy will play. */
export function verdict(r: RunResult, side: 0 | 1): Verdict {
  const forfeit = r.forfeit ? (side === 0 ? r.forfeit.home : r.forfeit.away) : null;
  if (forfeit) return { ok: false, reason: `cannot start: ${forfeit}` };
  const s = r.teams[side];
  if (s.frozenFrom !== null) return { ok: false, reason: `frozen from tick ${s.frozenFrom}: ${s.faults.find((f) => f.fatal)?.message ?? 'fatal fault'}` };
  const good = s.ticks - s.overBudgetTicks.length - s.errorTicks;
  if (s.ticks > 0 && good <= 0) {
    return { ok: false, reason: s.overBudgetTicks.length >= s.errorTicks ? 'never returns its commands within the budget' : 'throws on every tick' };
  }
  return { ok: true, reason: 'the policy will play' };
}

export function report(team: TeamSpec, r: RunResult, vs: string, debug: DebugTick[], logLimit: number): string[] {
  const side = 0;
  const s = r.teams[side];
  const limits = r.limits;
  const budget = s.budget ?? { median: 0, p99: 0, max: 0 };
  const lines = [`validate ${team.file}`];
  const logs = r.setupLogs[side];
  if (logs.length > 0) lines.push(`  setup printed ${logs.length} line(s): ${logs.slice(0, 3).join(' | ')}`);
  if (r.forfeit) return lines;
  lines.push(`  played ${r.ticks} ticks against ${vs}: ${r.score[0]}-${r.score[1]}`);
  const py = team.file.toLowerCase().endsWith('.py');
  lines.push(`  budget per tick (${py ? 'Python fuel ' : ''}units of ${py ? limits.pyTickBudget : limits.tickBudget}): median ${budget.median}, p99 ${budget.p99}, max ${budget.max}`);
  lines.push(`  ticks over budget: ${s.overBudgetTicks.length}${s.overBudgetTicks.length > 0 ? ` (first: ${s.overBudgetTicks.slice(0, 8).join(', ')})` : ''}`);
  lines.push(`  memory high-water: ${((s.memoryHighWater ?? 0) / 1048576).toFixed(1)} MB of ${py ? limits.memoryMb + limits.pyMemoryMb : limits.memoryMb} MB`);
  lines.push(`  errors: ${s.errorTicks} tick(s) threw`);
  // One line per distinct problem (kind and source line), with how often and when it first happened.
  const groups = new Map<string, { first: (typeof s.faults)[number]; count: number }>();
  for (const f of s.faults) {
    if (f.kind === 'budget') continue;
    const key = `${f.kind}:${f.line ?? ''}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { first: f, count: 1 });
  }
  for (const { first: f, count } of [...groups.values()].slice(0, 5)) {
    const where = f.line !== undefined ? `line ${f.line}` : 'no line';
    lines.push(`    ${where}, first at tick ${f.tick}${count > 1 ? ` (${count} times)` : ''}: ${f.message}`);
    const text = sourceLine(team.file, f.line);
    if (text) lines.push(`      > ${text}`);
  }
  lines.push(`  warnings about malformed commands: ${s.warnings}`);
  for (const w of s.warningSamples.slice(0, 5)) lines.push(`    ${w}`);
  const d = s.debug;
  lines.push(`  debug output: ${d.marks} marks, ${d.logs} log lines, ${(d.bytes / 1024).toFixed(1)} KB`);
  const { shown, more } = debugLines(debug, logLimit);
  for (const l of shown) lines.push(`    ${l}`);
  if (more > 0) lines.push(`    ... and ${more} more (--logs N shows more; matchday inspect shows them all)`);
  if (r.nonReproducible) lines.push('  WARNING: a wall-clock safety net fired: matches with this policy may not reproduce');
  return lines;
}


export interface ValidateOptions {
  seed: number;
  halfTicks: number;
  /** How many debug lines the report and the JSON carry. */
  logLimit: number;
  /** What the opponent was given as (for the report), e.g. `builtin:possession`. */
  vsLabel: string;
}

export interface Validation {
  ok: boolean;
  reason: string;
  /** The report, one line each, ending with `OK: ...` or `FAIL: ...`. */
  lines: string[];
  /** What `matchday validate --json` prints. */
  json: ValidationJson;
}

export interface ValidationJson {
  ok: boolean;
  reason: string;
  budget: { limit: number; median: number; p99: number; max: number };
  overBudgetTicks: number;
  errors: number;
  warnings: number;
  memoryHighWater: number;
  debug: { marks: number; logs: number; bytes: number; lines: string[]; more: number };
}

/** Plays the validation match of `team` against `vs` on `pool` and judges it. */
export async function validatePolicy(pool: MatchRunner, team: TeamSpec, vs: TeamSpec, opts: ValidateOptions): Promise<Validation> {
  const config = defaultConfig({
    seed: opts.seed,
    halfTicks: opts.halfTicks,
    homeName: team.name,
    awayName: vs.name === team.name ? `${vs.name}-opponent` : vs.name,
  });
  // The match's replay carries every debug line with its tick: the report reads them back from it.
  const dir = mkdtempSync(join(tmpdir(), 'matchday-validate-'));
  let r: RunResult;
  let debug: DebugTick[];
  try {
    const out = join(dir, 'validate.mdr');
    r = await pool.run({ config, home: team, away: { ...vs, name: config.awayName }, out });
    debug = r.forfeit ? [] : debugTicks(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const v = verdict(r, 0);
  const lines = report(team, r, opts.vsLabel, debug, opts.logLimit);
  lines.push(`${v.ok ? 'OK' : 'FAIL'}: ${v.reason}`);
  const s = r.teams[0];
  const limit = team.file.toLowerCase().endsWith('.py') ? r.limits.pyTickBudget : r.limits.tickBudget;
  const budget = { limit, ...(s.budget ?? { median: 0, p99: 0, max: 0 }) };
  const { shown, more } = debugLines(debug, opts.logLimit);
  const json: ValidationJson = {
    ok: v.ok, reason: v.reason, budget, overBudgetTicks: s.overBudgetTicks.length, errors: s.errorTicks, warnings: s.warnings,
    memoryHighWater: s.memoryHighWater ?? 0, debug: { ...s.debug, lines: shown, more },
  };
  return { ok: v.ok, reason: v.reason, lines, json };
}
