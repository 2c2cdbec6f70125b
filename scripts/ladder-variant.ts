// Plays a variant of ladder-6 (any policy file, playing under the name 'ladder-6' so its random streams are the
// rung's) against one opponent in-process, both legs of each seed (the away leg on scrim's second seed), and prints
// one JSON line: matches, points, goals. For trying a change on many fresh seeds before regenerating the rung:
//
//   sed -E 's/pressers: 4,/pressers: 3,/' policies/ladder/ladder-6.js > /tmp/v.js
//   node --no-node-snapshot --import tsx scripts/ladder-variant.ts /tmp/v.js direct 101 300
//
// (run two halves of the seed range in two processes to use both cores). scripts/ladder.ts measures the real rungs.
import { pairingFromArgs, playLegs } from './variant-legs.js';

const pairing = await pairingFromArgs('ladder-variant.ts');
const { file, opp, from, to } = pairing;
let points = 0;
let matches = 0;
let goalsFor = 0;
let goalsAgainst = 0;
const wdl = [0, 0, 0];
for (const { meTeam, result: r } of playLegs(pairing)) {
  const [f, a] = meTeam === 0 ? r.score : [r.score[1], r.score[0]];
  goalsFor += f;
  goalsAgainst += a;
  matches++;
  points += f > a ? 3 : f === a ? 1 : 0;
  wdl[f > a ? 0 : f === a ? 1 : 2]!++;
}
console.log(JSON.stringify({ file, opponent: opp, seeds: `${from}-${to}`, matches, points, perMatch: Math.round((points / matches) * 1000) / 1000, goalsFor, goalsAgainst, wdl: wdl.join('-') }));
