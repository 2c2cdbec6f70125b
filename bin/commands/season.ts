// `matchday season new|advance|tokens`: create a season folder, fire the current deadline, rotate a team's token.
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { createSeason } from '../../season/create.js';
import { matchdayCount } from '../../season/schedule.js';
import { SeasonClient } from '../../season/client.js';
import { UserError, intOption } from '../errors.js';

interface NewOptions {
  teams: string;
  format: string;
  seed: string;
  start?: string;
  every?: string;
  manual?: boolean;
  halfTicks: string;
  rounds?: string;
  matchdays?: string;
  double?: boolean;
  thirdPlace?: boolean;
  json?: boolean;
}

/** '90s', '30m', '12h', '2d' or plain milliseconds, as milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) throw new UserError(`--every must be a duration such as 90s, 30m, 12h or 2d, got '${text}'`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

function formatOf(opts: NewOptions) {
  switch (opts.format) {
    case 'league': return { type: 'league' as const, double: opts.double === true };
    // A Swiss season has as many matchdays as rounds: --matchdays says the same as --rounds.
    case 'swiss': return { type: 'swiss' as const, rounds: intOption(opts.rounds === undefined && opts.matchdays !== undefined ? '--matchdays' : '--rounds', opts.rounds ?? opts.matchdays ?? '3', 1, 100) };
    case 'knockout': return { type: 'knockout' as const };
    case 'worldcup': return { type: 'worldcup' as const, thirdPlace: opts.thirdPlace !== false };
    default: throw new UserError(`--format must be league, swiss, knockout or worldcup, got '${opts.format}'`);
  }
}

interface ClientOpts {
  server?: string;
  token?: string;
  json?: boolean;
}

interface SeasonStatus {
  current: number | null;
  ended: boolean;
  progress: { matchday: number; done: number; total: number; error: string | null } | null;
  matchdays: Array<{ n: number; state: string; matches: Array<{ id: string; home: string; away: string; score: [number, number] | null; shootout?: [number, number] | null; forfeit: { home: string | null; away: string | null } | null }> }>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function registerSeason(program: Command): void {
  const season = program.command('season').description('run a season: teams submit code over HTTP between matchdays');

  season
    .command('new')
    .description('create a season folder: season.json and tokens.json (one admin token, one per team; keep it secret)')
    .argument('<dir>', 'the season folder')
    .requiredOption('--teams <list>', 'team names, comma-separated (letters, digits, "_", "-", ".")')
    .option('--format <f>', 'league, swiss, knockout or worldcup (8, 16 or 32 teams: groups of four by a seeded draw, pots in the order listed, then a bracket)', 'league')
    .option('--no-third-place', 'a worldcup season without the third-place match')
    .option('--double', 'a league played home and away')
    .option('--rounds <n>', 'rounds of a Swiss season')
    .option('--matchdays <n>', "the season's length: a Swiss season plays this many rounds; any other format is refused unless it has exactly this many matchdays")
    .option('--seed <s>', 'the season seed', '1')
    .option('--start <iso>', 'first submission deadline (ISO time)')
    .option('--every <duration>', 'time between deadlines, e.g. 1d or 12h')
    .option('--manual', 'no deadlines: the admin advances (the default without --every)')
    .option('--half-ticks <n>', 'length of each half', '3000')
    .option('--json', 'print one JSON object as the last line of stdout (the tokens included)')
    .action((dir: string, opts: NewOptions) => {
      const teams = opts.teams.split(',').map((t) => t.trim()).filter((t) => t !== '');
      if (opts.manual && (opts.every || opts.start)) throw new UserError('--manual takes no --start or --every');
      const everyMs = opts.every ? parseDuration(opts.every) : null;
      if (opts.start && everyMs === null) throw new UserError('--start needs --every');
      let start: string | null = null;
      if (everyMs !== null) {
        const t = opts.start ? Date.parse(opts.start) : Date.now() + everyMs;
        if (!Number.isFinite(t)) throw new UserError(`--start must be an ISO time such as 2026-12-01T18:00:00Z, got '${opts.start}'`);
        start = new Date(t).toISOString();
      }
      const seed = /^\d+$/.test(opts.seed) ? intOption('--seed', opts.seed) : opts.seed;
      const format = formatOf(opts);
      const matchdays = matchdayCount(format, teams.length);
      if (opts.rounds !== undefined && opts.matchdays !== undefined && format.type === 'swiss' && format.rounds !== Number(opts.matchdays)) {
        throw new UserError(`--rounds ${opts.rounds} and --matchdays ${opts.matchdays} disagree: a Swiss season plays one round per matchday`);
      }
      // (A World Cup of a team count it cannot take is refused by createSeason, with the counts it takes.)
      if (opts.matchdays !== undefined && Number.isInteger(matchdays) && intOption('--matchdays', opts.matchdays, 1, 10_000) !== matchdays) {
        throw new UserError(`--matchdays ${opts.matchdays}: a ${opts.format} season of ${teams.length} teams has ${matchdays} matchdays${format.type === 'league' && !format.double ? ' (--double: twice as many)' : ''}`);
      }
      const s = createSeason(dir, { name: basename(resolve(dir)), seed, teams, format, start, everyMs, halfTicks: intOption('--half-ticks', opts.halfTicks, 10, 100_000) });
      process.stdout.write(`season ${dir}: ${teams.length} teams, ${opts.format}, ${matchdays} matchdays, ${start ? `first deadline ${start}, then every ${opts.every}` : 'manual deadlines'}\n`);
      process.stdout.write(`  tokens in ${dir}/tokens.json (mode 0600): hand each team its own, keep the admin one\n`);
      process.stdout.write(`  next: matchday host ${dir}\n`);
      if (opts.json) process.stdout.write(JSON.stringify({ dir, teams, format: opts.format, start, everyMs, tokens: s.tokens }) + '\n');
    });

  season
    .command('advance')
    .description("fire the current matchday's deadline now and wait until it has been played (admin token)")
    .option('--server <url>', 'the season server (or MATCHDAY_SERVER)')
    .option('--token <t>', 'the admin token (or MATCHDAY_TOKEN)')
    .option('--json', 'print the matchday as one JSON object on the last line')
    .action(async (opts: ClientOpts) => {
      const c = new SeasonClient(opts);
      const started = await c.request<{ matchday: number | null; started: boolean }>('POST', '/admin/advance');
      const n = started.body.matchday;
      if (n === null) throw new UserError('the season has ended: nothing to advance');
      let last = '';
      for (;;) {
        const st = (await c.request<SeasonStatus>('GET', '/season')).body;
        const md = st.matchdays.find((m) => m.n === n);
        if (st.progress?.matchday === n) {
          if (st.progress.error) throw new UserError(`matchday ${n} failed: ${st.progress.error} (run season advance again to retry)`);
          const line = `matchday ${n}: ${st.progress.done}/${st.progress.total} matches played`;
          if (line !== last) process.stderr.write(line + '\n');
          last = line;
        }
        if (md?.state === 'played') {
          for (const m of md.matches) process.stdout.write(`${m.id}  ${m.home} ${m.score?.[0]}-${m.score?.[1]}${m.shootout ? ` (${m.shootout[0]}-${m.shootout[1]} on penalties)` : ''} ${m.away}${m.forfeit ? ` (forfeit: ${[m.forfeit.home && m.home, m.forfeit.away && m.away].filter(Boolean).join(' and ')} had no valid submission)` : ''}\n`);
          process.stdout.write(`matchday ${n} played${st.ended ? '; the season has ended' : ''}\n`);
          if (opts.json) process.stdout.write(JSON.stringify({ matchday: n, ended: st.ended, matches: md.matches }) + '\n');
          return;
        }
        await sleep(1000);
      }
    });

  season
    .command('backup')
    .description("copy a season's database with SQLite's online backup (safe while the host runs)")
    .argument('<dir>', 'the season folder')
    .argument('<dest>', 'the backup file to write (must not exist)')
    .action(async (dir: string, dest: string) => {
      const { existsSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { openDb, backupDb } = await import('../../season/db.js');
      const { DB_FILE } = await import('../../season/config.js');
      const file = join(dir, DB_FILE);
      if (!existsSync(file)) throw new UserError(`${file}: not found (has the host run yet?)`);
      if (existsSync(dest)) throw new UserError(`${dest} already exists: choose another name`);
      const db = openDb(file);
      try {
        await backupDb(db, dest);
      } finally {
        db.close();
      }
      process.stdout.write(`backed up ${file} to ${dest}\n`);
    });

  season
    .command('tokens')
    .description("replace a team's token (the old one stops working at once); admin token")
    .requiredOption('--rotate <team>', 'the team whose token to replace')
    .option('--server <url>', 'the season server (or MATCHDAY_SERVER)')
    .option('--token <t>', 'the admin token (or MATCHDAY_TOKEN)')
    .option('--json', 'print {team, token} as the last line')
    .action(async (opts: ClientOpts & { rotate: string }) => {
      const c = new SeasonClient(opts);
      const r = await c.request<{ team: string; token: string }>('POST', `/admin/teams/${encodeURIComponent(opts.rotate)}/token`);
      process.stdout.write(`new token for ${r.body.team} (the old one is revoked):\n${r.body.token}\n`);
      if (opts.json) process.stdout.write(JSON.stringify(r.body) + '\n');
    });
}
