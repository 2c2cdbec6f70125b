// The cup on the real runner: `matchday cup` in child processes, across worker counts and SIGKILLs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'matchday-cup-'));
const config = join(dir, 'cup.json');
// Eight teams in a knockout: seven matches, short halves, a level match goes to extra time and penalties.
// What is checked (same hash across worker counts and kills) does not depend on the length: 60-tick halves
// (most matches end level and go to penalties) cost ~45% less CPU than the 150 used before.
writeFileSync(
  config,
  JSON.stringify({
    name: 'runner test',
    seed: 99,
    format: { type: 'knockout' },
    teams: ['possession', 'gegenpress', 'deepblock', 'direct', 'chaser', 'statue', 'possession', 'chaser'].map((p, i) => ({
      id: `t${i}`,
      name: `Team ${i}`,
      policy: `builtin:${p}`,
    })),
    match: { halfTicks: 60, extraTimeTicks: 20 },
  }),
);

function cup(out: string, ...extra: string[]): { code: number | null; json: { champion: string; matches: number; hash: string }; stderr: string } {
  const r = spawnSync('node', ['bin/matchday.mjs', 'cup', config, '--out', out, '--json', ...extra], { encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop() ?? '{}';
  return { code: r.status, json: JSON.parse(last.startsWith('{') ? last : '{}'), stderr: r.stderr };
}

interface Entry {
  ev: string;
  matchId?: string;
  pid?: number;
}
function journal(out: string): Entry[] {
  return readFileSync(join(out, 'journal.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Entry);
}

describe('matchday cup', () => {
  let reference = '';

  it('gives the same draw, results and hash with one worker and with two; two processes played in the second', () => {
    const one = cup(join(dir, 'w1'), '--workers', '1');
    const two = cup(join(dir, 'w2'), '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.json.matches).toBe(7);
    expect(two.json.hash).toBe(one.json.hash);
    expect(two.json.champion).toBe(one.json.champion);
    const summary = (w: string) => JSON.stringify((JSON.parse(readFileSync(join(dir, w, 'report.json'), 'utf8')) as { summary: unknown }).summary);
    expect(summary('w2')).toBe(summary('w1'));
    const pids = new Set(journal(join(dir, 'w2')).filter((e) => e.ev === 'finish').map((e) => e.pid));
    expect(pids.size).toBeGreaterThanOrEqual(2);
    reference = one.json.hash;
  });

  it('killed with SIGKILL at several moments and resumed each time, ends with the same hash; no match finished twice', async () => {
    expect(reference).not.toBe('');
    const out = join(dir, 'killed');
    // Kill once the journal shows 2, then 4, then 6 matches finished, so the kills land at different
    // stages of the cup however fast this machine plays (a fixed delay let a quick run finish first).
    const finishedIn = (): number => {
      try {
        return journal(out).filter((e) => e.ev === 'finish').length;
      } catch {
        return 0; // no journal yet, or a line being written
      }
    };
    for (const target of [2, 4, 6]) {
      const args = ['bin/matchday.mjs', 'cup', config, '--out', out, '--workers', '2'];
      if (finishedIn() > 0) args.push('--resume');
      const child = spawn('node', args, { stdio: 'ignore', detached: true });
      // Listening from the start: a child that ends before we look must not leave us waiting for an event already gone.
      const exited = new Promise((r) => child.on('exit', r));
      let done = false;
      void exited.then(() => (done = true));
      while (!done && finishedIn() < target) await new Promise((r) => setTimeout(r, 25));
      // The whole process group: the CLI and its match processes, all at once.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // it had already finished
      }
      await exited;
    }
    // The last kill landed before the final finished: the resume below has work to do.
    expect(finishedIn()).toBeLessThan(7);
    const last = cup(out, '--workers', '2', '--resume');
    expect(last.code).toBe(0);
    expect(last.json.hash).toBe(reference);
    const finished = journal(out).filter((e) => e.ev === 'finish').map((e) => e.matchId);
    expect(new Set(finished).size).toBe(finished.length);
    expect(finished.length).toBe(7);
  });

  it('refuses a malformed config naming the file and the field', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'x', seed: 1, format: { type: 'league' }, teams: [{ id: 'a', policy: 'builtin:nope' }] }));
    const r = spawnSync('node', ['bin/matchday.mjs', 'cup', bad, '--out', join(dir, 'bad')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toMatch(/teams/);
  });
});
