// Every command that takes a path, given a folder, a FIFO, a device or a place nothing can be
// written: one line naming the path and the problem, the documented exit code, never
// `internal error` or a stack trace, and nothing left behind.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCup } from '../../bin/commands/cup.js';
import { registerNew } from '../../bin/commands/new.js';
import { registerPlay } from '../../bin/commands/play.js';
import { registerScrim } from '../../bin/commands/scrim.js';
import { registerServe } from '../../bin/commands/serve.js';
import { registerValidate } from '../../bin/commands/validate.js';
import { registerVerify } from '../../bin/commands/verify.js';
import { UserError } from '../../bin/errors.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', ['bin/matchday.mjs', ...args], { encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Runs `jobs` a few at a time (each is a Node process starting tsx). */
async function pool<T>(jobs: Array<() => Promise<T>>, width = 3): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

let dir: string;
let folder: string;
let fifo: string;
let plainFile: string;
const root = process.getuid?.() === 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'matchday-paths-'));
  folder = join(dir, 'a-folder.js');
  mkdirSync(folder);
  fifo = join(dir, 'a-fifo.js');
  execFileSync('mkfifo', [fifo]);
  plainFile = join(dir, 'plain.txt');
  writeFileSync(plainFile, 'not a folder\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Case {
  args: () => string[];
  code: number;
  /** What the one line must say (after `matchday: `). */
  says: RegExp;
}

const cases: Record<string, Case> = {
  'play: a folder as a policy': { args: () => ['play', folder, 'builtin:statue'], code: 1, says: /a-folder\.js: the policy file is a folder, not a file/ },
  'play: a FIFO as a policy': { args: () => ['play', 'builtin:chaser', fifo], code: 1, says: /a-fifo\.js: the policy file is a FIFO/ },
  'play: /dev/null as a policy': { args: () => ['play', '/dev/null', 'builtin:statue'], code: 1, says: /\/dev\/null: the policy file is a device, not a file/ },
  'play: --out under /proc': { args: () => ['play', 'builtin:chaser', 'builtin:statue', '--out', '/proc/x.mdr'], code: 1, says: /\/proc\/x\.mdr: cannot write the replay there \(\/proc: / },
  'play: --out a folder': { args: () => ['play', 'builtin:chaser', 'builtin:statue', '--out', folder], code: 1, says: /a-folder\.js: the replay would replace a folder; give a file name/ },
  'play: --out below a file': { args: () => ['play', 'builtin:chaser', 'builtin:statue', '--out', join(plainFile, 'x.mdr')], code: 1, says: /plain\.txt is a file, not a folder/ },
  'play: --out /dev/null': { args: () => ['play', 'builtin:chaser', 'builtin:statue', '--out', '/dev/null'], code: 1, says: /\/dev\/null: the replay would replace a device/ },
  'play: --config a folder': { args: () => ['play', 'builtin:chaser', 'builtin:statue', '--config', folder], code: 1, says: /the match config file is a folder, not a file/ },
  'play: --config a FIFO': { args: () => ['play', 'builtin:chaser', 'builtin:statue', '--config', fifo], code: 1, says: /the match config file is a FIFO/ },
  'verify: a folder': { args: () => ['verify', folder], code: 2, says: /a-folder\.js: the replay file is a folder, not a file/ },
  'verify: a FIFO': { args: () => ['verify', fifo], code: 2, says: /a-fifo\.js: the replay file is a FIFO/ },
  'verify: /dev/null': { args: () => ['verify', '/dev/null'], code: 2, says: /\/dev\/null: the replay file is a device/ },
  'validate: a folder': { args: () => ['validate', folder], code: 1, says: /the policy file is a folder, not a file/ },
  'validate: --vs a FIFO': { args: () => ['validate', 'builtin:chaser', '--vs', fifo], code: 1, says: /the policy file is a FIFO/ },
  'cup: a folder as the config': { args: () => ['cup', folder], code: 1, says: /the cup config file is a folder, not a file/ },
  'cup: /dev/null as the config': { args: () => ['cup', '/dev/null'], code: 1, says: /the cup config file is a device/ },
  'cup: --out a file': { args: () => ['cup', 'tournament/demo-cup.json', '--out', plainFile], code: 1, says: /plain\.txt: the cup folder is a file, not a folder/ },
  'cup: --out under /proc': { args: () => ['cup', 'tournament/demo-cup.json', '--out', '/proc/matchday-cup'], code: 1, says: /\/proc\/matchday-cup: cannot write the cup folder there/ },
  'serve: a FIFO': { args: () => ['serve', fifo, '--port', '0'], code: 1, says: /a-fifo\.js: not a replay file or a folder/ },
  'serve: /dev/null': { args: () => ['serve', '/dev/null', '--port', '0'], code: 1, says: /\/dev\/null: not a replay file or a folder/ },
  'scrim: a folder as the policy': { args: () => ['scrim', folder], code: 1, says: /the policy file is a folder, not a file/ },
  'scrim: --vs /dev/null': { args: () => ['scrim', 'builtin:chaser', '--vs', '/dev/null'], code: 1, says: /\/dev\/null: the policy file is a device/ },
  'scrim: --out under /proc': { args: () => ['scrim', 'builtin:chaser', '--out', '/proc/matchday-scrim'], code: 1, says: /cannot write the scrim folder there/ },
  'scrim: --out a file': { args: () => ['scrim', 'builtin:chaser', '--out', plainFile], code: 1, says: /the scrim folder is a file, not a folder/ },
  'new: under /proc': { args: () => ['new', '/proc/matchday-new.js'], code: 1, says: /\/proc\/matchday-new\.js: cannot write the policy file there/ },
  'new: below a file': { args: () => ['new', join(plainFile, 'x.js')], code: 1, says: /plain\.txt is a file, not a folder/ },
};

/** Runs one command in this process, as bin/cli.ts would; returns the UserError it ends with, or null. */
async function inProcess(args: string[]): Promise<UserError | null> {
  const program = new Command('matchday').exitOverride();
  for (const register of [registerPlay, registerVerify, registerCup, registerValidate, registerServe, registerScrim, registerNew]) register(program);
  try {
    await program.parseAsync(['node', 'matchday', ...args]);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  return null;
}

describe('paths given to commands', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      const e = await inProcess(c.args());
      expect(e, 'the command was not refused').not.toBeNull();
      expect(e!.exitCode).toBe(c.code);
      expect(e!.message).not.toContain('\n');
      expect(e!.message).toMatch(c.says);
    });
  }

  it('nothing was made where the commands were refused', () => {
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['a-fifo.js', 'a-folder.js', 'plain.txt']);
    expect(existsSync('/proc/matchday-cup')).toBe(false);
  });

  it('through the real command line: one line on stderr, the documented exit code, no stack trace', async () => {
    const picks = ['play: a folder as a policy', 'play: --out under /proc', 'verify: a FIFO', 'serve: /dev/null'];
    const runs = await pool(picks.map((n) => () => cli(cases[n]!.args())), 2);
    for (const [i, name] of picks.entries()) {
      const r = runs[i]!;
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      expect({ name, code: r.code, lines: lines.length }).toEqual({ name, code: cases[name]!.code, lines: 1 });
      expect(lines[0]).toMatch(/^matchday: /);
      expect(lines[0]).toMatch(cases[name]!.says);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it.skipIf(root)('a folder the user may not write to', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      const e = await inProcess(['play', 'builtin:chaser', 'builtin:statue', '--out', join(locked, 'x.mdr')]);
      expect(e?.message).toMatch(/x\.mdr: cannot write the replay there \(.*locked: permission denied\)/);
    } finally {
      chmodSync(locked, 0o700);
    }
  });
});
