// Plays a variant of ladder-6 (any policy file, playing under the name 'ladder-6' so its random streams are the
// rung's) against one opponent in-process, both legs of each seed (the away leg on scrim's second seed), and prints
// one JSON line: matches, points, goals. For trying a change on many fresh seeds before regenerating the rung:
//
//   sed -E 's/pressers: 4,/pressers: 3,/' policies/ladder/ladder-6.js > /tmp/v.js
//   node --no-node-snapshot --import tsx scripts/ladder-variant.ts /tmp/v.js direct 101 300
//
// (run two halves of the seed range in two processes to use both cores). scripts/ladder.ts measures the real rungs.
import { pathToFileURL } from 'node:url';
import { inProcessController } from '../engine/inprocess.js';
import { runMatch } from '../engine/match.js';
import type { PolicyModule } from '../engine/policy.js';
import { defaultConfig } from '../engine/setup.js';
import { resolveTeam } from '../policies/builtins.js';
import { awayLegSeed } from '../tournament/scrim/plan.js';

const [file, opp, fromText, toText] = process.argv.slice(2);
const from = Number(fromText);
const to = Number(toText);
if (!file || !opp || !Number.isInteger(from) || !Number.isInteger(to) || to < from) {
  throw new Error('usage: scripts/ladder-variant.ts <policy.js> <opponent: direct, ladder-5, fixture:counter-direct, ...> <first seed> <last seed>');
}
const me = (await import(pathToFileURL(file).href)) as PolicyModule;
const them = resolveTeam(opp.includes(':') ? opp : `builtin:${opp}`);
const theirs = (await import(pathToFileURL(them.file).href)) as PolicyModule;
let points = 0;
let matches = 0;
let goalsFor = 0;
let goalsAgainst = 0;
const wdl = [0, 0, 0];
for (let s = from; s <= to; s++) {
  for (const home of [true, false]) {
    const config = defaultConfig({ seed: home ? s : awayLegSeed(s), homeName: home ? 'ladder-6' : them.name, awayName: home ? them.name : 'ladder-6' });
    const r = runMatch(config, home ? [inProcessController(me), inProcessController(theirs)] : [inProcessController(theirs), inProcessController(me)]);
    const [f, a] = home ? r.score : [r.score[1], r.score[0]];
    goalsFor += f;
    goalsAgainst += a;
    matches++;
    points += f > a ? 3 : f === a ? 1 : 0;
    wdl[f > a ? 0 : f === a ? 1 : 2]!++;
  }
}
console.log(JSON.stringify({ file, opponent: opp, seeds: `${from}-${to}`, matches, points, perMatch: Math.round((points / matches) * 1000) / 1000, goalsFor, goalsAgainst, wdl: wdl.join('-') }));
