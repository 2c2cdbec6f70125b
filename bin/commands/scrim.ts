// `matchday scrim <policy>`: the contestant's test loop. Plays the policy against each opponent
// over a range of seeds, home and away on every seed (the away leg on a second seed derived from it,
// so no match mirrors another), on the match pool, and prints one table.
// Replays go to <out>/replays/<id>.mdr and a summary to <out>/scrim.json, for `matchday serve`.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { DEFAULT_HALF_TICKS } from '../../engine/constants.js';
import { defaultConfig } from '../../engine/setup.js';
import { ENGINE_VERSION } from '../../engine/version.js';
import { resolveTeam, type TeamSpec } from '../../policies/builtins.js';
import { MatchPool } from '../../tournament/runner/pool.js';
import { scrimLine } from '../../tournament/scrim/line.js';
import { idPart, parseSeedRange, scrimPlan } from '../../tournament/scrim/plan.js';
import { scrimSummary } from '../../tournament/scrim/summary.js';
import { formatScrimTable, scrimTable, type ScrimLine } from '../../tournament/scrim/table.js';
import { intOption, UserError } from '../errors.js';
import { checkTeamArg, checkWritableDir } from '../../tournament/paths.js';
import { onShutdown } from '../shutdown.js';

/** The four reference styles (peers a contestant should beat), ladder-5, and ladder-6, the one to beat. */
export const DEFAULT_OPPONENTS = 'builtin:possession,builtin:gegenpress,builtin:deepblock,builtin:direct,builtin:ladder-5,builtin:ladder-6';

interface ScrimOptions {
  vs: string;
  seeds: string;
  halfTicks?: string;
  workers?: string;
  out?: string;
  json?: boolean;
}

function team(spec: string): TeamSpec {
  checkTeamArg(spec);
  try {
    return resolveTeam(spec);
  } catch (e) {
    throw new UserError(e instanceof Error ? e.message : String(e));
  }
}

/** Progress on stderr: a bar on a terminal, a line every tenth of the way otherwise. */
function progress(total: number): { tick(id: string): void; stop(): void } {
  const t0 = Date.now();
  let done = 0;
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: ' {bar} {value}/{total} matches | {eta_formatted} left | {last}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(total, 0, { last: '' });
  return {
    tick(id) {
      done++;
      if (bar) bar.update(done, { last: id });
      else if (done === total || done % Math.max(1, Math.round(total / 10)) === 0) process.stderr.write(`[${done}/${total}] matches played\n`);
    },
    stop() {
      bar?.stop();
      process.stderr.write(`scrim: ${done} matches in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    },
  };
}

function atomicWrite(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export function registerScrim(program: Command): void {
  program
    .command('scrim')
    .description('play a policy against opponents over a range of seeds, home and away, and print one table (the away leg of seed s plays seed (s * 2654435761 + 1) mod 2^32, shown in scrim.json)')
    .argument('<policy>', 'your policy file (or builtin:<name>)')
    .option('--vs <list>', 'opponents, comma-separated: policy files or builtin:<name>', DEFAULT_OPPONENTS)
    .option('--seeds <A-B>', 'seeds to play, each home and away (the away leg on a seed derived from it)', '1-5')
    .option('--half-ticks <n>', `ticks per half (default ${DEFAULT_HALF_TICKS})`)
    .option('--workers <n>', 'matches at once, one child process each (default: one per core)')
    .option('--out <dir>', 'folder for replays/ and scrim.json (default: scrims/<policy name>)')
    .option('--json', 'print one JSON object with the table as the last line of stdout')
    .action(async (policySpec: string, opts: ScrimOptions) => {
      let seeds: number[];
      try {
        seeds = parseSeedRange(opts.seeds);
      } catch (e) {
        throw new UserError(e instanceof Error ? e.message : String(e));
      }
      const halfTicks = opts.halfTicks !== undefined ? intOption('--half-ticks', opts.halfTicks, 10, 1_000_000) : DEFAULT_HALF_TICKS;
      const workers = opts.workers !== undefined ? intOption('--workers', opts.workers, 1, 64) : availableParallelism();
      const policy = team(policySpec);
      const specs = opts.vs.split(',').map((s) => s.trim()).filter(Boolean);
      if (specs.length === 0) throw new UserError('--vs: give at least one opponent, e.g. --vs builtin:possession');
      const opponents = specs.map(team);
      const sha256 = createHash('sha256').update(readFileSync(policy.file)).digest('hex');

      const outDir = resolve(checkWritableDir(opts.out ?? join('scrims', idPart(policy.name)), 'scrim folder'));
      const replays = join(outDir, 'replays');
      mkdirSync(replays, { recursive: true });
      // Old replays would be listed beside the new ones: the folder shows the last scrim only.
      for (const f of readdirSync(replays)) if (f.endsWith('.mdr')) rmSync(join(replays, f), { force: true });

      const plan = scrimPlan(opponents.map((o) => o.name), seeds);
      const pool = new MatchPool(Math.min(workers, plan.length));
      const off = onShutdown(() => pool.close());
      const bar = progress(plan.length);
      let lines: ScrimLine[];
      try {
        // Everything at once: the pool queues the matches and keeps its processes busy.
        lines = await Promise.all(
          plan.map(async (f) => {
            const opp = opponents[f.opponent]!;
            const [home, away] = f.policyHome ? [policy, opp] : [opp, policy];
            const config = defaultConfig({ seed: f.seed, halfTicks, homeName: home.name, awayName: away.name });
            let r;
            try {
              r = await pool.run({ config, home, away, out: join(replays, `${f.id}.mdr`) });
            } catch (e) {
              throw new UserError(`match ${f.id}: ${e instanceof Error ? e.message : String(e)}`);
            }
            bar.tick(f.id);
            return scrimLine(f, r, policy.file.toLowerCase().endsWith('.py'));
          }),
        );
      } finally {
        bar.stop();
        off();
        await pool.close();
      }

      const table = scrimTable(opponents.map((o) => o.name), lines);
      const summary = scrimSummary({
        engineVersion: ENGINE_VERSION,
        policy: { spec: policy.spec, name: policy.name, sha256 },
        opponents: opponents.map((o) => ({ spec: o.spec, name: o.name })),
        seeds,
        halfTicks,
        table,
        lines,
      });
      atomicWrite(join(outDir, 'scrim.json'), JSON.stringify(summary, null, 2) + '\n');

      const out: string[] = [
        `${policy.name} v ${opponents.map((o) => o.name).join(', ')}: seeds ${seeds[0]}-${seeds[seeds.length - 1]}, home and away, ${halfTicks} ticks per half (engine ${ENGINE_VERSION})`,
        '',
        formatScrimTable(table),
        '',
      ];
      // A policy that could not start forfeits every match: say why once, not in every row.
      const forfeit = lines.find((l) => l.forfeit !== null);
      if (forfeit) out.push(`${policy.name} forfeited ${table.total.forfeits} of ${lines.length} matches: ${forfeit.forfeit}`);
      out.push(`budget: the policy's work per tick as a share of its limit (worst match p99, worst tick); faults: errors, over-budget ticks and invalid commands`);
      out.push(`replays: ${replays}  (watch: matchday serve ${outDir})`);
      process.stdout.write(out.join('\n') + '\n');
      if (opts.json) process.stdout.write(JSON.stringify({ policy: summary.policy, engineVersion: ENGINE_VERSION, seeds: summary.seeds, halfTicks, out: outDir, table }) + '\n');
      // A policy that never got to play is a failed scrim, for scripts that loop on it.
      if (table.total.forfeits === lines.length) process.exitCode = 1;
    });
}
