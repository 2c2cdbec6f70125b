// `matchday verify` on crafted replays (CRCs fixed after editing), run in-process: refused before
// anything is played, nothing written outside its own temporary folder, names it prints cut short,
// and every altered part of the record reported, never "verified".
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../tournament/errors.js';
import { maxLimit, MIN_MEMORY_MB, printable } from '../../tournament/replay-file.js';
import { stagedName, verifyReplay, type ReplayPlayFn, type VerifyOptions } from '../../tournament/verify.js';
import { rewriteReplay, ReplayReader } from '../../engine/replay/index.js';
import { assemble, copyParts, disassemble, setSegmentField, withHeader } from './mutate.js';
import { cachedPlay, cli, recordShort, type CachedPlay } from './verify-helpers.js';

let dir: string;
let tmpRoot: string;
let base: Uint8Array;
let shared: CachedPlay;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'matchday-verify-hostile-'));
  tmpRoot = join(dir, 'tmp');
  mkdirSync(tmpRoot);
  base = new Uint8Array(readFileSync(await recordShort(dir)));
  shared = cachedPlay();
});

afterAll(async () => {
  await shared.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function write(bytes: Uint8Array): string {
  const file = join(dir, `case-${n++}.mdr`);
  writeFileSync(file, bytes);
  return file;
}

/** A play that must never be reached: a refusal has to come before the re-simulation. */
const never: ReplayPlayFn = () => {
  throw new Error('the re-simulation started');
};

async function refused(bytes: Uint8Array, opts: Partial<VerifyOptions> = {}): Promise<UserError> {
  const file = write(bytes);
  try {
    await verifyReplay(file, { tmpRoot, play: never, ...opts });
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    expect(e.exitCode).toBe(2);
    expect(e.message.startsWith(`${file}: `) || (opts.policies !== undefined && e.message.startsWith(`${opts.policies}: `))).toBe(true);
    expect(e.message).not.toContain('\n');
    expect(readdirSync(tmpRoot)).toEqual([]);
    return e;
  }
  throw new Error('verify accepted the crafted replay');
}

describe('verify refuses a crafted header before anything runs', () => {
  it('a traversal file name: refused, and nothing written where it points', async () => {
    const target = join(dir, 'some', 'dir', 'pwned.js');
    // Enough '..' to climb from any temporary folder to the root, then down to the target.
    const name = `${'../'.repeat(12)}${target.replace(/^\//, '')}`;
    const e = await refused(withHeader(base, (h) => (h.teams[0].file = name)));
    expect(e.message).toMatch(/invalid header: teams\[0\]\.file: must be a plain file name/);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(dirname(target))).toBe(false);
  });

  it.each([['absolute', '/tmp/pwned.js'], ['empty', ''], ['NUL', 'a\u0000b.js']])('a file name that is %s', async (_, name) => {
    expect((await refused(withHeader(base, (h) => (h.teams[1].file = name)))).message).toMatch(/teams\[1\]\.file: must be a plain file name/);
  });

  it.each([
    ['halfTicks', 1e9],
    ['halfTicks', -5],
    ['halfTicks', 1.5],
    ['extraTimeTicks', 1e9],
  ])('config.%s = %s', async (field, value) => {
    expect((await refused(withHeader(base, (h) => (h.config[field] = value)))).message).toMatch(new RegExp(`invalid header: config\\.${field}: `));
  });

  it('a seed of -1', async () => {
    const e = await refused(withHeader(base, (h) => {
      h.seed = -1;
      h.config.seed = -1;
    }));
    expect(e.message).toMatch(/invalid header: (config\.)?seed: /);
  });

  it('a budget that is huge, zero, a string, unknown or incomplete', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [1e12, /budget\.tickBudget: must be a whole number from 1 to \d+/],
      [0, /budget\.tickBudget: must be a whole number from 1 to/],
      [2.5, /budget\.tickBudget: must be a whole number/],
      ['lots', /invalid header: budget\.tickBudget: /],
    ];
    for (const [v, message] of cases) expect((await refused(withHeader(base, (h) => (h.budget.tickBudget = v)))).message).toMatch(message);
    expect((await refused(withHeader(base, (h) => (h.budget.callWallMs = maxLimit('callWallMs') + 1)))).message).toMatch(/budget\.callWallMs: /);
    expect((await refused(withHeader(base, (h) => (h.budget.evil = 1)))).message).toMatch(/budget: unknown setting 'evil'/);
    // isolated-vm refuses an isolate this small: found by the replay fuzz test as a crash of the re-simulation.
    expect((await refused(withHeader(base, (h) => (h.budget.memoryMb = MIN_MEMORY_MB - 1)))).message).toMatch(new RegExp(`budget\\.memoryMb: must be a whole number from ${MIN_MEMORY_MB} to`));
    expect((await refused(withHeader(base, (h) => delete h.budget.memoryMb))).message).toMatch(/budget\.memoryMb: missing/);
  });

  it('a team name of a megabyte', async () => {
    const e = await refused(withHeader(base, (h) => (h.teams[0].name = 'N'.repeat(1_000_000))));
    expect(e.message).toMatch(/teams\[0\]\.name: /);
    expect(e.message.length).toBeLessThan(400);
  });

  it('a segment body length of 0xFFFFFFFF, found before the re-simulation', async () => {
    const p = copyParts(disassemble(base));
    p.segments[p.segments.length - 1] = setSegmentField(p.segments[p.segments.length - 1]!, 'bodyLength', 0xffffffff);
    expect((await refused(assemble(p))).message).toMatch(/corrupt: segment \d+ claims a body of 4294967295 bytes/);
  });

  it('a broken segment body deep in the file, found before the re-simulation', async () => {
    const p = copyParts(disassemble(base));
    const last = p.segments.length - 1;
    const seg = p.segments[last]!;
    seg[seg.length - 3] = seg[seg.length - 3]! ^ 0x55;
    expect((await refused(assemble(p))).message).toMatch(new RegExp(`corrupt: segment ${last} `));
  });

  it('a --policies path that is not a folder', async () => {
    const e = await refused(base, { policies: join(dir, 'nope') });
    expect(e.message).toMatch(/nope: policies folder not found/);
  });
});

describe('what verify writes and prints', () => {
  it('stages the sources under names it makes up, in its own folder, and removes it even when the run fails', async () => {
    let seen: string[] = [];
    const failing: ReplayPlayFn = async (_c, home, away) => {
      seen = [home.file, away.file];
      for (const f of seen) expect(existsSync(f)).toBe(true);
      throw new Error('the match process died');
    };
    await expect(verifyReplay(write(base), { tmpRoot, play: failing })).rejects.toThrow('the match process died');
    expect(seen.map((f) => basename(f))).toEqual(['home.js', 'away.js']);
    for (const f of seen) expect(relative(tmpRoot, f).startsWith('..')).toBe(false);
    expect(readdirSync(tmpRoot)).toEqual([]);
    expect(stagedName('away', 'x.TS')).toBe('away.ts');
    expect(stagedName('home', 'x.mts')).toBe('home.mts');
  });

  it('prints a long team name cut short and without control characters', async () => {
    const name = `\u001b[31m${'W'.repeat(95)}`;
    const log: string[] = [];
    const bytes = withHeader(base, (h) => {
      h.teams[0].name = name;
      h.config.homeName = name;
    });
    await expect(verifyReplay(write(bytes), { tmpRoot, play: never, log: (l) => log.push(l) })).rejects.toThrow('the re-simulation started');
    const line = log.find((l) => l.startsWith('verify: re-simulating'))!;
    expect(line).toContain(`${printable(name)} v chaser`);
    expect(line).not.toContain('\u001b');
    expect(printable(name)).toHaveLength(40);
  });
});

describe('verify reports every altered part of the record', () => {
  async function verdict(bytes: Uint8Array): Promise<{ code: number; text: string }> {
    const r = await verifyReplay(write(bytes), { tmpRoot, play: shared.play });
    expect(readdirSync(tmpRoot)).toEqual([]);
    return { code: r.code, text: r.lines.join('\n') };
  }

  it('verifies the genuine replay', async () => {
    const r = await verdict(base);
    expect(r.text).toMatch(/^verified: .*: all 2 checkpoints and 201 frames match/);
    expect(r.code).toBe(0);
  });

  it('a debug log line, a fault, a stat or a warning count altered after the match', async () => {
    const rec = new ReplayReader(base, 'base');
    const altered = [
      rewriteReplay(rec, { frame: (f) => (f.tick === 57 ? { ...f, debug: [{ marks: [], logs: ['forged'] }, f.debug[1]] } : f) }),
      rewriteReplay(rec, { frame: (f) => (f.tick === 80 ? { ...f, faults: [f.faults[0], [{ tick: 80, kind: 'error', message: 'forged' }]] } : f) }),
      rewriteReplay(rec, { footer: { ...rec.footer, stats: { ...rec.footer.stats, teams: [{ ...rec.footer.stats.teams[0], passes: rec.footer.stats.teams[0].passes + 1 }, rec.footer.stats.teams[1]] } } }),
      rewriteReplay(rec, { footer: { ...rec.footer, teams: [{ ...rec.footer.teams[0], warnings: rec.footer.teams[0].warnings + 3 }, rec.footer.teams[1]] } }),
      rewriteReplay(rec, { footer: { ...rec.footer, winner: rec.footer.winner === 'home' ? 'away' : 'home' } }),
    ];
    const expected = [/tick: 57 .*debug \(home\) recorded/, /tick: 80 .*faults \(away\) recorded/, /footer stats\.teams\[0\]\.passes: recorded/, /footer teams\[0\]\.warnings: recorded/, /footer winner: recorded/];
    for (const [i, bytes] of altered.entries()) {
      const r = await verdict(bytes);
      expect({ i, code: r.code, text: r.text }).toMatchObject({ i, code: 1 });
      expect(r.text).toMatch(/^MISMATCH: /);
      expect(r.text).toMatch(expected[i]!);
    }
    // One match played for all of them: the header never changed.
    expect(shared.played()).toBe(1);
  });
});

describe('through the real command line', () => {
  it('a traversal name is refused with one line and exit code 2', async () => {
    const file = write(withHeader(base, (h) => (h.teams[0].file = '../../../../../some/dir/pwned.js')));
    const r = await cli('verify', file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^matchday: .*invalid header: teams\[0\]\.file: must be a plain file name/);
    expect(r.stdout).toBe('');
  });
});
