// One host per season folder: two would both fire deadlines and play the same matchday. The lock is a file
// holding the host's pid, made with O_EXCL; a lock whose process is gone (a SIGKILLed host) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../tournament/errors.js';

export const LOCK_FILE = 'host.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: a process of another user holds that pid; it is alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the season folder's host lock; returns its release. Throws a UserError naming the holder when it is taken. */
export function lockSeason(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = NaN;
      try {
        pid = Number(readFileSync(file, 'utf8').trim());
      } catch {
        // Removed between our open and read: try again.
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new UserError(`${dir}: this season is already served by process ${pid} (${file}); stop that host first, or delete the file if that process is no matchday host`);
      }
      // The host that held it is gone (killed without cleaning up): the lock is stale.
      rmSync(file, { force: true });
    }
  }
  throw new UserError(`${dir}: could not take the host lock ${file}`);
}
