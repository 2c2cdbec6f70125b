// What the sandbox costs real policies: frozen copies of ladder-5 and the JavaScript starter
// (test/fixtures/policies/bench-*.js) played sandboxed and in-process, and the boundary of a full match.
// Times are process CPU (user + system), which load on the shared machine inflates far less than
// wall time; every figure is the median round (a ratio's: the median of each round's policy-minus-statue
// difference), rounds alternate the variants so load hits all alike.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TeamController } from '../../engine/controller.js';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { defaultConfig } from '../../engine/setup.js';
import { createSandboxController } from '../../sandbox/index.js';
import { FACTORY_EXPORT, factoryModule } from '../../sandbox/factory.js';
import { median } from './median.js';

/** The two frozen policies the ratio is measured on (never edited to pass). */
export const RATIO_POLICIES = ['ladder5', 'starter'] as const;
/** Ticks per half of the ratio's matches: 2,000 policy calls each side. */
const RATIO_HALF_TICKS = 1000;
const ROUNDS = 7;
/**
 * Rounds played and thrown away before the measured ones, warm: a pooled isolate, and an in-process factory,
 * reach their steady speed only in their fourth match (docs/PERFORMANCE-HISTORY.md, ninth round: ladder-5
 * sandboxed 250, 130, 114, 96, 92, ... ms), so after one warm-up round the median of seven was a warming round.
 * Cold matches start from nothing every time by design: one round warms the engine and the guest runtime's bundle.
 */
const WARMUP_ROUNDS = { warm: 4, cold: 1 } as const;
/**
 * Measured rounds of the ratios: warm rounds are short (~0.3 s for all six variants), cold ones are not. The
 * starter's own work is ~2 us a tick, so one round's GC or a migration between CPUs moves its difference by as
 * much as the difference itself. Four pinned runs of 21 pairs read 0.67 and 1.05 (ladder-5 in the rotation), 1.35
 * and 1.5 (the starter alone); medians of seven unpaired rounds had read 0.5-2.3 unpinned on unchanged code.
 */
const RATIO_ROUNDS = { warm: 21, cold: ROUNDS } as const;

function file(name: string): string {
  const rel = name === 'statue' || name === 'chaser' ? `../../policies/${name}.js` : `../fixtures/policies/bench-${name}.js`;
  return fileURLToPath(new URL(rel, import.meta.url));
}

let fresh = 0;
const factories = new Map<string, () => PolicyModule>();
let factoryDir: string | null = null;

/**
 * A controller for `name`. `warm` (how cups, scrims and seasons play since isolates are pooled): the
 * sandbox reuses the policy's isolate from the last match, and in-process the policy's module is
 * compiled once and each match calls its factory (sandbox/factory.ts) for fresh top-level state, so
 * both sides keep their optimised code. Cold: a new isolate, and a new module instance, every match.
 */
async function controller(name: string, sandboxed: boolean, warm: boolean): Promise<TeamController & { dispose?(): void }> {
  if (sandboxed) return createSandboxController({ file: file(name), pool: warm });
  if (!warm) return inProcessController((await import(`${pathToFileURL(file(name)).href}?bench=${fresh++}`)) as PolicyModule);
  let make = factories.get(name);
  if (!make) {
    factoryDir ??= mkdtempSync(join(tmpdir(), 'matchday-bench-factory-'));
    const out = join(factoryDir, `${name}.mjs`);
    writeFileSync(out, factoryModule(readFileSync(file(name), 'utf8'), out));
    make = (await import(pathToFileURL(out).href) as Record<string, () => PolicyModule>)[FACTORY_EXPORT]!;
    factories.set(name, make);
  }
  return inProcessController(make());
}

/** CPU ms of one match, home v away, setup excluded (isolates are created and policies loaded in setup, before the clock). */
async function matchCpuMs(home: string, away: string, sandboxed: boolean, warm: boolean, halfTicks?: number): Promise<number> {
  const h = await controller(home, sandboxed, warm);
  const a = await controller(away, sandboxed, warm);
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


const r1 = (v: number): number => Math.round(v);
const r2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * policy_sandbox_ratio_<p>: (p v statue, sandboxed, minus statue v statue, sandboxed) over the same
 * difference in-process: what the policy's own work costs in the sandbox, per unit of its work
 * outside it. policy_sandbox_ratio is the larger of the two; *_ms are the medians behind them.
 * Warm, as matches are played (see controller()); the *_cold keys: a new isolate and a new module
 * instance every match, each compiling and optimising from nothing.
 */
export async function policyRatios(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const warm of [true, false]) {
    const sfx = warm ? '' : '_cold';
    const variants: Array<[string, boolean]> = [];
    for (const p of ['statue', ...RATIO_POLICIES]) variants.push([p, true], [p, false]);
    const times = new Map<string, number[]>();
    const key = (p: string, sb: boolean): string => `${p}_${sb ? 'sandboxed' : 'in_process'}`;
    // Warm-up rounds (bundling the guest runtime, JIT of the engine, the isolates' and factories' own warm-up), then the measured ones.
    const warmup = warm ? WARMUP_ROUNDS.warm : WARMUP_ROUNDS.cold;
    const rounds = warm ? RATIO_ROUNDS.warm : RATIO_ROUNDS.cold;
    for (let round = 0; round < warmup + rounds; round++) {
      for (const [p, sb] of variants) {
        const ms = await matchCpuMs(p, 'statue', sb, warm, RATIO_HALF_TICKS);
        if (round >= warmup) times.set(key(p, sb), [...(times.get(key(p, sb)) ?? []), ms]);
      }
    }
    const med = (p: string, sb: boolean): number => median(times.get(key(p, sb)) ?? []);
    // A policy's own work, round by round: its match minus the statue's of the same round, played just before it.
    // Paired so that a drift of the machine between rounds cancels; the starter's own work is only a few ms of a
    // ~30 ms match, and the difference of two medians swung its ratio 0.5-2.3 between runs of unchanged code.
    const own = (p: string, sb: boolean): number => {
      const mine = times.get(key(p, sb)) ?? [];
      const statue = times.get(key('statue', sb)) ?? [];
      return median(mine.map((ms, i) => ms - statue[i]!));
    };
    let worst = 0;
    for (const p of RATIO_POLICIES) {
      const sandboxed = own(p, true);
      const inProcess = own(p, false);
      const ratio = inProcess > 0 ? sandboxed / inProcess : Infinity;
      out[`policy_sandbox_ratio_${p}${sfx}`] = r2(ratio);
      out[`policy_ms_${p}_sandboxed${sfx}`] = r1(med(p, true));
      out[`policy_ms_${p}_in_process${sfx}`] = r1(med(p, false));
      worst = Math.max(worst, ratio);
    }
    out[`policy_ms_statue_sandboxed${sfx}`] = r1(med('statue', true));
    out[`policy_ms_statue_in_process${sfx}`] = r1(med('statue', false));
    out[`policy_sandbox_ratio${sfx}`] = r2(worst);
  }
  return out;
}

/** match_overhead_ms: chaser v chaser, a full default match, sandboxed minus in-process (CPU ms); warm, and cold as above. */
export async function matchOverheadMs(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const warm of [true, false]) {
    const sb: number[] = [];
    const ip: number[] = [];
    await matchCpuMs('chaser', 'chaser', true, warm); // warm-up
    await matchCpuMs('chaser', 'chaser', false, warm);
    for (let round = 0; round < ROUNDS; round++) {
      sb.push(await matchCpuMs('chaser', 'chaser', true, warm));
      ip.push(await matchCpuMs('chaser', 'chaser', false, warm));
    }
    out[warm ? 'match_overhead_ms' : 'match_overhead_ms_cold'] = r1(median(sb) - median(ip));
  }
  return out;
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
