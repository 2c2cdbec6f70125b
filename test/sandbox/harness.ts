// Drives a sandboxed policy with synthetic flat observations (no engine match needed) and
// reduces everything observable about the run to one comparable record.
import { createHash } from 'node:crypto';
import type { Fault, TickOutcome } from '../../engine/controller.js';
import { CMD_LENGTH, OBS_LENGTH, O_BALL, O_PLAYERS, O_TICK, OP_STRIDE } from '../../engine/obs-layout.js';
import type { MatchInfo } from '../../engine/policy.js';
import { createSandboxController, type SandboxController, type SandboxLimits } from '../../sandbox/index.js';

export const INFO: MatchInfo = {
  side: 'home',
  teamName: 'Hostiles',
  opponentName: 'Plain',
  seed: 42,
  ticksPerSecond: 10,
  halfTicks: 3000,
  extraTime: false,
  extraTimeTicks: 1000,
  shootout: false,
  pitch: {
    length: 105, width: 68, goalWidth: 7.32, goalHeight: 2.44, penaltyAreaDepth: 16.5, penaltyAreaWidth: 40.32,
    goalAreaDepth: 5.5, goalAreaWidth: 18.32, penaltySpotDistance: 11, centreCircleRadius: 9.15,
  },
  physics: {
    playerRadius: 0.4, ballRadius: 0.11, kickReach: 1, kickMaxHeight: 1.9, catchReach: 1.6, catchMaxHeight: 2.6,
    tackleReach: 1.6, runSpeed: 6, sprintSpeed: 8, acceleration: 4, maxKickSpeed: 30, gravity: 9.81,
  },
};

/** A deterministic synthetic observation for tick `t`: players and ball move along fixed curves. */
export function syntheticObservation(t: number, flat = new Float64Array(OBS_LENGTH)): Float64Array {
  flat.fill(0);
  flat[O_TICK] = t;
  flat[O_BALL] = ((t * 0.37) % 100) - 50;
  flat[O_BALL + 1] = ((t * 0.23) % 60) - 30;
  flat[O_BALL + 2] = 0.11;
  for (let k = 0; k < 22; k++) {
    const o = O_PLAYERS + k * OP_STRIDE;
    flat[o] = ((k * 4.5 + t * 0.1) % 100) - 50;
    flat[o + 1] = ((k * 3 + t * 0.05) % 60) - 30;
    flat[o + 4] = 1;
  }
  return flat;
}

export interface TickRecord {
  commands: number[];
  outcome: TickOutcome | undefined;
}

export interface RunRecord {
  setup: { ok: boolean; reason?: string };
  ticks: TickRecord[];
  faults: Fault[];
  overBudgetTicks: number[];
  /** Digest of commands, faults, warnings, debug output and budget use: equal runs, equal digests. */
  digest: string;
  controller: SandboxController;
}

export interface RunOptions {
  ticks?: number;
  filename?: string;
  limits?: Partial<SandboxLimits>;
  info?: MatchInfo;
  /** Called after every tick, to interleave another controller (the opponent). */
  between?: (t: number) => void;
}

export function runPolicy(source: string, opts: RunOptions = {}): RunRecord {
  const info = opts.info ?? INFO;
  const controller = createSandboxController({ source, filename: opts.filename ?? 'hostile.js', limits: opts.limits ?? {} });
  const setup = controller.setup(info);
  const ticks: TickRecord[] = [];
  const faults: Fault[] = [...(setup.faults ?? [])];
  const flat = new Float64Array(OBS_LENGTH);
  const out = new Float64Array(CMD_LENGTH);
  if (setup.ok) {
    for (let t = 0; t < (opts.ticks ?? 3); t++) {
      syntheticObservation(t, flat);
      out.fill(0);
      const outcome = controller.tick({ flat, info, object: () => { throw new Error('unused'); } }, out);
      ticks.push({ commands: Array.from(out), outcome });
      if (outcome?.faults) faults.push(...outcome.faults);
      opts.between?.(t);
    }
  }
  const stats = controller.stats();
  controller.dispose();
  const digest = createHash('sha256')
    .update(JSON.stringify({ setup: { ok: setup.ok, reason: setup.reason }, ticks, over: stats.overBudgetTicks }))
    .digest('hex');
  return { setup: { ok: setup.ok, ...(setup.reason ? { reason: setup.reason } : {}) }, ticks, faults, overBudgetTicks: stats.overBudgetTicks, digest, controller };
}

/** A plain opponent: every player runs to the ball. */
export const PLAIN_POLICY = `
export function tick(obs) {
  return obs.own.map((p) => ({ moveTo: { x: obs.ball.x, y: obs.ball.y + p.index * 0.5 }, sprint: p.index % 2 === 0 }));
}`;
