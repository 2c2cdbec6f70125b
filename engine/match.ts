// Plays a whole match through two controllers: setup, the tick loop, faults, hashes and the result.
import { CHECKPOINT_EVERY } from './constants.js';
import type { DebugOutput, Fault, ObservationInput, TeamController } from './controller.js';
import { hashHex, initialHash, updateHash } from './hash.js';
import { CMD_LENGTH, OBS_LENGTH } from './obs-layout.js';
import { decodeObservation, matchInfo, writeObservation } from './observation.js';
import type { MatchInfo, Observation } from './policy.js';
import { createMatch } from './setup.js';
import { step } from './step.js';
import type { MatchConfig, MatchEvent, MatchState, MatchStats } from './state.js';

export interface MatchRunOptions {
  /** Called after every tick, with that tick's debug output per team (the replay recorder listens here). */
  onTick?: (state: MatchState, debug: [DebugOutput | undefined, DebugOutput | undefined]) => void;
  /** Called before each controller call, so a process that dies can say which team was running. */
  onCall?: (tick: number, team: 0 | 1) => void;
  /** Freeze a team from a tick on: the match runner's way to make a team that killed its process pay. */
  freeze?: ReadonlyArray<{ team: 0 | 1; fromTick: number; reason: string }>;
}

export interface TeamReport {
  faults: Fault[];
  warnings: number;
  /** First few distinct warnings, for the author. */
  warningSamples: string[];
  /** Work units per tick (sandbox budget), when the controller reports them. */
  budget: { median: number; p99: number; max: number; overBudgetTicks: number[] } | null;
  frozenFrom: number | null;
  /** Highest heap the team's sandbox used, in bytes (sampled; set by the sandboxed runner). */
  memoryHighWater?: number;
  /** Ticks whose commands needed sanitising (set by the sandboxed runner). */
  sanitisedTicks?: number;
}

export interface MatchResult {
  config: MatchConfig;
  score: [number, number];
  /** Shoot-out goals, when there was one. */
  shootout: [number, number] | null;
  winner: 'home' | 'away' | 'draw' | 'none';
  ticks: number;
  hash: string;
  /** The running hash after every CHECKPOINT_EVERY ticks (index k: after tick (k+1)*CHECKPOINT_EVERY). */
  checkpoints: string[];
  endReason: string;
  events: MatchEvent[];
  stats: MatchStats;
  teams: [TeamReport, TeamReport];
  /** Set when a team could not start: 0-3 against it (both: a double forfeit). */
  forfeit: { home: string | null; away: string | null } | null;
  /** True when a wall-clock safety net fired: the result may not reproduce. */
  nonReproducible: boolean;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function emptyReport(): TeamReport {
  return { faults: [], warnings: 0, warningSamples: [], budget: null, frozenFrom: null };
}

/** The result of a match that was never played because a team could not start. */
export function forfeitResult(config: MatchConfig, home: string | null, away: string | null): MatchResult {
  const state = createMatch(config);
  const score: [number, number] = home && away ? [0, 0] : home ? [0, 3] : [3, 0];
  return {
    config,
    score,
    shootout: null,
    winner: home && away ? 'none' : home ? 'away' : 'home',
    ticks: 0,
    hash: hashHex(initialHash(config.seed)),
    checkpoints: [],
    endReason: home && away ? 'double_forfeit' : 'forfeit',
    events: [],
    stats: state.stats,
    teams: [emptyReport(), emptyReport()],
    forfeit: { home, away },
    nonReproducible: false,
  };
}

export function runMatch(config: MatchConfig, controllers: [TeamController, TeamController], options: MatchRunOptions = {}): MatchResult {
  const state = createMatch(config);
  const infos: [MatchInfo, MatchInfo] = [matchInfo(state, 0), matchInfo(state, 1)];
  const reports: [TeamReport, TeamReport] = [emptyReport(), emptyReport()];
  const reasons: [string | null, string | null] = [null, null];
  for (const t of [0, 1] as const) {
    options.onCall?.(0, t);
    const out = controllers[t].setup(infos[t]);
    if (out.faults) reports[t].faults.push(...out.faults);
    if (!out.ok) reasons[t] = out.reason ?? 'setup failed';
  }
  if (reasons[0] !== null || reasons[1] !== null) {
    const r = forfeitResult(config, reasons[0], reasons[1]);
    r.teams = reports;
    return r;
  }
  const obs = [new Float64Array(OBS_LENGTH), new Float64Array(OBS_LENGTH)] as const;
  const cmds = [new Float64Array(CMD_LENGTH), new Float64Array(CMD_LENGTH)] as const;
  const budgets: [number[], number[]] = [[], []];
  const over: [number[], number[]] = [[], []];
  const frozen: [boolean, boolean] = [false, false];
  const hash = initialHash(config.seed);
  const checkpoints: string[] = [];
  const events: MatchEvent[] = [];
  const inputs = [0, 1].map((t) => {
    let cached: Observation | null = null;
    let cachedTick = -1;
    const input: ObservationInput = {
      flat: obs[t]!,
      info: infos[t as 0 | 1],
      object() {
        if (cachedTick !== state.tick || cached === null) {
          cached = decodeObservation(obs[t]!, infos[t as 0 | 1]);
          cachedTick = state.tick;
        }
        return cached;
      },
    };
    return input;
  });
  const debug: [DebugOutput | undefined, DebugOutput | undefined] = [undefined, undefined];
  while (!state.finished) {
    for (const t of [0, 1] as const) {
      debug[t] = undefined;
      cmds[t].fill(0);
      for (const f of options.freeze ?? []) {
        if (f.team === t && state.tick >= f.fromTick && !frozen[t]) {
          frozen[t] = true;
          reports[t].frozenFrom = state.tick;
          reports[t].faults.push({ tick: state.tick, kind: 'crash', message: f.reason, fatal: true });
        }
      }
      if (frozen[t]) continue;
      writeObservation(state, t, obs[t]);
      options.onCall?.(state.tick, t);
      const out = controllers[t].tick(inputs[t]!, cmds[t]);
      if (!out) continue;
      if (out.budgetUsed !== undefined) budgets[t].push(out.budgetUsed);
      if (out.warnings && out.warnings.length > 0) {
        const rep = reports[t];
        rep.warnings += out.warnings.length;
        for (const w of out.warnings) if (rep.warningSamples.length < 10 && !rep.warningSamples.includes(w)) rep.warningSamples.push(w);
      }
      if (out.faults) {
        for (const f of out.faults) {
          if (reports[t].faults.length < 1000) reports[t].faults.push(f);
          if (f.kind === 'budget') over[t].push(f.tick);
          if (f.fatal) {
            frozen[t] = true;
            reports[t].frozenFrom = state.tick + 1;
          }
        }
      }
      debug[t] = out.debug;
    }
    step(state, cmds[0], cmds[1], frozen);
    updateHash(hash, state);
    if (state.tick % CHECKPOINT_EVERY === 0) checkpoints.push(hashHex(hash));
    for (const e of state.events) events.push(e);
    options.onTick?.(state, debug);
  }
  for (const t of [0, 1] as const) {
    if (budgets[t].length > 0) {
      const sorted = budgets[t].slice().sort((a, b) => a - b);
      reports[t].budget = { median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1]!, overBudgetTicks: over[t] };
    }
  }
  const so = state.shootout;
  const [h, a] = state.score;
  let winner: MatchResult['winner'] = h > a ? 'home' : a > h ? 'away' : 'draw';
  if (winner === 'draw' && so) {
    winner = so.goals[0] > so.goals[1] ? 'home' : so.goals[1] > so.goals[0] ? 'away' : so.lotWinner === 0 ? 'home' : so.lotWinner === 1 ? 'away' : 'draw';
  }
  return {
    config,
    score: [h, a],
    shootout: so ? [so.goals[0], so.goals[1]] : null,
    winner,
    ticks: state.tick,
    hash: hashHex(hash),
    checkpoints,
    endReason: state.endReason,
    events,
    stats: state.stats,
    teams: reports,
    forfeit: null,
    nonReproducible: controllers.some((c) => c.nonReproducible === true),
  };
}
