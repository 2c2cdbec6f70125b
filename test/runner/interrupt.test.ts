import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Pids of live processes whose environment carries our tag (every process this command started). */
function tagged(tag: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/environ`, 'utf8').includes(`MATCHDAY_TEST_TAG=${tag}`)) out.push(Number(d));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function interrupted(signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; left: number[]; matchProcesses: number }> {
  const tag = randomUUID();
  const cli = spawn('node', ['bin/matchday.mjs', 'play', 'builtin:possession', 'builtin:chaser'], {
    env: { ...process.env, MATCHDAY_TEST_TAG: tag },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((r) => cli.on('exit', (code) => r(code)));
  // Wait until the match process is running: the CLI and the match process both carry the tag (`play`
  // runs in the process it was started in: bin/matchday.mjs re-runs Node only for other commands).
  let most = 0;
  for (let i = 0; i < 600 && most < 2; i++) {
    most = Math.max(most, tagged(tag).length);
    await sleep(50);
  }
  cli.kill(signal);
  const code = await exited;
  let left = tagged(tag);
  for (let i = 0; i < 40 && left.length > 0; i++) {
    await sleep(100);
    left = tagged(tag);
  }
  return { code, left, matchProcesses: most };
}

describe('interrupting a command', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} stops play cleanly and leaves no process behind`, async () => {
      const r = await interrupted(signal);
      expect(r.matchProcesses).toBeGreaterThanOrEqual(2);
      expect(r.code).not.toBe(0);
      expect(r.left).toEqual([]);
    });
  }
});
