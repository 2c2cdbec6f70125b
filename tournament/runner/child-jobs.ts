// A match process's work (child.ts starts it): plays the jobs its parent sends, one at a time, and reports who was running.
// Before every call into a policy it writes (tick, team) at the start of fd 4, a file the parent
// reads once this process has died, and (tick, -1) as soon as the call returns, so that the parent
// then knows whether a team was at fault (and which, and when) or the host's own work was. A file,
// not a pipe: 24,000 marks a match would wake the parent 24,000 times for nothing.
import { existsSync, writeFileSync, writeSync } from 'node:fs';
import { atomicWrite } from '../cupdir.js';
import type { ChildMessage, MatchJob, ParentMessage } from './job.js';
import { loadedPackages } from '../../sandbox/build-cache.mjs';
import { resolveLimits } from '../../sandbox/index.js';
import { playOne } from './play-one.js';
import { MARK_FD, type Watchdog } from './watchdog.js';

const mark = new Int32Array(2);
const markBytes = new Uint8Array(mark.buffer);

function send(msg: ChildMessage): void {
  process.send?.(msg);
}

function setMark(tick: number, team: number): void {
  mark[0] = tick;
  mark[1] = team;
  writeSync(MARK_FD, markBytes, 0, 8, 0);
}

/**
 * Test hook: MATCHDAY_TEST_HOST_DEATH="<tick>" kills this process in host work at that tick;
 * "<tick>:<file>" does so only while <file> does not exist (and creates it), so a retry succeeds.
 */
function hostDeathHook(): ((tick: number) => void) | null {
  const spec = process.env.MATCHDAY_TEST_HOST_DEATH;
  if (!spec) return null;
  const at = Number(spec.split(':')[0]);
  const once = spec.includes(':') ? spec.slice(spec.indexOf(':') + 1) : null;
  return (tick) => {
    if (tick !== at) return;
    if (once !== null) {
      if (existsSync(once)) return;
      writeFileSync(once, 'died once\n');
    }
    process.kill(process.pid, 'SIGKILL');
  };
}

/** Test hook: MATCHDAY_TEST_HANG="<tick>:<team>" makes that call hang in native work no interrupt reaches. */
function hangHook(): ((tick: number, team: number) => void) | null {
  const spec = process.env.MATCHDAY_TEST_HANG;
  if (!spec) return null;
  const [at, who] = spec.split(':').map(Number);
  return (tick, team) => {
    if (tick !== at || team !== who) return;
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  };
}

const dieInHostWork = hostDeathHook();
const hang = hangHook();

function run(job: MatchJob, watchdog: Watchdog): void {
  const limits = resolveLimits(job.limits);
  const { result, replay } = playOne(job, {
    onCall(tick, team) {
      setMark(tick, team);
      watchdog.arm(tick, team, tick === 0 ? limits.setupWallMs : limits.callWallMs);
      hang?.(tick, team);
    },
    onHostWork(tick) {
      watchdog.disarm();
      setMark(tick, -1);
      dieInHostWork?.(tick);
    },
    sink: job.stream ? (kind, blob) => send({ type: 'blob', kind, blob }) : undefined,
  });
  // No team is running any more: a death from here on is nobody's fault.
  setMark(result.ticks, -1);
  if (job.out) atomicWrite(job.out, replay);
  send({ type: 'result', result });
}

/** Serves the parent's messages; says 'ready' once the watchdog thread runs. */
export async function serveJobs(watchdog: Watchdog): Promise<void> {
  process.on('message', (msg: ParentMessage) => {
    if (msg.type === 'exit') process.exit(0);
    if (msg.type === 'probe') return send({ type: 'probe', packages: loadedPackages() });
    try {
      run(msg.job, watchdog);
    } catch (e) {
      send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
  // Ready only once the watchdog thread runs: the parent then caps the address space at the size it sees.
  await watchdog.online;
  send({ type: 'ready' });
}
