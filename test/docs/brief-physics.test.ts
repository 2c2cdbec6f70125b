// Holds what docs/RULES.md says about kicks, traps, tackles and stamina against the engine: each test
// plays the situation and recomputes the outcome from the formula the docs print (formula.ts evaluates
// that very text, with the numbers the docs render), including the seeded draws, read as they happen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMULAS, type FormulaName } from './formula.js';
import { ballAfter, doc, formula, formulaText, moved, noiseDraw, recordDraws } from './brief.js';
import { ROOT } from './render.js';
import { F_COOLDOWN, F_SENT_OFF, F_STRIDE, F_TACKLE_CD, F_YELLOW, M_PLAY, P_STAMINA, P_STRIDE, P_VX, P_VY } from '../../engine/state.js';
import type { PlayerCommand } from '../../engine/policy.js';
import { scenario, type Scenario } from '../helpers/scenario.js';

const KICKER = 9;
const FAR = 150;

/** A command that keeps a player at (x, y) running at its velocity (v > 0), or standing (v = 0). */
function keepRunning(x: number, y: number, vx: number, vy: number): PlayerCommand {
  const v = Math.hypot(vx, vy);
  return v === 0 ? {} : { moveTo: { x: x + (vx / v) * FAR, y: y + (vy / v) * FAR }, speed: v };
}

/** Puts player p at (x, y), fresh (stamina 1, so its top speed is the base), with velocity (vx, vy). */
function place(sc: Scenario, p: number, x: number, y: number, vx = 0, vy = 0): void {
  sc.put(p, x, y, vx, vy);
  sc.s.players[p * P_STRIDE + P_STAMINA] = 1;
}

function near(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  for (let i = 0; i < b.length; i++) expect(a[i]!, `${what}[${i}]`).toBeCloseTo(b[i]!, 9);
}

/** A scenario in open play with everyone out of the way. */
function fresh(sc: Scenario): Scenario {
  sc.clear();
  sc.s.mode = M_PLAY;
  return sc;
}

describe('the brief prints its formulas', () => {
  it('shows every formula in docs/RULES.md, with the numbers the code has', () => {
    const rules = readFileSync(ROOT + 'docs/RULES.md', 'utf8');
    for (const name of Object.keys(FORMULAS) as FormulaName[]) expect(rules, name).toContain(formulaText(name));
  });
});

describe('kicks (RULES.md §2, kicking)', () => {
  interface Case {
    power: number;
    lift: number;
    /** The ball's offset from the kicker after the kicker's move, and its height. */
    off: [number, number];
    z: number;
    v: [number, number];
    target: [number, number];
  }
  const reach = doc('PHYS.kickReach');
  const cases: Case[] = [
    { power: 0.5, lift: 0, off: [0, 0], z: doc('PHYS.ballRadius'), v: [0, 0], target: [30, 5] },
    { power: 0.8, lift: 0.3, off: [0.3, -0.4], z: doc('PHYS.ballRadius'), v: [0, 0], target: [-20, 10] },
    // Running at top speed with the ball at the edge of reach ahead: out of reach before the move.
    { power: 1, lift: 0, off: [0.95 * reach, 0], z: doc('PHYS.ballRadius'), v: [0.98 * doc('PHYS.runSpeed'), 0], target: [52.5, 0] },
    // A header: the height term counts above noiseHeightFrom...
    { power: 0.6, lift: 0.2, off: [0.2, 0.5], z: 1.2, v: [3, -2], target: [40, -30] },
    // ...and not below it.
    { power: 0.4, lift: 1, off: [-0.5, 0.1], z: doc('KICK.noiseHeightFrom') - 0.1, v: [-2, 0], target: [0, 30] },
  ];

  it('the ball leaves with the speed, lift and direction the formulas give, from where the kicker stands after moving', () => {
    const sc = fresh(scenario(11));
    const draws = recordDraws(sc.s, 0);
    for (const c of cases) {
      for (let rep = 0; rep < 20; rep++) {
        const [px, py] = [rep - 10, 2 * (rep % 5) - 4];
        // Placed so that after one tick at constant velocity the kicker stands at (px, py).
        const [sx, sy] = [px - c.v[0] * 0.1, py - c.v[1] * 0.1];
        place(sc, KICKER, sx, sy, c.v[0], c.v[1]);
        const [mx, my] = moved(sx, sy, c.v[0], c.v[1]);
        const ball = [mx + c.off[0], my + c.off[1], c.z];
        sc.ball(ball[0]!, ball[1]!, ball[2]!);
        sc.s.flags[KICKER * F_STRIDE + F_COOLDOWN] = 0;
        draws.length = 0;
        sc.step({ [KICKER]: { ...keepRunning(sx, sy, c.v[0], c.v[1]), kick: { target: { x: c.target[0], y: c.target[1] }, power: c.power, lift: c.lift } } });

        const k = doc('derived.noiseDraws');
        expect(draws.length).toBe(2 * k);
        const g1 = noiseDraw(draws.slice(0, k));
        const g2 = noiseDraw(draws.slice(k, 2 * k));
        const dist = Math.hypot(c.off[0], c.off[1]);
        const high = c.z > doc('KICK.noiseHeightFrom') ? c.z - doc('PHYS.ballRadius') : 0;
        const sigma = formula('kickSpread', { power: c.power, kickerSpeed: Math.hypot(c.v[0], c.v[1]), dist, high });
        const n = formula('kickError', { 'g₁': g1, σ: sigma });
        const speed = formula('kickSpeed', { power: c.power, dist, 'g₂': g2 });
        const vh = formula('kickHorizontal', { speed, lift: c.lift });
        const vz = formula('kickVertical', { speed, lift: c.lift });
        // The aim plus the error times the perpendicular, normalised.
        const ax = c.target[0] - ball[0]!;
        const ay = c.target[1] - ball[1]!;
        const a = Math.hypot(ax, ay);
        let ex = ax / a - (ay / a) * n;
        let ey = ay / a + (ax / a) * n;
        const e = Math.hypot(ex, ey);
        ex /= e;
        ey /= e;
        near(sc.s.ball, ballAfter(ball, ex * vh, ey * vh, vz), `kick ${JSON.stringify(c)}`);
      }
    }
    // The running case kicked a ball that was out of reach before the kicker moved.
    const run = cases[2]!;
    expect(Math.hypot(run.off[0] + run.v[0] * 0.1, run.off[1])).toBeGreaterThan(reach);
  });

  it('does not kick a ball that was within reach before the move but is not after it', () => {
    const sc = fresh(scenario(3));
    const v = doc('PHYS.runSpeed');
    place(sc, KICKER, 0, 0, v, 0);
    sc.ball(-0.5 * reach, 0); // behind the runner: 0.5 m before the move, 0.5 + v / 10 after
    sc.step({ [KICKER]: { ...keepRunning(0, 0, v, 0), kick: { target: { x: -30, y: 0 }, power: 0.5 } } });
    expect([sc.s.ball[3], sc.s.ball[4]]).toEqual([0, 0]);
  });

  it('draws a spread that is a standard deviation, bounded at derived.noiseBound of it', () => {
    const sc = fresh(scenario(5));
    const ratios: number[] = [];
    for (let i = 0; i < 1500; i++) {
      sc.put(KICKER, 0, 0);
      sc.ball(0, 0);
      sc.s.flags[KICKER * F_STRIDE + F_COOLDOWN] = 0;
      sc.step({ [KICKER]: { kick: { target: { x: 30, y: 0 }, power: 0.5 } } });
      // Aimed along +x: the lateral error is vy / vx (rolling slows both alike).
      const sigma = formula('kickSpread', { power: 0.5, kickerSpeed: 0, dist: 0, high: 0 });
      ratios.push(sc.s.ball[4]! / sc.s.ball[3]! / sigma);
    }
    const sd = Math.sqrt(ratios.reduce((t, r) => t + r * r, 0) / ratios.length);
    expect(sd).toBeGreaterThan(0.93);
    expect(sd).toBeLessThan(1.07);
    const largest = Math.max(...ratios.map(Math.abs));
    expect(largest).toBeGreaterThan(2); // not a bound: well beyond sigma, often
    expect(largest).toBeLessThanOrEqual(doc('derived.noiseBound') + 0.01);
  });

  it('lets a kicker touch the ball again kickCooldown ticks after a kick at the earliest', () => {
    const sc = fresh(scenario(2));
    const kicked: number[] = [];
    for (let t = 0; t < 3 * doc('PHYS.kickCooldown') + 1; t++) {
      sc.put(KICKER, 0, 0);
      sc.ball(0.2, 0);
      sc.step({ [KICKER]: { kick: { target: { x: 30, y: 0 }, power: 0.3 } } });
      if (sc.s.ball[3] !== 0) kicked.push(t);
    }
    const c = doc('PHYS.kickCooldown');
    expect(kicked).toEqual([0, c, 2 * c, 3 * c]);
  });
});

describe('traps (RULES.md §2, kicking)', () => {
  const trap = doc('KICK.trapPower');

  it('gives the ball the player\'s velocity, stops it rising, draws nothing and starts the cooldown', () => {
    const sc = fresh(scenario(4));
    const draws = recordDraws(sc.s, 0);
    const v: [number, number] = [5, 1];
    const heights: Array<[number, number]> = [[doc('PHYS.ballRadius'), 0], [1, 2], [1, -2]];
    for (const [z, vz] of heights) {
      for (const power of [0, trap / 2, trap]) {
        place(sc, KICKER, 0, 0, v[0], v[1]);
        const [mx, my] = moved(0, 0, v[0], v[1]);
        const ball = [mx + 0.4, my - 0.3, z];
        sc.s.ball.set([ball[0]!, ball[1]!, z, -3, 2, vz]);
        sc.s.flags[KICKER * F_STRIDE + F_COOLDOWN] = 0;
        draws.length = 0;
        sc.step({ [KICKER]: { ...keepRunning(0, 0, v[0], v[1]), kick: { target: { x: 40, y: 0 }, power } } });
        expect(draws).toEqual([]);
        near(sc.s.ball, ballAfter(ball, v[0], v[1], Math.min(vz, 0)), `trap at z ${z}, vz ${vz}, power ${power}`);
        expect(sc.s.flags[KICKER * F_STRIDE + F_COOLDOWN]).toBeGreaterThan(0);
      }
    }
  });

  it('is not attached: the trapped ball rolls freely and a player who keeps running leaves it behind', () => {
    const sc = fresh(scenario(4));
    const v = 5;
    place(sc, KICKER, 0, 0, v, 0);
    sc.ball(0.1 + v * 0.1, 0); // 0.1 m ahead of the runner after its move
    sc.step({ [KICKER]: { ...keepRunning(0, 0, v, 0), kick: { target: { x: 40, y: 0 }, power: 0 } } });
    expect(sc.s.ball[3]).toBeCloseTo(ballAfter([0.6, 0, doc('PHYS.ballRadius')], v, 0, 0)[3]!, 12);
    for (let t = 0; t < 20; t++) sc.step({ [KICKER]: keepRunning(sc.pos(KICKER)[0], 0, v, 0) });
    expect(sc.s.ball[3]!).toBeLessThan(v - 1);
    expect(sc.pos(KICKER)[0] - sc.s.ball[0]!).toBeGreaterThan(1);
  });

  it('waits kickCooldown ticks between traps, like kicks', () => {
    const sc = fresh(scenario(2));
    const v = 4;
    const trapped: number[] = [];
    const c = doc('PHYS.kickCooldown');
    for (let t = 0; t < 2 * c + 1; t++) {
      place(sc, KICKER, 0, 0, v, 0);
      sc.ball(v * 0.1, 0.2);
      sc.step({ [KICKER]: { ...keepRunning(0, 0, v, 0), kick: { target: { x: 40, y: 0 }, power: trap } } });
      if (sc.s.ball[3] !== 0) trapped.push(t);
    }
    expect(trapped).toEqual([0, c, 2 * c]);
  });
});

describe('tackles (RULES.md §2, tackling; §6, fouls)', () => {
  const TACKLER = 5;
  const CARRIER = 15;
  const contact = doc('FOULS.contact');

  /**
   * The carrier runs at `speed` along `run` and ends the move at (10, 3); the standing tackler is 0.9 m
   * from it at `angle` degrees off its run (measured at the carrier); the ball lies `ballBeyond` m
   * beyond the carrier on the line from the tackler.
   */
  function setUp(sc: Scenario, angle: number, speed: number, ballBeyond: number, resetWait = true) {
    const run: [number, number] = [Math.SQRT1_2, -Math.SQRT1_2];
    const [cx, cy] = [10, 3];
    const rad = (angle * Math.PI) / 180;
    const dir: [number, number] = [run[0] * Math.cos(rad) - run[1] * Math.sin(rad), run[0] * Math.sin(rad) + run[1] * Math.cos(rad)];
    const man = 0.9;
    const [tx, ty] = [cx + dir[0] * man, cy + dir[1] * man];
    const [vx, vy] = [run[0] * speed, run[1] * speed];
    const [sx, sy] = [cx - vx * 0.1, cy - vy * 0.1];
    place(sc, CARRIER, sx, sy, vx, vy);
    const [mx, my] = moved(sx, sy, vx, vy);
    place(sc, TACKLER, tx, ty);
    const ball = [mx - dir[0] * ballBeyond, my - dir[1] * ballBeyond, doc('PHYS.ballRadius')];
    sc.ball(ball[0]!, ball[1]!);
    for (const p of [TACKLER, CARRIER]) {
      if (resetWait) sc.s.flags[p * F_STRIDE + F_TACKLE_CD] = 0;
      sc.s.flags[p * F_STRIDE + F_YELLOW] = 0;
      sc.s.flags[p * F_STRIDE + F_SENT_OFF] = 0;
    }
    sc.s.mode = M_PLAY;
    sc.s.holder = -1;
    sc.events.length = 0;
    const carrierCmd = keepRunning(sx, sy, vx, vy);
    return { ball, tackler: [tx, ty], carrier: [mx, my], run: [vx, vy], carrierCmd, manD: Math.hypot(mx - tx, my - ty) };
  }

  it('judges the foul, the win and the poke by the documented chances, "from behind" measured at the challenged player', () => {
    const sc = fresh(scenario(21));
    const draws = recordDraws(sc.s, 0);
    let fouls = 0;
    let wins = 0;
    let behindSeen = 0;
    for (const angle of [0, 60, 110, 118, 122, 135, 180]) {
      for (const speed of [0.5, 3]) {
        for (const ballBeyond of [-0.6, 0, 0.5, 1]) {
          for (let rep = 0; rep < 6; rep++) {
            const g = setUp(sc, angle, speed, ballBeyond);
            draws.length = 0;
            sc.step({ [TACKLER]: { tackle: true }, [CARRIER]: g.carrierCmd });
            // The brief: from behind when the carrier runs faster than behindCarrierSpeed and the angle at
            // the carrier between its run and the line to the tackler exceeds behindAngle degrees.
            const toT = [g.tackler[0]! - g.carrier[0]!, g.tackler[1]! - g.carrier[1]!];
            const cos = (toT[0]! * g.run[0]! + toT[1]! * g.run[1]!) / (Math.hypot(toT[0]!, toT[1]!) * Math.hypot(g.run[0]!, g.run[1]!));
            const behind = speed > doc('FOULS.behindCarrierSpeed') && (Math.acos(cos) * 180) / Math.PI > doc('derived.behindAngle');
            const ballD = Math.hypot(g.ball[0]! - g.tackler[0]!, g.ball[1]! - g.tackler[1]!);
            const touching = g.manD < contact;
            const missesBall = ballD > doc('PHYS.tackleReach');
            let chance = doc('FOULS.chanceBase');
            if (touching && missesBall) chance += doc('FOULS.chanceMissesBall');
            if (touching && behind) chance += doc('FOULS.chanceBehind');
            if (touching && ballD > doc('PHYS.kickReach')) chance += doc('FOULS.chanceStretch');
            chance = Math.min(doc('FOULS.chanceCap'), chance);
            const foul = draws[0]! < chance;
            expect(sc.events.includes('foul'), `foul at ${angle}°, ${speed} m/s, ball ${ballD} m`).toBe(foul);
            if (behind) behindSeen++;
            if (foul) {
              fouls++;
              expect(draws.length).toBe(1);
              continue;
            }
            if (missesBall) {
              expect(draws.length).toBe(1);
              expect(sc.events).not.toContain('tackle');
              continue;
            }
            expect(draws.length).toBe(2);
            const won = draws[1]! < formula('tackleWin', { dist: ballD });
            expect(sc.events.includes('tackle')).toBe(won);
            if (!won) continue;
            wins++;
            const poke = (axis: 0 | 1) => formula('tacklePoke', { tacklerV: 0, offset: g.ball[axis]! - g.tackler[axis]! });
            near(sc.s.ball, ballAfter(g.ball, poke(0), poke(1), 0), 'poked ball');
          }
        }
      }
    }
    // Every branch was met.
    expect(fouls).toBeGreaterThan(10);
    expect(wins).toBeGreaterThan(10);
    expect(behindSeen).toBeGreaterThan(30);
  });

  it('starts the tackle wait with every tackle it examines, even one that reaches nobody', () => {
    const sc = fresh(scenario(8));
    const draws = recordDraws(sc.s, 0);
    const wait = doc('FOULS.tackleCooldown');
    place(sc, TACKLER, -20, 0);
    sc.step({ [TACKLER]: { tackle: true } }); // nobody near: nothing happens, but the wait starts
    expect(draws).toEqual([]);
    const resolvedAt: number[] = [];
    for (let t = 1; t <= wait; t++) {
      const g = setUp(sc, 0, 0.5, 0, false);
      draws.length = 0;
      sc.step({ [TACKLER]: { tackle: true }, [CARRIER]: g.carrierCmd });
      if (draws.length > 0) {
        resolvedAt.push(t);
        break;
      }
    }
    expect(resolvedAt).toEqual([wait]);
  });
});

describe('running and stamina (RULES.md §2, players)', () => {
  const P = 5;

  function run(stamina: number, sprint: boolean, v0: number, target = 40) {
    const sc = fresh(scenario(1));
    place(sc, P, 0, 0, v0, 0);
    sc.s.players[P * P_STRIDE + P_STAMINA] = stamina;
    sc.step({ [P]: { moveTo: { x: target, y: 0 }, sprint } });
    return { v: sc.s.players[P * P_STRIDE + P_VX]!, vy: sc.s.players[P * P_STRIDE + P_VY]!, stamina: sc.s.players[P * P_STRIDE + P_STAMINA]! };
  }

  it('caps speed at the documented top speed for every stamina, running and sprinting', () => {
    for (const sprint of [false, true]) {
      const base = doc(sprint ? 'PHYS.sprintSpeed' : 'PHYS.runSpeed');
      for (const stamina of [0, 0.25, 0.6, 1]) {
        const top = formula('topSpeed', { base, stamina });
        // Faster than the cap: slowed to it, within one tick's braking.
        const r = run(stamina, sprint, top + 0.3);
        expect(r.v, `top speed at stamina ${stamina}, sprint ${sprint}`).toBeCloseTo(top, 12);
        expect(r.vy).toBe(0);
        // Stamina moves by the documented amount for that speed.
        const drain = sprint && top > doc('derived.sprintDrainSpeed') ? -doc('PHYS.sprintDrain') : top > doc('derived.runDrainSpeed') ? -doc('PHYS.runDrain') : doc('PHYS.recover');
        expect(r.stamina).toBeCloseTo(Math.min(1, Math.max(0, stamina + drain)), 12);
      }
    }
    // Exhausted, the documented figures.
    expect(formula('topSpeed', { base: doc('PHYS.runSpeed'), stamina: 0 })).toBeCloseTo(doc('derived.exhaustedRun'), 2);
    expect(formula('topSpeed', { base: doc('PHYS.sprintSpeed'), stamina: 0 })).toBeCloseTo(doc('derived.exhaustedSprint'), 2);
  });

  it('accelerates by at most accelPerTick a tick and brakes to arrive by the arrive formula', () => {
    const r = run(1, false, 2);
    expect(r.v).toBeCloseTo(2 + doc('derived.accelPerTick'), 12);
    // Half a metre from the target at 3 m/s: it wants the arrive speed, within one tick's braking.
    const a = run(1, false, 3, 0.5);
    expect(a.v).toBeCloseTo(formula('arriveSpeed', { top: doc('PHYS.runSpeed'), distance: 0.5 }), 12);
    // Braking harder than a tick allows is capped at decelPerTick.
    const b = run(1, false, 6, 0.05);
    expect(b.v).toBeCloseTo(6 - doc('derived.decelPerTick'), 12);
  });
});
