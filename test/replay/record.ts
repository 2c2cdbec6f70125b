// Test helper: plays an in-process match while a ReplayWriter records it.
import type { TeamController } from '../../engine/controller.js';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch, type MatchResult } from '../../engine/match.js';
import type { MatchTick } from '../../engine/match-record.js';
import { makeReplayHeader, ReplayWriter, type ReplaySink, type TeamSource } from '../../engine/replay/index.js';
import { defaultConfig } from '../../engine/setup.js';
import type { MatchConfig } from '../../engine/state.js';
import { policy, team } from '../helpers/match.js';

export function fakeSource(name: string): TeamSource {
  return { name, spec: `builtin:${name}`, file: `${name}.js`, sha256: 'f'.repeat(64), source: `// ${name}\n` };
}

export function header(config: MatchConfig) {
  return makeReplayHeader(config, {
    runtime: { node: '20.0.0', v8: '11.3', isolatedVm: null },
    budget: { tickBudget: 1000 },
    teams: [fakeSource(config.homeName), fakeSource(config.awayName)],
  });
}

export interface Recorded {
  result: MatchResult;
  bytes: Uint8Array;
}

export async function record(
  home: string,
  away: string,
  config: Partial<MatchConfig> & { seed: number },
  opts: { sink?: ReplaySink; onTick?: (r: MatchTick) => void; controllers?: [TeamController, TeamController] } = {},
): Promise<Recorded> {
  // Teams play under their resolved names; hand-made controllers under the names given.
  const name = (n: string): string => (opts.controllers ? n : team(n).name);
  const cfg = defaultConfig({ homeName: name(home), awayName: name(away), ...config });
  const w = new ReplayWriter(header(cfg), opts.sink);
  const controllers = opts.controllers ?? [inProcessController(await policy(home)), inProcessController(await policy(away))];
  // The writer listens first, so a test's listener sees a segment already sent when it ends on this tick.
  const result = runMatch(cfg, controllers, { listeners: [w, { tick: (r) => opts.onTick?.(r) }] });
  return { result, bytes: w.file() };
}
