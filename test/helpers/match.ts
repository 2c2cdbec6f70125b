// Test helpers: play in-process matches between the policy files in policies/.
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch, type MatchRunOptions, type MatchResult } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { defaultConfig } from '../../engine/setup.js';
import type { MatchConfig, MatchState } from '../../engine/state.js';

const cache = new Map<string, PolicyModule>();

export async function policy(name: string): Promise<PolicyModule> {
  let m = cache.get(name);
  if (!m) {
    // Test-only fixtures live in test/fixtures/policies; everything else is a reference team.
    const path = name.startsWith('fixture:') ? `../fixtures/policies/${name.slice(8)}.js` : `../../policies/${name}.js`;
    m = (await import(path)) as PolicyModule;
    cache.set(name, m);
  }
  return m;
}

export async function play(home: string, away: string, config: Partial<MatchConfig> & { seed: number }, options?: MatchRunOptions): Promise<MatchResult> {
  const cfg = defaultConfig({ homeName: home, awayName: away, ...config });
  return runMatch(cfg, [inProcessController(await policy(home)), inProcessController(await policy(away))], options);
}

/** Run options with one listener that sees the state after every tick (valid only during the call). */
export function everyTick(fn: (state: Readonly<MatchState>) => void): MatchRunOptions {
  return { listeners: [{ tick: (r) => fn(r.state) }] };
}
