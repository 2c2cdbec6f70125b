// A team's own logs of one match, read from the full replay: its debug lines, marks, faults and budget, its side only.
import { readFileSync } from 'node:fs';
import type { DebugMark, Fault } from '../engine/controller.js';
import { ReplayReader } from '../engine/replay/index.js';
import { tickRecords } from '../engine/replay/records.js';

export interface TeamMatchLog {
  matchId: string;
  side: 'home' | 'away';
  opponent: string;
  /** Ticks with output of this team only: its console lines, marks and faults. */
  ticks: Array<{ tick: number; logs: string[]; marks: DebugMark[]; faults: Fault[] }>;
  budget: { median: number; p99: number; max: number } | null;
  overBudgetTicks: number;
  errorTicks: number;
  faultCount: number;
  warnings: number;
  warningSamples: string[];
  frozenFrom: number | null;
}

/** Reads `replayFile` and keeps only `side`'s own output: nothing of the opponent's passes through. */
export function teamLog(replayFile: string, matchId: string, side: 0 | 1): TeamMatchLog {
  const reader = new ReplayReader(readFileSync(replayFile), replayFile);
  const key = side === 0 ? 'home' : 'away';
  const ticks: TeamMatchLog['ticks'] = [];
  for (const r of tickRecords(reader, { team: side })) {
    const t = r.teams[key];
    if (t && (t.logs.length > 0 || t.marks.length > 0 || t.faults.length > 0)) ticks.push({ tick: r.tick, logs: t.logs, marks: t.marks, faults: t.faults });
  }
  const rep = reader.footer.teams[side];
  return {
    matchId,
    side: key,
    opponent: reader.header.teams[1 - side]!.name,
    ticks,
    budget: rep.budget ? { median: rep.budget.median, p99: rep.budget.p99, max: rep.budget.max } : null,
    overBudgetTicks: rep.overBudgetTicks.length,
    errorTicks: rep.errorTicks,
    faultCount: rep.faultCount,
    warnings: rep.warnings,
    warningSamples: rep.warningSamples,
    frozenFrom: rep.frozenFrom,
  };
}
