// The --json promise, for every command that has the option: the last line of stdout is one JSON
// object, whatever human text comes before it. Scripts (and models) read exactly that line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'matchday-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lastJson(args: string[]): Record<string, unknown> {
  const r = spawnSync('node', ['bin/matchday.mjs', ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const last = r.stdout.trimEnd().split('\n').pop() ?? '';
  const parsed = JSON.parse(last) as unknown;
  expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed), last).toBe(true);
  return parsed as Record<string, unknown>;
}

// A policy that talks: one console line a tick and a mark, so validate has debug lines to show.
const TALKER = `
export function tick(obs) {
  console.log('ball at ' + obs.ball.x.toFixed(1));
  debug.dot(obs.ball.x, obs.ball.y, 'red');
  return obs.own.map(() => ({ moveTo: { x: obs.ball.x, y: obs.ball.y } }));
}
`;

describe('--json: the last line of stdout is one JSON object', () => {
  it('play', () => {
    const j = lastJson(['play', 'builtin:chaser', 'builtin:statue', '--half-ticks', '30', '--json']);
    expect(j).toHaveProperty('score');
  });

  it('validate, with the debug lines and their ticks', () => {
    const talker = join(dir, 'talker.js');
    writeFileSync(talker, TALKER);
    const r = spawnSync('node', ['bin/matchday.mjs', 'validate', talker, '--half-ticks', '20', '--logs', '3', '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const j = JSON.parse(lines.at(-1)!) as { ok: boolean; debug: { lines: string[]; more: number; logs: number; marks: number } };
    expect(j.ok).toBe(true);
    expect(j.debug.lines).toHaveLength(3);
    expect(j.debug.lines[0]).toMatch(/^tick \d+: ball at -?\d+\.\d$/);
    expect(j.debug.lines[1]).toMatch(/^tick \d+: mark \{.*"kind":"dot"/);
    expect(j.debug.more).toBe(j.debug.logs + j.debug.marks - 3);
    // The human report shows the same lines, then the verdict, before the JSON line.
    expect(lines.at(-2)).toBe('OK: the policy will play');
    expect(r.stdout).toContain(`    ${j.debug.lines[0]}\n`);
    expect(r.stdout).toContain(`... and ${j.debug.more} more`);
  });

  it('scrim', () => {
    const j = lastJson(['scrim', 'builtin:chaser', '--vs', 'builtin:statue', '--seeds', '1', '--half-ticks', '20', '--out', join(dir, 'scrim'), '--json']);
    expect(j).toHaveProperty('table');
  });

  it('cup', () => {
    const config = join(dir, 'cup.json');
    const teams = ['chaser', 'statue'].map((p, i) => ({ id: `t${i}`, name: `Team ${i}`, policy: `builtin:${p}` }));
    writeFileSync(config, JSON.stringify({ name: 'json cup', seed: 3, format: { type: 'knockout' }, teams, match: { halfTicks: 20, extraTimeTicks: 10 } }));
    const j = lastJson(['cup', config, '--out', join(dir, 'cup'), '--json']);
    expect(j).toHaveProperty('champion');
  });
});
