// Engine benchmarks: raw step throughput and a full in-process match.
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import * as L from '../../engine/obs-layout.js';
import type { PolicyModule } from '../../engine/policy.js';
import { createMatch, defaultConfig } from '../../engine/setup.js';
import { step } from '../../engine/step.js';

/** The engine part of `npm run bench`. */
export async function engineBench(): Promise<Record<string, number>> {
  return { engine_ticks_per_s: engineTicksPerSecond(), match_ms_inprocess: await matchMsInProcess() };
}

/** Ticks per second of step() alone, all 22 players running to moving targets, kicking when they can. */
export function engineTicksPerSecond(ticks = 200_000): number {
  const state = createMatch(defaultConfig({ seed: 1, halfTicks: ticks }));
  const cmds: [Float64Array, Float64Array] = [new Float64Array(L.CMD_LENGTH), new Float64Array(L.CMD_LENGTH)];
  const t0 = performance.now();
  for (let t = 0; t < ticks; t++) {
    // Cheap, varying commands: targets circle around the ball, so everyone moves and some kick.
    for (let team = 0; team < 2; team++) {
      const c = cmds[team]!;
      for (let k = 0; k < 11; k++) {
        const o = k * L.C_STRIDE;
        c[o + L.C_FLAGS] = L.CF_MOVE | L.CF_KICK | (k % 3 === 0 ? L.CF_SPRINT : 0);
        c[o + L.C_MOVE_X] = ((t * 7 + k * 13) % 90) - 45;
        c[o + L.C_MOVE_Y] = ((t * 3 + k * 17) % 60) - 30;
        c[o + L.C_KICK_X] = 52.5;
        c[o + L.C_KICK_Y] = 0;
        c[o + L.C_POWER] = 0.5;
      }
    }
    step(state, cmds[0], cmds[1]);
    if (state.finished) break;
  }
  const s = (performance.now() - t0) / 1000;
  return Math.round(state.tick / s);
}

/** Milliseconds for a full default-length match between two built-in teams, in-process. */
export async function matchMsInProcess(home = 'possession', away = 'chaser', runs = 3): Promise<number> {
  const a = (await import(`../../policies/${home}.js`)) as PolicyModule;
  const b = (await import(`../../policies/${away}.js`)) as PolicyModule;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    runMatch(defaultConfig({ seed: 100 + i, homeName: home, awayName: away }), [inProcessController(a), inProcessController(b)]);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return Math.round(times[Math.floor(times.length / 2)]!);
}
