// Traces how goals come about between a policy file and an opponent, both legs of each seed, in-process: for each
// goal, which side scored, where the scorers last won the ball (metres from the goal they scored in), how (in play or
// which restart), how many touches the scorers made and how long it took. One JSON line per goal, then a summary.
//
//   node --no-node-snapshot --import tsx scripts/goal-trace.ts <policy.js> <opponent> <first seed> <last seed>
import type { MatchTick } from '../engine/match-record.js';
import { MODES, M_PLAY, M_STOPPED } from '../engine/state.js';
import { pairingFromArgs, playLegs } from './variant-legs.js';

const pairing = await pairingFromArgs('goal-trace.ts');

interface Goal { seed: number; by: 'me' | 'them'; wonAtM: number; how: string; touches: number; secs: number; lastPlayer: number; minute: number }
const goals: Goal[] = [];
const listen = (config: { seed: number }, meTeam: 0 | 1) => {
  // The scorers' current spell on the ball: when and where it began, how, and their touches since.
  let owner = -1;
  let start = { tick: 0, x: 0, y: 0, how: 'kickoff' };
  let touches = 0;
  let lastPlayer = -1;
  let pendingRestart = 'play';
  const listener = {
    tick(r: MatchTick) {
      const st = r.state;
      if (st.mode !== M_PLAY && st.mode !== M_STOPPED) pendingRestart = MODES[st.mode]!;
      if (st.lastTouchTeam >= 0 && (st.lastTouchTeam !== owner || st.lastTouchPlayer !== lastPlayer)) {
        if (st.lastTouchTeam !== owner) {
          owner = st.lastTouchTeam;
          start = { tick: st.tick, x: st.ball[0]!, y: st.ball[1]!, how: pendingRestart };
          touches = 0;
        }
        touches++;
        lastPlayer = st.lastTouchPlayer;
      }
      if (st.mode === M_PLAY) pendingRestart = 'play';
      for (const e of st.events) {
        if (e.type !== 'goal') continue;
        const gx = e.x > 0 ? 52.5 : -52.5;
        goals.push({
          seed: config.seed, by: e.team === meTeam ? 'me' : 'them', wonAtM: Math.round(Math.hypot(start.x - gx, start.y)),
          how: owner === e.team ? start.how : 'own-goal?', touches, secs: (st.tick - start.tick) / 10, lastPlayer: st.lastTouchPlayer % 11, minute: e.minute,
        });
      }
    },
  };
  return listener;
};
for (const leg of playLegs(pairing, listen)) void leg;
for (const g of goals) console.log(JSON.stringify(g));
const sum = (by: 'me' | 'them') => {
  const gs = goals.filter((g) => g.by === by);
  const bucket = (f: (g: Goal) => string) => Object.entries(gs.reduce<Record<string, number>>((a, g) => ((a[f(g)] = (a[f(g)] ?? 0) + 1), a), {})).sort();
  return {
    goals: gs.length,
    how: bucket((g) => g.how),
    wonAt: bucket((g) => (g.wonAtM < 30 ? '<30m' : g.wonAtM < 55 ? '30-55m' : g.wonAtM < 80 ? '55-80m' : '80m+')),
    secs: bucket((g) => (g.secs < 2 ? '<2s' : g.secs < 5 ? '2-5s' : g.secs < 10 ? '5-10s' : '10s+')),
    touches: bucket((g) => (g.touches <= 1 ? '1' : g.touches <= 3 ? '2-3' : '4+')),
  };
};
console.log(JSON.stringify({ me: sum('me'), them: sum('them') }));
