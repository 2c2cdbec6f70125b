// Starting a match process: the flags the sandbox needs, a UTC clock, a fixed locale, the mark file.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { builtFile } from '../../sandbox/build-cache.mjs';
import { ensureGuestRuntime } from '../../sandbox/bundle.js';
// Debian ships prlimit in util-linux; without it the process runs unbounded (the sandbox's own limits still apply).
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p)) ?? null;

/**
 * Memory a match process may take beyond what it holds once started, in MB. isolated-vm's
 * heap limit is not hard: a policy can make V8 allocate far past it in one step, so the whole
 * process is bounded too, and a runaway policy kills only its own match process, never the
 * machine. Set after start-up (see child.ts: the watchdog thread's reservations must come first).
 * The cap counts real (writable, private) memory, RLIMIT_DATA, not address space:
 * a WebAssembly memory (a Python team's interpreter) reserves gigabytes of address space it
 * never touches, which an address-space cap refused. [default: 4096]
 */
export const PROCESS_MEMORY_MB = 4096;

/**
 * The V8 flag that keeps a match process's work on its own thread: no compiler, marking, sweeping
 * or scavenging threads. A pool with a process per core sets it (MatchPool): there, every
 * background thread of one match process runs on a core another match needs, and with it on,
 * the demo cup at two workers on two cores took about 10% less CPU and wall time (docs/PERFORMANCE.md).
 * A pool with cores to spare leaves it off, so its processes' JIT and GC use the idle ones.
 */
export const SINGLE_THREADED_FLAG = '--single-threaded';

/**
 * Starts a match process: plain node on the match process's bundle (child.ts and what it imports, built on
 * first use and cached by content hash), so no TypeScript compiler, esbuild or tsx loads. The guest runtime
 * is built here too, so a match process only ever finds it in the cache.
 */
export function spawnMatchProcess(markFd?: number, opts: { singleThreaded?: boolean } = {}): ChildProcess {
  const child = builtFile('child');
  ensureGuestRuntime();
  // fd 4 is the mark file (see MatchPool): a file the parent reads only when the process dies. Without
  // one (a start-up probe), /dev/null takes the marks.
  const marks = markFd ?? openSync('/dev/null', 'w');
  try {
    return spawn(process.execPath, ['--no-node-snapshot', ...(opts.singleThreaded ? [SINGLE_THREADED_FLAG] : []), child], {
      serialization: 'advanced',
      // stderr is piped: what a dying process prints (a V8 fatal error) goes into the crash report.
      stdio: ['ignore', 'inherit', 'pipe', 'ipc', marks],
      env: { ...process.env, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
    });
  } finally {
    if (markFd === undefined) closeSync(marks);
  }
}

/** Caps the data memory of a started match process at its current size plus `extraMb` (Linux, with util-linux's prlimit). */
export function limitProcessMemory(pid: number, extraMb = PROCESS_MEMORY_MB): boolean {
  if (PRLIMIT === null) return false;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmData:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
    if (!Number.isFinite(kb)) return false;
    const bytes = kb * 1024 + extraMb * 1024 * 1024;
    execFileSync(PRLIMIT, ['--pid', String(pid), `--data=${bytes}:${bytes}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
