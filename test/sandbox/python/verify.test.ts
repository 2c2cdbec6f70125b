// A Python team's match, played in a real match process (the runner's memory cap must leave
// room for the interpreter's WebAssembly memory), writes a replay that verify reproduces: the
// replay embeds the Python source like any other, and the metered count is the same on re-run.
// The header names the interpreter (version and metered module's sha256); verify refuses another.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { playMatch } from '../../../bin/play-match.js';
import { ReplayReader } from '../../../engine/replay/reader.js';
import { defaultConfig } from '../../../engine/setup.js';
import { resolveTeam } from '../../../policies/builtins.js';
import { pythonRuntime } from '../../../sandbox/index.js';
import { verifyReplay } from '../../../tournament/verify.js';
import { withHeader } from '../../replay/mutate.js';

const dir = mkdtempSync(join(tmpdir(), 'md-pyverify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a Python match replay', () => {
  const out = join(dir, 'py.mdr');

  it('is written by a match process, names the interpreter, and verifies', async () => {
    const config = defaultConfig({ seed: 7, halfTicks: 60, homeName: 'py', awayName: 'chaser' });
    const home = resolveTeam(fileURLToPath(new URL('../../../policies/chaser.py', import.meta.url)));
    const r = await playMatch(config, home, resolveTeam('builtin:chaser'), { out });
    expect(r.forfeit ?? null).toBeNull();
    expect(r.teams[0].faults).toEqual([]);
    const here = pythonRuntime();
    expect(here.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(new ReplayReader(readFileSync(out), out).header.runtime.python).toEqual(here);
    const report = await verifyReplay(out, { tmpRoot: dir, play: playMatch });
    expect(report.lines.join('\n')).toMatch(/^verified/m);
    expect(report.code).toBe(0);
  });

  it('is refused by verify when it names another interpreter, with both named', async () => {
    const other = join(dir, 'other.mdr');
    writeFileSync(other, withHeader(readFileSync(out), (h) => (h.runtime.python.sha256 = 'ab'.repeat(32))));
    let played = false;
    const play: typeof playMatch = async (...a) => ((played = true), playMatch(...a));
    const err = await verifyReplay(other, { tmpRoot: dir, play }).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/other\.mdr: recorded with MicroPython \S+ \(metered module sha256 abababababab…\), this checkout has MicroPython \S+ \(metered module sha256 [0-9a-f]{12}…\); a Python team would be metered differently/);
    expect(played).toBe(false);
  });

  it('from before the header named the interpreter still verifies, with a warning', async () => {
    const old = join(dir, 'old.mdr');
    writeFileSync(old, withHeader(readFileSync(out), (h) => delete h.runtime.python));
    const logs: string[] = [];
    const report = await verifyReplay(old, { tmpRoot: dir, play: playMatch, log: (l) => logs.push(l) });
    expect(report.code).toBe(0);
    expect(logs.join('\n')).toMatch(/records no Python interpreter version/);
  });
});
