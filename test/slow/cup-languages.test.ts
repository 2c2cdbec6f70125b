// A cup of Python, TypeScript and JavaScript teams on the real runner: the same hash with one worker
// and with two, and every replay it wrote verifies (re-simulated from the sources it embeds).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'matchday-cup-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const policy = (f: string): string => fileURLToPath(new URL(`../../policies/${f}`, import.meta.url));
const config = join(dir, 'cup.json');
// Four teams in a knockout (three matches, short halves): two Python, one TypeScript, one JavaScript.
writeFileSync(
  config,
  JSON.stringify({
    name: 'languages',
    seed: 12,
    format: { type: 'knockout' },
    teams: [policy('starter.py'), policy('starter.ts'), policy('chaser.py'), 'builtin:possession'].map((p, i) => ({ id: `t${i}`, name: `Team ${i}`, policy: p })),
    match: { halfTicks: 120, extraTimeTicks: 40 },
  }),
);

function matchday(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', ['bin/matchday.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cup(out: string, workers: string): { code: number | null; hash: string; matches: number } {
  const r = matchday('cup', config, '--out', out, '--json', '--workers', workers);
  const last = r.stdout.trim().split('\n').pop() ?? '{}';
  const json = JSON.parse(last.startsWith('{') ? last : '{}') as { hash?: string; matches?: number };
  if (r.code !== 0) throw new Error(`cup failed (${r.code}): ${r.stderr.slice(-2000)}`);
  return { code: r.code, hash: json.hash ?? '', matches: json.matches ?? 0 };
}

describe('a cup mixing Python, TypeScript and JavaScript teams', () => {
  it('gives the same hash with one and with two workers, and every replay verifies', () => {
    const one = cup(join(dir, 'w1'), '1');
    const two = cup(join(dir, 'w2'), '2');
    expect(one.matches).toBe(3);
    expect(one.hash).toMatch(/\S/);
    expect(two.hash).toBe(one.hash);
    const replays = readdirSync(join(dir, 'w2', 'replays')).filter((f) => f.endsWith('.mdr'));
    expect(replays).toHaveLength(3);
    for (const f of replays) {
      const v = matchday('verify', join(dir, 'w2', 'replays', f));
      expect(`${f}: ${v.stdout}${v.stderr}`).toMatch(/verified: /);
      expect(v.code).toBe(0);
    }
  });
});
