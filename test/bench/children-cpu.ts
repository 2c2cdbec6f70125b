// CPU seconds used by this process's finished children (and theirs, once reaped), from /proc/self/stat:
// a whole cup's or scrim's CPU, which a loaded machine inflates far less than its wall time.
import { readFileSync } from 'node:fs';

/** User + system seconds of reaped children so far; null where /proc is not there (not Linux). */
export function childrenCpuSeconds(): number | null {
  try {
    // Fields after the command name (which may hold spaces, hence the split at its closing paren): cutime, cstime are the 14th and 15th.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** Runs `f` and returns its children's CPU seconds (rounded to 0.1), or null off Linux. */
export function childrenCpuOf(f: () => void): number | null {
  const before = childrenCpuSeconds();
  f();
  const after = childrenCpuSeconds();
  return before === null || after === null ? null : Math.round((after - before) * 10) / 10;
}
