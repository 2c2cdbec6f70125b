// bin/matchday.mjs re-runs a command that may make isolates in its own process with --no-node-snapshot. Killing the
// wrapper with SIGKILL (which it cannot forward) must not leave the re-run command behind: it exits when the wrapper's
// IPC channel closes. MATCHDAY_TEST_REEXEC=1 forces the re-run on a long-running command (every command known today
// leaves isolates to match processes and starts Node once).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSeason } from '../../season/create.js';

/** Pids whose parent is `ppid`, from /proc. */
function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the command name in parentheses.
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid) out.push(Number(d));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the CLI re-run with --no-node-snapshot', () => {
  it('exits when its wrapper is SIGKILLed', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'md-reexec-')), 's');
    createSeason(dir, { name: 's', seed: 1, teams: ['A', 'B'], format: { type: 'league' }, start: null, everyMs: null, halfTicks: 100 });
    const wrapper = spawn(process.execPath, ['bin/matchday.mjs', 'host', dir, '--port', '0'], { env: { ...process.env, MATCHDAY_TEST_REEXEC: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    wrapper.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    for (let i = 0; i < 600 && !/open http/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    expect(out).toMatch(/open http/);
    const [child] = childrenOf(wrapper.pid!);
    expect(child).toBeDefined();
    wrapper.kill('SIGKILL');
    for (let i = 0; i < 200 && alive(child!); i++) await new Promise((r) => setTimeout(r, 50));
    const left = alive(child!);
    if (left) process.kill(child!, 'SIGKILL');
    expect(left).toBe(false);
  });
});
