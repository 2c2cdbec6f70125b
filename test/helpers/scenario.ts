// Scenario tests: build a match state by hand, give commands in the pitch frame, step, and read decisions.
import * as L from '../../engine/obs-layout.js';
import { createMatch, defaultConfig } from '../../engine/setup.js';
import { step } from '../../engine/step.js';
import { M_PLAY, P_STRIDE, P_VX, P_VY, P_X, P_Y, type MatchState } from '../../engine/state.js';
import type { PlayerCommand } from '../../engine/policy.js';
import { writeCommands } from '../../engine/commands.js';
import { attackSign } from '../../engine/frame.js';

export interface Scenario {
  s: MatchState;
  /** Player p (0..21) at (x, y) in the pitch frame, with velocity. */
  put(p: number, x: number, y: number, vx?: number, vy?: number): void;
  ball(x: number, y: number, z?: number, vx?: number, vy?: number, vz?: number): void;
  /** Everyone away from the action: home players along one touchline, away along the other, far from (x, y). */
  clear(): void;
  /** Steps once with commands given in the pitch frame (converted to each team's own frame). */
  step(cmds?: Record<number, PlayerCommand>): void;
  /** All event types raised so far. */
  events: string[];
  pos(p: number): [number, number];
}

export function scenario(seed = 1, halfTicks = 3000): Scenario {
  const s = createMatch(defaultConfig({ seed, halfTicks, homeName: 'H', awayName: 'A' }));
  s.mode = M_PLAY;
  const events: string[] = [];
  const bufs = [new Float64Array(L.CMD_LENGTH), new Float64Array(L.CMD_LENGTH)] as const;
  const sc: Scenario = {
    s,
    events,
    put(p, x, y, vx = 0, vy = 0) {
      const o = p * P_STRIDE;
      s.players[o + P_X] = x;
      s.players[o + P_Y] = y;
      s.players[o + P_VX] = vx;
      s.players[o + P_VY] = vy;
    },
    ball(x, y, z = 0.11, vx = 0, vy = 0, vz = 0) {
      s.ball.set([x, y, z, vx, vy, vz]);
    },
    clear() {
      // Out of the way: along the touchlines in the home half, far from the scenarios' action.
      for (let i = 0; i < 22; i++) sc.put(i, -50 + (i % 11) * 2, i < 11 ? -33 : 33);
    },
    step(cmds = {}) {
      for (const t of [0, 1] as const) {
        const sign = attackSign(s, t);
        const list: PlayerCommand[] = [];
        for (let k = 0; k < 11; k++) {
          const c = cmds[t * 11 + k];
          if (!c) {
            list.push({});
            continue;
          }
          // Commands are given in the pitch frame here; a policy gives them in its own frame.
          const f = (v: { x: number; y: number }) => ({ x: sign * v.x, y: sign * v.y });
          const own: PlayerCommand = { ...c };
          if (c.moveTo) own.moveTo = f(c.moveTo);
          if (c.kick) own.kick = { ...c.kick, target: f(c.kick.target) };
          list.push(own);
        }
        writeCommands(list, bufs[t]);
      }
      step(s, bufs[0], bufs[1]);
      for (const e of s.events) events.push(e.type);
    },
    pos(p) {
      return [s.players[p * P_STRIDE + P_X]!, s.players[p * P_STRIDE + P_Y]!];
    },
  };
  return sc;
}
