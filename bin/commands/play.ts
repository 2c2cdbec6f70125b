// `matchday play <home> <away>`: one match, a printed report, optionally a replay and a JSON line.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseMatchConfigFile, type MatchConfigFile } from '../../tournament/match-config.js';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { intOption, UserError } from '../errors.js';
import { checkReadableFile, checkTeamArg, checkWritableFile } from '../../tournament/paths.js';
import { formatResult, resultJson } from '../report.js';
import { playMatch } from '../play-match.js';

interface PlayOptions {
  seed: string;
  config?: string;
  halfTicks?: string;
  out?: string;
  json?: boolean;
}

function loadSettings(file: string): MatchConfigFile {
  let text: string;
  checkReadableFile(file, 'match config file');
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the match config file`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    return parseMatchConfigFile(raw, file);
  } catch (e) {
    throw new UserError(e instanceof Error ? e.message : String(e));
  }
}

export function registerPlay(program: Command): void {
  program
    .command('play')
    .description('play one match; a team is a policy file or builtin:<name>')
    .argument('<home>', 'home team: a policy file (.js, .mjs, .ts, .py) or builtin:<name>')
    .argument('<away>', 'away team')
    .option('--seed <n>', 'match seed (0..4294967295)', '1')
    .option('--config <file>', 'match config JSON: halfTicks, extraTime, extraTimeTicks, shootout, seed')
    .option('--half-ticks <n>', 'ticks per half (overrides the config)')
    .option('--out <file>', 'write the replay here')
    .option('--json', 'print one JSON object as the last line of stdout')
    .action(async (homeSpec: string, awaySpec: string, opts: PlayOptions) => {
      let seed = intOption('--seed', opts.seed);
      checkTeamArg(homeSpec);
      checkTeamArg(awaySpec);
      if (opts.out !== undefined) checkWritableFile(opts.out, 'replay');
      const settings = opts.config ? loadSettings(opts.config) : parseMatchConfigFile({}, 'defaults');
      if (settings.seed !== undefined) seed = settings.seed;
      if (opts.halfTicks !== undefined) settings.halfTicks = intOption('--half-ticks', opts.halfTicks, 10, 1_000_000);
      let home;
      let away;
      try {
        home = resolveTeam(homeSpec);
        away = resolveTeam(awaySpec);
      } catch (e) {
        throw new UserError(e instanceof Error ? e.message : String(e));
      }
      if (settings.homeName) home.name = settings.homeName;
      if (settings.awayName) away.name = settings.awayName;
      const config = defaultConfig({
        seed,
        homeName: home.name,
        awayName: away.name,
        halfTicks: settings.halfTicks,
        extraTime: settings.extraTime,
        extraTimeTicks: settings.extraTimeTicks,
        shootout: settings.shootout,
      });
      const result = await playMatch(config, home, away, { out: opts.out });
      const names: [string, string] = [home.name, away.name];
      process.stdout.write(formatResult(result, names) + '\n');
      if (opts.out) process.stdout.write(`replay written to ${opts.out}\n`);
      if (opts.json) process.stdout.write(JSON.stringify(resultJson(result, home.spec, away.spec)) + '\n');
    });
}
