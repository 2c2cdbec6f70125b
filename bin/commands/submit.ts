// `matchday submit <policy>`: uploads a policy to a season server; prints the server's validation report.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { SeasonClient } from '../../season/client.js';
import { UserError } from '../errors.js';

interface SubmitOptions {
  server?: string;
  token?: string;
  json?: boolean;
}

interface SubmitReply {
  version: number;
  sha256: string;
  received: string;
  status: 'valid' | 'invalid';
  report: { lines: string[]; json: unknown };
}

/** Largest file the client sends at all; the server's own (smaller) limit decides. */
const CLIENT_MAX = 16 * 1024 * 1024;

export function registerSubmit(program: Command): void {
  program
    .command('submit')
    .description("upload a policy to a season server; exit 0 when it is valid, 1 with the validation report when not")
    .argument('<policy>', 'policy file (.js, .mjs, .ts, .py)')
    .option('--server <url>', 'the season server (or MATCHDAY_SERVER)')
    .option('--token <t>', "your team's token (or MATCHDAY_TOKEN)")
    .option('--json', 'print one JSON object as the last line of stdout')
    .action(async (file: string, opts: SubmitOptions) => {
      const c = new SeasonClient(opts);
      let bytes: Buffer;
      try {
        if (statSync(file).size > CLIENT_MAX) throw new UserError(`${file}: larger than ${CLIENT_MAX} bytes; no season takes it`);
        bytes = readFileSync(file);
      } catch (e) {
        if (e instanceof UserError) throw e;
        throw new UserError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}`);
      }
      const team = await c.team();
      const r = await c.request<SubmitReply>('POST', `/teams/${encodeURIComponent(team)}/submissions`, { filename: basename(file), content: bytes.toString('base64') }, [422]);
      const s = r.body;
      process.stdout.write(`submitted ${basename(file)} for ${team}: version ${s.version}, sha256 ${s.sha256.slice(0, 12)}, received ${s.received}, ${s.status}\n`);
      for (const l of s.report.lines) process.stdout.write(l + '\n');
      if (opts.json) process.stdout.write(JSON.stringify({ team, ...s }) + '\n');
      if (s.status !== 'valid') process.exitCode = 1;
    });
}
