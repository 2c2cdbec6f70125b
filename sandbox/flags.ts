// V8 flags the sandbox relies on. V8 flags are process-wide and isolated-vm isolates
// share them, so they are set once in the host before the first isolate is created.
import v8 from 'node:v8';

let done = false;

export const REGEXP_FLAGS = [
  // A regular expression that backtracks too much falls back to the linear-time engine...
  '--enable-experimental-regexp-engine-on-excessive-backtracks',
  // ...and the 'l' flag lets the sandbox ask that engine whether it can take a pattern at all.
  '--enable-experimental-regexp-engine',
];

export function ensureV8Flags(): void {
  if (done) return;
  for (const flag of REGEXP_FLAGS) if (!process.execArgv.includes(flag)) v8.setFlagsFromString(flag);
  done = true;
}
