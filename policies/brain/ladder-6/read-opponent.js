// ladder-6, addition 4: reading the opponent over the match and adjusting our numbers; the policy's setup and tick.
import { HALF_L } from '../physics.js';
import { setup as brainSetup, tick as brainTick } from '../tick.js';
import { STYLE } from '../style.js';
import { resetTurn, setLongTeam, noteTouch } from './first-time.js';

/** @typedef {import('../types.js').Observation} Observation */
/** @typedef {import('../types.js').PlayerCommand} PlayerCommand */

// ---------------------------------------------------------------------------------------------
// ladder-6: reading the opponent, and our numbers adjusted to it.
// ---------------------------------------------------------------------------------------------

/**
 * How we read them: a last line nearer halfway than `highLine` is a high line; more than `longRate` long balls per
 * 1000 ticks is a long-ball team, against which the line drops `lineDrop` and only `longPressers` press (a fourth
 * presser leaves the space their long ball wants: against direct 1.70 -> 2.07 points a match over 400 matches on seeds
 * 101-300, docs/LADDER.md).
 */
const READ = { highLine: 25, overTheTop: 0.6, longRate: 2, lineDrop: 10, longPressers: 3 };
/** Our numbers as written, before any adjustment (restored at every setup: a module may play many matches). */
const BASE = { ...STYLE };
/** What we have seen of them this match. */
const seen = { lineSum: 0, lineN: 0, longs: 0, lastLong: -99, readAt: 0 };

/** Forgets the last match: called from setup. */
function resetRead() {
  Object.assign(STYLE, BASE);
  seen.lineSum = 0; seen.lineN = 0; seen.longs = 0; seen.lastLong = -99; seen.readAt = 0;
  resetTurn();
}

/**
 * Watches the opponents every tick and, every 300 ticks, adjusts our numbers:
 * - their last line while we have the ball in our half: a high line (far from their goal) leaves
 *   space behind it, so we look for lofted balls over the top;
 * - their long balls (a lofted kick of theirs, fast toward our goal): a team that goes long
 *   punishes a high line and a press that commits many, so ours drops back and presses with fewer.
 * @param {Observation} obs
 */
function readOpponent(obs) {
  const b = obs.ball;
  const lt = obs.lastTouch;
  if (obs.mode === 'play' && lt !== null && lt.team === 'own' && b.x < 0) {
    let first = -99, second = -99;
    for (const o of obs.opponents) {
      if (o.sentOff) continue;
      if (o.x > first) { second = first; first = o.x; } else if (o.x > second) second = o.x;
    }
    seen.lineSum += second; seen.lineN++;
  }
  if (obs.mode === 'play' && lt !== null && lt.team === 'opponent' && b.vz > 2 && b.vx < -5 && b.vx * b.vx + b.vy * b.vy > 150 && obs.tick - seen.lastLong > 30) {
    seen.longs++; seen.lastLong = obs.tick;
  }
  if (obs.tick - seen.readAt < 300) return;
  seen.readAt = obs.tick;
  const line = seen.lineN >= 100 ? seen.lineSum / seen.lineN : HALF_L;
  STYLE.longBalls = line < READ.highLine ? READ.overTheTop : BASE.longBalls;
  // Long balls per 1000 ticks (100 seconds) of the match so far.
  const rate = (seen.longs * 1000) / Math.max(600, obs.tick);
  const drop = rate > READ.longRate ? READ.lineDrop : 0;
  setLongTeam(drop > 0);
  STYLE.lineMax = BASE.lineMax - drop;
  STYLE.lineMin = BASE.lineMin - drop * 0.5;
  STYLE.pressers = drop > 0 ? READ.longPressers : BASE.pressers;
}

/** @param {import('../../../engine/policy').MatchInfo} info */
export function setup(info) {
  resetRead();
  brainSetup(info);
}

/** @param {Observation} obs @returns {PlayerCommand[]} */
export function tick(obs) {
  if (obs.period !== 'shootout') {
    readOpponent(obs);
    noteTouch(obs);
  }
  return brainTick(obs);
}
