// A match process and the CLI start without the TypeScript compiler, esbuild or tsx: both run bundles
// built on first use (sandbox/build-cache.mjs), and policies reach the match process already instrumented
// (sandbox/policy-cache.ts), TypeScript ones included. The package list comes from Node's module cache;
// isolated-vm must be in it, which shows the list sees packages imported from ES modules at all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import type { ChildMessage, MatchJob } from '../../tournament/runner/job.js';
import { prepareJob } from '../../tournament/runner/prepare.js';
import { spawnMatchProcess } from '../../tournament/runner/spawn.js';

const COMPILERS = ['typescript', 'esbuild', 'tsx'];
const dir = mkdtempSync(join(tmpdir(), 'md-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A TypeScript team with a per-run comment, so its instrumentation is never in the cache before this test.
const tsTeam = join(dir, 'team.ts');
writeFileSync(
  tsTeam,
  [`// run ${process.pid}-${Date.now()}`, 'interface Spot { x: number }', 'const spot: Spot = { x: 3 };', 'export function tick(obs: unknown): unknown[] {', '  return [{ moveTo: { x: spot.x, y: 0 } }];', '}', ''].join('\n'),
);

describe('a match process', () => {
  it('starts, plays a TypeScript team and stays free of TypeScript, esbuild and tsx', async () => {
    const child = spawnMatchProcess();
    const messages: ChildMessage[] = [];
    const next = (type: ChildMessage['type']) =>
      new Promise<ChildMessage>((resolve, reject) => {
        const found = messages.find((m) => m.type === type);
        if (found) return resolve(found);
        const on = (m: ChildMessage) => {
          if (m.type === 'error') reject(new Error(m.message));
          if (m.type !== type) return;
          child.off('message', on);
          resolve(m);
        };
        child.on('message', on);
      });
    child.on('message', (m: ChildMessage) => messages.push(m));
    try {
      await next('ready');
      child.send({ type: 'probe' });
      const before = (await next('probe')) as Extract<ChildMessage, { type: 'probe' }>;
      expect(before.packages).toContain('isolated-vm');
      for (const p of COMPILERS) expect(before.packages).not.toContain(p);

      const job: MatchJob = prepareJob({
        config: defaultConfig({ seed: 5, halfTicks: 20, homeName: 'team', awayName: 'chaser' }),
        home: { name: 'team', spec: tsTeam, file: tsTeam },
        away: resolveTeam('builtin:chaser'),
      });
      expect(job.policies?.[0].policy.ok).toBe(true);
      messages.length = 0;
      child.send({ type: 'job', job });
      const done = await next('result');
      expect(done.type === 'result' && done.result.ticks).toBe(40);
      messages.length = 0;
      child.send({ type: 'probe' });
      const after = (await next('probe')) as Extract<ChildMessage, { type: 'probe' }>;
      for (const p of COMPILERS) expect(after.packages).not.toContain(p);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('the CLI', () => {
  const run = (args: string[]) => {
    const r = spawnSync('node', ['bin/matchday.mjs', ...args], { encoding: 'utf8', env: { ...process.env, MATCHDAY_TEST_MODULES: '1' } });
    const lines = r.stderr.trim().split('\n');
    const line = lines.pop() ?? '';
    expect(line, r.stderr).toMatch(/^matchday-test-modules: /);
    const pid = /^matchday-test-pid: (\d+)$/.exec(lines.pop() ?? '');
    expect(pid, r.stderr).not.toBeNull();
    return { status: r.status, stderr: r.stderr, startedOnce: Number(pid![1]) === r.pid, packages: JSON.parse(line.slice('matchday-test-modules: '.length)) as string[] };
  };

  it('starts without TypeScript, esbuild or tsx', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.packages).toContain('commander');
    for (const p of COMPILERS) expect(r.packages).not.toContain(p);
  });

  it('starts Node once for a command that makes no isolate in the CLI process, twice (adding --no-node-snapshot) otherwise', () => {
    // spawnSync's plain `node` has no --no-node-snapshot: only a command not known to leave isolates to
    // match processes is re-run with it.
    const help = run(['--help']);
    expect(help.startedOnce).toBe(true);
    const play = run(['play', 'nope.js', 'builtin:statue']);
    expect(play.status).toBe(1);
    expect(play.stderr).toContain('nope.js: policy file not found');
    expect(play.startedOnce).toBe(true);
    const unknown = run(['plya']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command 'plya'/);
    expect(unknown.startedOnce).toBe(false);
  });

  it('loads TypeScript only to instrument a policy it has not seen, then takes it from the cache', () => {
    const team = join(dir, 'cli-team.ts');
    writeFileSync(team, `// cli ${process.pid}-${Date.now()}\nexport function tick(obs: unknown): unknown[] { return []; }\n`);
    const args = ['play', team, 'builtin:statue', '--half-ticks', '10', '--json'];
    const first = run(args);
    expect(first.status).toBe(0);
    expect(first.packages).toContain('typescript');
    const second = run(args);
    expect(second.status).toBe(0);
    expect(second.packages).toContain('isolated-vm');
    for (const p of COMPILERS) expect(second.packages).not.toContain(p);
  });
});
