// Test helpers: play in-process matches between reference teams (`chaser`) and test teams (`fixture:golden`).
import { pathToFileURL } from 'node:url';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch, type MatchRunOptions, type MatchResult } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { defaultConfig } from '../../engine/setup.js';
import type { MatchConfig, MatchState } from '../../engine/state.js';
import { resolveTeam, type TeamSpec } from '../../policies/builtins.js';

const cache = new Map<string, PolicyModule>();

/** A bare name is a reference team (`builtin:<name>`); `fixture:<name>` a test team. One resolver for both. */
export function team(name: string): TeamSpec {
  return resolveTeam(name.includes(':') ? name : `builtin:${name}`);
}

export async function policy(name: string): Promise<PolicyModule> {
  let m = cache.get(name);
  if (!m) {
    m = (await import(pathToFileURL(team(name).file).href)) as PolicyModule;
    cache.set(name, m);
  }
  return m;
}

/** Plays in-process; each team plays under its resolved name, which keys its random streams. */
export async function play(home: string, away: string, config: Partial<MatchConfig> & { seed: number }, options?: MatchRunOptions): Promise<MatchResult> {
  const cfg = defaultConfig({ homeName: team(home).name, awayName: team(away).name, ...config });
  return runMatch(cfg, [inProcessController(await policy(home)), inProcessController(await policy(away))], options);
}

/** Run options with one listener that sees the state after every tick (valid only during the call). */
export function everyTick(fn: (state: Readonly<MatchState>) => void): MatchRunOptions {
  return { listeners: [{ tick: (r) => fn(r.state) }] };
}
