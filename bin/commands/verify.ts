// `matchday verify <replay>`: re-simulates a replay and names the first tick that differs
// (tournament/verify.ts does the work and says what it trusts and checks).
import type { Command } from 'commander';
import { verifyReplay } from '../../tournament/verify.js';
import { playMatch } from '../play-match.js';
import { onShutdown } from '../shutdown.js';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('re-simulate a replay and report the first tick that differs (exit 0: identical, 1: differs, 2: unreadable or refused replay)')
    .argument('<replay>', 'a replay file written by matchday play --out or by a cup')
    .option('--policies <dir>', 'take the policies from this folder (matched by file name) instead of the replay')
    .action(async (file: string, opts: { policies?: string }) => {
      const r = await verifyReplay(file, { policies: opts.policies, play: playMatch, onShutdown, log: (l) => process.stderr.write(`${l}\n`) });
      process.stdout.write(r.lines.map((l) => `${l}\n`).join(''));
      if (r.code !== 0) process.exitCode = r.code;
    });
}

