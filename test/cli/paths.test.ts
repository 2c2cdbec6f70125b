// Every command that takes a path, given a folder, a FIFO, a device or a place nothing can be
// written: one line naming the path and the problem, the documented exit code, never
// `internal error` or a stack trace, and nothing left behind.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../tournament/errors.js';
import { checkReadableDir, checkReadableFile, checkWritableDir, checkWritableFile } from '../../tournament/paths.js';

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
  'inspect: a folder': { args: () => ['inspect', folder], code: 2, says: /a-folder\.js: the replay file is a folder, not a file/ },
  'inspect: a FIFO': { args: () => ['inspect', fifo], code: 2, says: /a-fifo\.js: the replay file is a FIFO/ },
};

function thrown(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('the path was accepted');
}

describe('path checks (tournament/paths.ts)', () => {
  it('a file to read: refuses a folder, a FIFO, a device and a missing file', () => {
    expect(thrown(() => checkReadableFile(folder, 'policy file')).message).toBe(`${folder}: the policy file is a folder, not a file`);
    expect(thrown(() => checkReadableFile(fifo, 'replay file', 2)).message).toBe(`${fifo}: the replay file is a FIFO (named pipe), not a file`);
    expect(thrown(() => checkReadableFile(fifo, 'replay file', 2)).exitCode).toBe(2);
    expect(thrown(() => checkReadableFile('/dev/null', 'policy file')).message).toBe('/dev/null: the policy file is a device, not a file');
    expect(thrown(() => checkReadableFile(join(dir, 'nope.js'), 'policy file')).message).toBe(`${join(dir, 'nope.js')}: policy file not found`);
    expect(checkReadableFile(plainFile, 'file')).toBe(plainFile);
  });

  it('a folder to read: refuses a file and a device', () => {
    expect(thrown(() => checkReadableDir(plainFile, 'policies folder')).message).toBe(`${plainFile}: the policies folder is a file, not a folder`);
    expect(thrown(() => checkReadableDir('/dev/null', 'policies folder')).message).toBe('/dev/null: the policies folder is a device, not a folder');
    expect(checkReadableDir(folder, 'folder')).toBe(folder);
  });

  it('a file to write: refuses a folder, a device, a place below a file, and /proc; writes nothing', () => {
    expect(thrown(() => checkWritableFile(folder, 'replay')).message).toBe(`${folder}: the replay would replace a folder; give a file name`);
    expect(thrown(() => checkWritableFile('/dev/null', 'replay')).message).toBe('/dev/null: the replay would replace a device; give a file name');
    expect(thrown(() => checkWritableFile(join(plainFile, 'x.mdr'), 'replay')).message).toMatch(/plain\.txt is a file, not a folder/);
    expect(thrown(() => checkWritableFile('/proc/x.mdr', 'replay')).message).toMatch(/^\/proc\/x\.mdr: cannot write the replay there \(\/proc: /);
    expect(checkWritableFile(join(dir, 'new', 'deeper', 'x.mdr'), 'replay')).toBe(join(dir, 'new', 'deeper', 'x.mdr'));
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });

  it('a folder to fill: refuses a file and /proc', () => {
    expect(thrown(() => checkWritableDir(plainFile, 'cup folder')).message).toBe(`${plainFile}: the cup folder is a file, not a folder`);
    expect(thrown(() => checkWritableDir('/proc/matchday-cup', 'cup folder')).message).toMatch(/cannot write the cup folder there/);
  });

  it.skipIf(root)('a folder the user may not write to', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      expect(thrown(() => checkWritableFile(join(locked, 'x.mdr'), 'replay')).message).toMatch(/x\.mdr: cannot write the replay there \(.*locked: permission denied\)/);
    } finally {
      chmodSync(locked, 0o700);
      rmSync(locked, { recursive: true });
    }
  });
});

describe('every command that takes a path, through the real command line', () => {
  const commands = [...new Set(Object.keys(cases).map((n) => n.split(':')[0]!))];
  for (const command of commands) {
    it(`${command}: one line naming the path and the problem, the documented exit code, no stack trace`, async () => {
      const names = Object.keys(cases).filter((n) => n.startsWith(`${command}:`));
      const runs = await pool(names.map((n) => () => cli(cases[n]!.args())));
      for (const [i, name] of names.entries()) {
        const r = runs[i]!;
        const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
        expect({ name, code: r.code, lines }).toMatchObject({ name, code: cases[name]!.code, lines: [expect.stringMatching(/^matchday: /)] });
        expect(lines[0]).toMatch(cases[name]!.says);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      }
      // A process per case, a few at a time: on a loaded machine that takes a while.
    }, 400_000);
  }

  it('nothing was made where the commands were refused', () => {
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['a-fifo.js', 'a-folder.js', 'plain.txt']);
    expect(existsSync('/proc/matchday-cup')).toBe(false);
  });
});
