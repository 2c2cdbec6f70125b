// Shared by scripts/ladder-variant.ts and scripts/goal-trace.ts: a policy file against one opponent, both legs of
// each seed (the away leg on scrim's second seed), in-process, the file playing under the name 'ladder-6' so its
// random streams are the rung's.
import { pathToFileURL } from 'node:url';
import { inProcessController } from '../engine/inprocess.js';
import type { MatchListener, MatchResult } from '../engine/match-record.js';
import { runMatch } from '../engine/match.js';
import type { PolicyModule } from '../engine/policy.js';
import { defaultConfig } from '../engine/setup.js';
import type { MatchConfig } from '../engine/state.js';
import { resolveTeam } from '../policies/builtins.js';
import { awayLegSeed } from '../tournament/scrim/plan.js';

export interface Pairing { file: string; opp: string; from: number; to: number; me: PolicyModule; theirs: PolicyModule; theirName: string }

/** Reads `<policy.js> <opponent> <first seed> <last seed>` from the command line and loads both teams. */
export async function pairingFromArgs(script: string): Promise<Pairing> {
  const [file, opp, fromText, toText] = process.argv.slice(2);
  const from = Number(fromText);
  const to = Number(toText);
  if (!file || !opp || !Number.isInteger(from) || !Number.isInteger(to) || to < from) {
    throw new Error(`usage: scripts/${script} <policy.js> <opponent: direct, ladder-5, fixture:counter-direct, ...> <first seed> <last seed>`);
  }
  const them = resolveTeam(opp.includes(':') ? opp : `builtin:${opp}`);
  const me = (await import(pathToFileURL(file).href)) as PolicyModule;
  const theirs = (await import(pathToFileURL(them.file).href)) as PolicyModule;
  return { file, opp, from, to, me, theirs, theirName: them.name };
}

/** One leg: our side (0 home, 1 away), its config, and the result. */
export interface Leg { config: MatchConfig; meTeam: 0 | 1; result: MatchResult }

/** Plays every leg in seed order, home first; `listen` may give each leg a listener of its own. */
export function* playLegs(p: Pairing, listen?: (config: MatchConfig, meTeam: 0 | 1) => MatchListener): Generator<Leg> {
  for (let s = p.from; s <= p.to; s++) {
    for (const meTeam of [0, 1] as const) {
      const home = meTeam === 0;
      const config = defaultConfig({ seed: home ? s : awayLegSeed(s), homeName: home ? 'ladder-6' : p.theirName, awayName: home ? p.theirName : 'ladder-6' });
      const teams = [inProcessController(p.me), inProcessController(p.theirs)] as const;
      const result = runMatch(config, home ? [teams[0], teams[1]] : [teams[1], teams[0]], { listeners: listen ? [listen(config, meTeam)] : [] });
      yield { config, meTeam, result };
    }
  }
}
