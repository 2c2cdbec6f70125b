// `matchday logs`: your team's own logs of a played matchday (debug lines, marks, faults, budget), from a season server.
import type { Command } from 'commander';
import { SeasonClient } from '../../season/client.js';
import type { TeamMatchLog } from '../../season/logs.js';
import { intOption } from '../errors.js';

interface LogsOptions {
  server?: string;
  token?: string;
  matchday?: string;
  json?: boolean;
}

export function registerLogs(program: Command): void {
  program
    .command('logs')
    .description("your team's logs of its matches on a played matchday: its debug lines, marks, faults and budget")
    .option('--server <url>', 'the season server (or MATCHDAY_SERVER)')
    .option('--token <t>', "your team's token (or MATCHDAY_TOKEN)")
    .option('--matchday <n>', 'which matchday (default the last played)')
    .option('--json', 'print one JSON object as the last line of stdout (every line and mark)')
    .action(async (opts: LogsOptions) => {
      const c = new SeasonClient(opts);
      const team = await c.team();
      const q = opts.matchday === undefined ? '' : `?matchday=${intOption('--matchday', opts.matchday, 1)}`;
      const r = (await c.request<{ team: string; matchday: number; matches: TeamMatchLog[] }>('GET', `/teams/${encodeURIComponent(team)}/logs${q}`)).body;
      process.stdout.write(`logs of ${team}, matchday ${r.matchday}: ${r.matches.length} match(es)\n`);
      for (const m of r.matches) {
        const b = m.budget;
        process.stdout.write(`${m.matchId} (${m.side} v ${m.opponent}): budget median ${b?.median ?? '-'}, p99 ${b?.p99 ?? '-'}, max ${b?.max ?? '-'}; ${m.overBudgetTicks} tick(s) over budget, ${m.errorTicks} threw, ${m.faultCount} fault(s), ${m.warnings} warning(s)${m.frozenFrom !== null ? `, frozen from tick ${m.frozenFrom}` : ''}\n`);
        const lines = m.ticks.flatMap((t) => [...t.logs.map((l) => `  tick ${t.tick}: ${l}`), ...t.faults.map((f) => `  tick ${t.tick}: fault ${f.kind}: ${f.message}`)]);
        for (const l of lines.slice(0, 40)) process.stdout.write(l + '\n');
        if (lines.length > 40) process.stdout.write(`  ... and ${lines.length - 40} more (--json has them all)\n`);
      }
      if (opts.json) process.stdout.write(JSON.stringify(r) + '\n');
    });
}
