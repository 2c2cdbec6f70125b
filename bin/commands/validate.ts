// `matchday validate <policy>`: will this policy play? Compile, setup, a short match in a child
// process, and a plain report: errors with their lines, warnings, budget, memory, debug output.
// The work is tournament/validate.ts, shared with the season server's submissions.
import type { Command } from 'commander';
import { resolveTeam, type TeamSpec } from '../../policies/builtins.js';
import { MatchPool } from '../../tournament/runner/pool.js';
import { validatePolicy, type Validation } from '../../tournament/validate.js';
import { intOption, UserError } from '../errors.js';
import { checkTeamArg } from '../../tournament/paths.js';
import { onShutdown } from '../shutdown.js';

export { verdict, type Verdict, type DebugTick } from '../../tournament/validate.js';

interface ValidateOptions {
  vs: string;
  seed: string;
  halfTicks: string;
  logs: string;
  json?: boolean;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check that a policy compiles, sets up and plays within its budget')
    .argument('<policy>', 'policy file (.js, .mjs, .ts, .py)')
    .option('--vs <team>', 'opponent for the test match', 'builtin:possession')
    .option('--seed <n>', 'seed of the test match', '1')
    .option('--half-ticks <n>', 'length of each half of the test match', '300')
    .option('--logs <n>', 'how many debug lines (console output and marks, with their ticks) to print', '20')
    .option('--json', 'print one JSON object as the last line of stdout (the debug lines included)')
    .action(async (policy: string, opts: ValidateOptions) => {
      let team: TeamSpec;
      let vs: TeamSpec;
      checkTeamArg(policy);
      checkTeamArg(opts.vs);
      try {
        team = resolveTeam(policy);
        vs = resolveTeam(opts.vs);
      } catch (e) {
        throw new UserError(e instanceof Error ? e.message : String(e));
      }
      const seed = intOption('--seed', opts.seed);
      const halfTicks = intOption('--half-ticks', opts.halfTicks, 10, 100_000);
      const logLimit = intOption('--logs', opts.logs, 0, 1_000_000);
      const pool = new MatchPool(1);
      const off = onShutdown(() => pool.close());
      let v: Validation;
      try {
        v = await validatePolicy(pool, team, vs, { seed, halfTicks, logLimit, vsLabel: opts.vs });
      } finally {
        off();
        await pool.close();
      }
      for (const l of v.lines) process.stdout.write(l + '\n');
      if (opts.json) process.stdout.write(JSON.stringify(v.json) + '\n');
      if (!v.ok) process.exitCode = 1;
    });
}
