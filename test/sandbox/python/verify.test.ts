// A Python team's match, played in a real match process (the runner's memory cap must leave
// room for the interpreter's WebAssembly memory), writes a replay that verify reproduces: the
// replay embeds the Python source like any other, and the metered count is the same on re-run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { playMatch } from '../../../bin/play-match.js';
import { defaultConfig } from '../../../engine/setup.js';
import { resolveTeam } from '../../../policies/builtins.js';
import { verifyReplay } from '../../../tournament/verify.js';

const dir = mkdtempSync(join(tmpdir(), 'md-pyverify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a Python match replay', () => {
  it('is written by a match process and verifies', async () => {
    const out = join(dir, 'py.mdr');
    const config = defaultConfig({ seed: 7, halfTicks: 60, homeName: 'py', awayName: 'chaser' });
    const home = resolveTeam(fileURLToPath(new URL('../../../policies/chaser.py', import.meta.url)));
    const r = await playMatch(config, home, resolveTeam('builtin:chaser'), { out });
    expect(r.forfeit ?? null).toBeNull();
    expect(r.teams[0].faults).toEqual([]);
    const report = await verifyReplay(out, { tmpRoot: dir, play: playMatch });
    expect(report.lines.join('\n')).toMatch(/^verified/m);
    expect(report.code).toBe(0);
  });
});
