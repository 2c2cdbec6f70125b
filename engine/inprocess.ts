// Runs a policy module in the same process: for the engine's own tests and benchmarks only.
import { writeCommands } from './commands.js';
import type { SetupOutcome, TeamController, TickOutcome } from './controller.js';
import type { MatchInfo, PolicyModule } from './policy.js';

export function inProcessController(policy: PolicyModule): TeamController {
  return {
    setup(info: MatchInfo): SetupOutcome {
      try {
        policy.setup?.(info);
        return { ok: true };
      } catch (e) {
        return { ok: false, reason: `setup threw: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
    tick(input, out): TickOutcome | undefined {
      let raw: unknown;
      try {
        raw = policy.tick(input.object());
      } catch (e) {
        return { faults: [{ tick: input.object().tick, kind: 'error', message: e instanceof Error ? e.message : String(e) }] };
      }
      const warnings = writeCommands(raw, out);
      return warnings.length > 0 ? { warnings } : undefined;
    },
  };
}
