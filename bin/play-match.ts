// How the CLI plays a match. For now in-process; the match runner (child processes, sandbox) replaces this.
import { pathToFileURL } from 'node:url';
import { inProcessController } from '../engine/inprocess.js';
import { runMatch, type MatchResult } from '../engine/match.js';
import type { PolicyModule } from '../engine/policy.js';
import type { MatchConfig } from '../engine/state.js';
import type { TeamSpec } from '../policies/builtins.js';

export interface PlayOptions {
  out?: string | undefined;
}

export async function playMatch(config: MatchConfig, home: TeamSpec, away: TeamSpec, _opts: PlayOptions): Promise<MatchResult> {
  const load = async (t: TeamSpec): Promise<PolicyModule> => (await import(pathToFileURL(t.file).href)) as PolicyModule;
  const [h, a] = await Promise.all([load(home), load(away)]);
  return runMatch(config, [inProcessController(h), inProcessController(a)]);
}
