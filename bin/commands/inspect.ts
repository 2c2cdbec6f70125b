// `matchday inspect <replay>`: the replay as data, one record per tick, streamed as JSON lines or CSV
// so an author (or a notebook) can analyse a match without watching it.
import { once } from 'node:events';
import type { Command } from 'commander';
import { CSV_COLUMNS, csvRow, tickJsonLines, tickRecords, type TeamFilter } from '../../engine/replay/records.js';
import type { ReplayReader } from '../../engine/replay/index.js';
import { intOption, UserError } from '../errors.js';
import { readReplayFile } from '../replay-io.js';

interface InspectOptions {
  team?: string;
  from?: string;
  to?: string;
  format: string;
}

/** 'home', 'away' or a team's name as the replay records it. */
function teamFilter(reader: ReplayReader, team: string | undefined): TeamFilter {
  if (team === undefined) return 'both';
  if (team === 'home') return 0;
  if (team === 'away') return 1;
  const i = reader.header.teams.findIndex((t) => t.name === team);
  if (i < 0) {
    const names = reader.header.teams.map((t) => `'${t.name.slice(0, 60)}'`).join(' and ');
    throw new UserError(`--team must be home, away or a team of ${reader.file} (${names}), got '${team.slice(0, 60)}'`);
  }
  return i as 0 | 1;
}

const BATCH_CHARS = 1 << 18;

function* mapLines<T>(items: Iterable<T>, f: (x: T) => string): Generator<string> {
  for (const x of items) yield f(x);
}

/** Writes one chunk, waiting when the pipe is full so a long match never sits in memory. */
async function emit(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('print a replay as data, one record per tick (JSON lines, or CSV positions)')
    .argument('<replay>', 'a replay file written by matchday play --out, a cup or a scrim')
    .option('--team <team>', "only this team's logs, marks and faults: home, away or its name")
    .option('--from <tick>', 'first tick (default 0)')
    .option('--to <tick>', 'last tick (default: the end of the match)')
    .option('--format <format>', `jsonl (every field) or csv (${CSV_COLUMNS.slice(0, 7).join(',')},home0_x,home0_y,...,away10_y)`, 'jsonl')
    .action(async (file: string, opts: InspectOptions) => {
      if (opts.format !== 'jsonl' && opts.format !== 'csv') throw new UserError(`--format must be jsonl or csv, got '${opts.format}'`);
      // Every segment is decoded once to check it; JSON lines reuse those values instead of decoding again.
      const reader = readReplayFile(file, { keepRows: opts.format === 'jsonl' });
      const from = opts.from === undefined ? 0 : intOption('--from', opts.from);
      const to = opts.to === undefined ? reader.lastTick : intOption('--to', opts.to);
      if (from > reader.lastTick) throw new UserError(`--from ${from}: ${file} ends at tick ${reader.lastTick}`);
      if (from > to) throw new UserError(`--from ${from} is after --to ${to}`);
      const team = teamFilter(reader, opts.team);
      // Said once, on stderr, so the records stay the same shape for every format.
      if (reader.version < 2) process.stderr.write(`note: ${file}: this replay (format ${reader.version}) does not record budget use; every budgetUsed is null\n`);
      // A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(0);
        throw e;
      });
      if (opts.format === 'csv') await emit(`${CSV_COLUMNS.join(',')}\n`);
      const lines = opts.format === 'csv' ? mapLines(tickRecords(reader, { from, to, team }), csvRow) : tickJsonLines(reader, { from, to, team });
      // Lines go out in batches of about BATCH_CHARS: one write per tick would cost more than making the lines.
      let batch: string[] = [];
      let size = 0;
      for (const line of lines) {
        batch.push(line);
        size += line.length + 1;
        if (size > BATCH_CHARS) {
          await emit(`${batch.join('\n')}\n`);
          batch = [];
          size = 0;
        }
      }
      if (batch.length > 0) await emit(`${batch.join('\n')}\n`);
    });
}
