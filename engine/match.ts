// Plays a whole match through two controllers: setup, the tick loop, faults, hashes and the result.
// Everything a tick produces goes out once, as one record, to the listeners (the replay writer is one).
import { CHECKPOINT_EVERY } from './constants.js';
import type { Fault, ObservationInput, TeamController } from './controller.js';
import { hashHex, initialHash, updateHash } from './hash.js';
import type { MatchListener, MatchResult, TeamTick } from './match-record.js';
import { CMD_LENGTH, OBS_LENGTH } from './obs-layout.js';
import { decodeObservation, matchInfo, writeObservation } from './observation.js';
import type { MatchInfo, Observation } from './policy.js';
import { createMatch } from './setup.js';
import { step } from './step.js';
import type { MatchConfig, MatchEvent } from './state.js';
import { emptyReport, TeamReportBuilder } from './team-report.js';

export type { TeamReport } from './team-report.js';
export type { MatchResult } from './match-record.js';

/** Freeze a team from a tick on: the match runner's way to make a team that killed its process pay. */
export interface FreezeOrder {
  team: 0 | 1;
  fromTick: number;
  reason: string;
}

export interface MatchRunOptions {
  /** Receive the kick-off, every tick's record and the result, in order (the replay writer listens here). */
  listeners?: readonly MatchListener[];
  /** Called before each controller call, so a process that dies can say which team was running. */
  onCall?: (tick: number, team: 0 | 1) => void;
  /** Called when a controller call has returned (or thrown), so a death from then on is charged to no team. */
  onReturn?: (tick: number, team: 0 | 1) => void;
  freeze?: readonly FreezeOrder[];
}


const NOTHING: TeamTick = { faults: [], warnings: [], debug: null, budgetUsed: null };

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
  const listeners = options.listeners ?? [];
  const state = createMatch(config);
  const hash = initialHash(config.seed);
  const infos: [MatchInfo, MatchInfo] = [matchInfo(state, 0), matchInfo(state, 1)];
  const builders: [TeamReportBuilder, TeamReportBuilder] = [new TeamReportBuilder(), new TeamReportBuilder()];
  const reasons: [string | null, string | null] = [null, null];
  const setupFaults: [Fault[], Fault[]] = [[], []];
  for (const t of [0, 1] as const) {
    options.onCall?.(0, t);
    let out;
    try {
      out = controllers[t].setup(infos[t]);
    } finally {
      options.onReturn?.(0, t);
    }
    if (out.faults) setupFaults[t].push(...out.faults);
    for (const f of setupFaults[t]) builders[t].fault(f);
    if (!out.ok) reasons[t] = out.reason ?? 'setup failed';
  }
  const memory = (t: 0 | 1): number | undefined => controllers[t].memoryHighWater;
  for (const l of listeners) l.start?.({ state, hash: hashHex(hash), setupFaults });
  if (reasons[0] !== null || reasons[1] !== null) {
    const r = forfeitResult(config, reasons[0], reasons[1]);
    r.teams = [builders[0].finish(memory(0)), builders[1].finish(memory(1))];
    for (const l of listeners) l.end?.(r);
    return r;
  }
  const obs = [new Float64Array(OBS_LENGTH), new Float64Array(OBS_LENGTH)] as const;
  const cmds = [new Float64Array(CMD_LENGTH), new Float64Array(CMD_LENGTH)] as const;
  const frozen: [boolean, boolean] = [false, false];
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
  const ticks: [TeamTick, TeamTick] = [NOTHING, NOTHING];
  while (!state.finished) {
    for (const t of [0, 1] as const) {
      ticks[t] = NOTHING;
      cmds[t].fill(0);
      const report = builders[t].report;
      for (const f of options.freeze ?? []) {
        if (f.team === t && state.tick >= f.fromTick && !frozen[t]) {
          frozen[t] = true;
          report.frozenFrom = state.tick;
          const fault: Fault = { tick: state.tick, kind: 'crash', message: f.reason, fatal: true };
          builders[t].fault(fault);
          ticks[t] = { faults: [fault], warnings: [], debug: null, budgetUsed: null };
        }
      }
      if (frozen[t]) continue;
      writeObservation(state, t, obs[t]);
      options.onCall?.(state.tick, t);
      let out;
      try {
        out = controllers[t].tick(inputs[t]!, cmds[t]);
      } finally {
        options.onReturn?.(state.tick, t);
      }
      const tt: TeamTick = out
        ? { faults: out.faults ?? [], warnings: out.warnings ?? [], debug: out.debug ?? null, budgetUsed: out.budgetUsed ?? null }
        : NOTHING;
      builders[t].tick(state.tick, tt.faults, tt.warnings, tt.debug, tt.budgetUsed);
      // A fatal fault voids this tick's commands already: the team stands still from this tick on.
      if (tt.faults.some((f) => f.fatal)) {
        frozen[t] = true;
        report.frozenFrom = state.tick;
      }
      ticks[t] = tt;
    }
    step(state, cmds[0], cmds[1], frozen);
    updateHash(hash, state);
    const hex = hashHex(hash);
    if (state.tick % CHECKPOINT_EVERY === 0) checkpoints.push(hex);
    for (const e of state.events) events.push(e);
    if (listeners.length > 0) {
      const record = { state, hash: hex, teams: ticks };
      for (const l of listeners) l.tick?.(record);
    }
  }
  const so = state.shootout;
  const [h, a] = state.score;
  let winner: MatchResult['winner'] = h > a ? 'home' : a > h ? 'away' : 'draw';
  if (winner === 'draw' && so) {
    winner = so.goals[0] > so.goals[1] ? 'home' : so.goals[1] > so.goals[0] ? 'away' : so.lotWinner === 0 ? 'home' : so.lotWinner === 1 ? 'away' : 'draw';
  }
  const result: MatchResult = {
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
    teams: [builders[0].finish(memory(0)), builders[1].finish(memory(1))],
    forfeit: null,
    nonReproducible: controllers.some((c) => c.nonReproducible === true),
  };
  for (const l of listeners) l.end?.(result);
  return result;
}
