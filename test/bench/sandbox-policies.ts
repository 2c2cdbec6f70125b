// What the sandbox costs real policies: frozen copies of ladder-5 and the JavaScript starter
// (test/fixtures/policies/bench-*.js) played sandboxed and in-process, and the boundary of a full match.
// Times are process CPU (user + system), which load on the shared machine inflates far less than
// wall time; every figure is the median round, rounds alternate the variants so load hits all alike.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TeamController } from '../../engine/controller.js';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { defaultConfig } from '../../engine/setup.js';
import { createSandboxController } from '../../sandbox/index.js';

/** The two frozen policies the ratio is measured on (never edited to pass). */
export const RATIO_POLICIES = ['ladder5', 'starter'] as const;
/** Ticks per half of the ratio's matches: 2,000 policy calls each side. */
const RATIO_HALF_TICKS = 1000;
const ROUNDS = 3;

function file(name: string): string {
  const rel = name === 'statue' || name === 'chaser' ? `../../policies/${name}.js` : `../fixtures/policies/bench-${name}.js`;
  return fileURLToPath(new URL(rel, import.meta.url));
}

let fresh = 0;
/** A controller for `name`; in-process ones get a fresh module instance, so top-level state starts clean as in a sandbox. */
async function controller(name: string, sandboxed: boolean): Promise<TeamController & { dispose?(): void }> {
  if (sandboxed) return createSandboxController({ file: file(name) });
  const mod = (await import(`${pathToFileURL(file(name)).href}?bench=${fresh++}`)) as PolicyModule;
  return inProcessController(mod);
}

/** CPU ms of one match, home v away, setup excluded (isolates are created and policies loaded in setup, before the clock). */
async function matchCpuMs(home: string, away: string, sandboxed: boolean, halfTicks?: number): Promise<number> {
  const h = await controller(home, sandboxed);
  const a = await controller(away, sandboxed);
  const config = defaultConfig({ seed: 1, homeName: home, awayName: away, ...(halfTicks ? { halfTicks } : {}) });
  // Setup (isolates, loading) stays outside the clock: it starts when the second team's setup returns.
  let t0 = 0;
  const timed = (c: TeamController, first: boolean): TeamController => ({
    setup: (info) => {
      const out = c.setup(info);
      if (!out.ok) throw new Error(`bench: ${first ? home : away} failed to start: ${out.reason ?? ''}`);
      if (!first) {
        const u = process.cpuUsage();
        t0 = (u.user + u.system) / 1000;
      }
      return out;
    },
    tick: (input, out) => c.tick(input, out),
  });
  try {
    runMatch(config, [timed(h, true), timed(a, false)]);
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000 - t0;
  } finally {
    h.dispose?.();
    a.dispose?.();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const r1 = (v: number): number => Math.round(v);
const r2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * policy_sandbox_ratio_<p>: (p v statue, sandboxed, minus statue v statue, sandboxed) over the same
 * difference in-process: what the policy's own work costs in the sandbox, per unit of its work
 * outside it. policy_sandbox_ratio is the larger of the two; *_ms are the medians behind them.
 */
export async function policyRatios(): Promise<Record<string, number>> {
  const variants: Array<[string, boolean]> = [];
  for (const p of ['statue', ...RATIO_POLICIES]) variants.push([p, true], [p, false]);
  const times = new Map<string, number[]>();
  const key = (p: string, sb: boolean): string => `${p}_${sb ? 'sandboxed' : 'in_process'}`;
  // One warm-up round (bundling the guest runtime, JIT of the engine), then the measured ones.
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [p, sb] of variants) {
      const ms = await matchCpuMs(p, 'statue', sb, RATIO_HALF_TICKS);
      if (round > 0) times.set(key(p, sb), [...(times.get(key(p, sb)) ?? []), ms]);
    }
  }
  const med = (p: string, sb: boolean): number => median(times.get(key(p, sb)) ?? []);
  const out: Record<string, number> = {};
  let worst = 0;
  for (const p of RATIO_POLICIES) {
    const sandboxed = med(p, true) - med('statue', true);
    const inProcess = med(p, false) - med('statue', false);
    const ratio = inProcess > 0 ? sandboxed / inProcess : Infinity;
    out[`policy_sandbox_ratio_${p}`] = r2(ratio);
    out[`policy_ms_${p}_sandboxed`] = r1(med(p, true));
    out[`policy_ms_${p}_in_process`] = r1(med(p, false));
    worst = Math.max(worst, ratio);
  }
  out.policy_ms_statue_sandboxed = r1(med('statue', true));
  out.policy_ms_statue_in_process = r1(med('statue', false));
  out.policy_sandbox_ratio = r2(worst);
  return out;
}

/** match_overhead_ms: chaser v chaser, a full default match, sandboxed minus in-process (CPU ms). */
export async function matchOverheadMs(): Promise<number> {
  const sb: number[] = [];
  const ip: number[] = [];
  await matchCpuMs('chaser', 'chaser', true); // warm-up
  await matchCpuMs('chaser', 'chaser', false);
  for (let round = 0; round < ROUNDS; round++) {
    sb.push(await matchCpuMs('chaser', 'chaser', true));
    ip.push(await matchCpuMs('chaser', 'chaser', false));
  }
  return r1(median(sb) - median(ip));
}

/** A policy that reads every field of its observation (MatchInfo included) and returns no commands. */
export const READ_ALL = `
function player(p) {
  return p.index + p.number + (p.isGoalkeeper ? 1 : 0) + p.x + p.y + p.vx + p.vy + p.stamina + p.yellowCards +
    (p.sentOff ? 1 : 0) + (p.holdingBall ? 1 : 0);
}
export function tick(o) {
  let s = o.tick + o.period.length + o.periodTick + o.periodTicks + o.minute + o.mode.length;
  const r = o.restart;
  if (r) s += r.kind.length + r.team.length + r.spot.x + r.spot.y + r.minDistance + r.ticksLeft;
  s += o.score.own + o.score.opponent;
  const b = o.ball;
  s += b.x + b.y + b.z + b.vx + b.vy + b.vz;
  if (o.lastTouch) s += o.lastTouch.team.length + o.lastTouch.index;
  for (let i = 0; i < o.own.length; i++) s += player(o.own[i]);
  for (let i = 0; i < o.opponents.length; i++) s += player(o.opponents[i]);
  const so = o.shootout;
  if (so) s += so.own + so.opponent + so.ownKicks + so.opponentKicks + so.kicking.length + so.kickerIndex;
  const i = o.info, pi = i.pitch, ph = i.physics;
  s += i.side.length + i.teamName.length + i.opponentName.length + i.seed + i.ticksPerSecond + i.halfTicks +
    (i.extraTime ? 1 : 0) + i.extraTimeTicks + (i.shootout ? 1 : 0);
  s += pi.length + pi.width + pi.goalWidth + pi.goalHeight + pi.penaltyAreaDepth + pi.penaltyAreaWidth + pi.goalAreaDepth +
    pi.goalAreaWidth + pi.penaltySpotDistance + pi.centreCircleRadius;
  s += ph.playerRadius + ph.ballRadius + ph.kickReach + ph.kickMaxHeight + ph.catchReach + ph.catchMaxHeight +
    ph.tackleReach + ph.runSpeed + ph.sprintSpeed + ph.acceleration + ph.maxKickSpeed + ph.gravity;
  return s > -Infinity ? [] : [{}];
}
`;
