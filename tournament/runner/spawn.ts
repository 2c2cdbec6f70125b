// Starting a match process: the flags the sandbox needs, a UTC clock, a fixed locale, the mark pipe.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
// tsx by absolute URL, so a match process starts the same from any working directory.
const TSX = import.meta.resolve('tsx');

export function spawnMatchProcess(): ChildProcess {
  return fork(CHILD, [], {
    execArgv: ['--no-node-snapshot', '--import', TSX],
    serialization: 'advanced',
    // stderr is piped: what a dying process prints (a V8 fatal error) goes into the crash report.
    stdio: ['ignore', 'inherit', 'pipe', 'ipc', 'pipe'],
    env: { ...process.env, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  });
}
