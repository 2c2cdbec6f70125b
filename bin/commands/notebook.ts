// `matchday notebook get|put [FILE]`: a team's notebook on a season server, read or overwritten between matchdays.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SeasonClient } from '../../season/client.js';
import { intOption, UserError } from '../errors.js';

interface NotebookOptions {
  server?: string;
  token?: string;
  matchday?: string;
  json?: boolean;
}

export function registerNotebook(program: Command): void {
  program
    .command('notebook')
    .description("read (get) or overwrite (put) your team's notebook on a season server")
    .argument('<action>', 'get or put')
    .argument('[file]', 'get: write it here (default stdout); put: read it from here (default stdin)')
    .option('--server <url>', 'the season server (or MATCHDAY_SERVER)')
    .option('--token <t>', "your team's token (or MATCHDAY_TOKEN)")
    .option('--matchday <n>', 'get: the version kept for this matchday (default the latest)')
    .option('--json', 'print one JSON object as the last line of stdout')
    .action(async (action: string, file: string | undefined, opts: NotebookOptions) => {
      if (action !== 'get' && action !== 'put') throw new UserError(`notebook: the action must be get or put, got '${action}'`);
      const c = new SeasonClient(opts);
      const team = await c.team();
      const path = `/teams/${encodeURIComponent(team)}/notebook`;
      if (action === 'get') {
        const q = opts.matchday === undefined ? '' : `?matchday=${intOption('--matchday', opts.matchday, 1)}`;
        const nb = (await c.request<{ team: string; matchday: number | null; text: string; updated: string | null }>('GET', path + q)).body;
        if (file) {
          writeFileSync(file, nb.text);
          process.stdout.write(`notebook of ${team} (matchday ${nb.matchday ?? '-'}) written to ${file}\n`);
        } else if (!opts.json) process.stdout.write(nb.text);
        if (opts.json) process.stdout.write(JSON.stringify(nb) + '\n');
        return;
      }
      let text: string;
      try {
        text = readFileSync(file ?? 0, 'utf8');
      } catch (e) {
        throw new UserError(`${file ?? 'stdin'}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}`);
      }
      const r = (await c.request<{ matchday: number; bytes: number }>('PUT', path, { text })).body;
      process.stdout.write(`notebook of ${team} saved for matchday ${r.matchday} (${r.bytes} bytes)\n`);
      if (opts.json) process.stdout.write(JSON.stringify({ team, ...r }) + '\n');
    });
}
