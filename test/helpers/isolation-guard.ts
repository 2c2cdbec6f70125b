// Setup file of the fast tier (vitest.config.ts): test files share their process (`isolate: false`), so each must
// leave the environment and working folder as it found them. A file that does not fails here, naming what it left.
import { afterAll, beforeAll } from 'vitest';
import { captureProcessState, processStateChanges, type ProcessState } from './process-state.js';

let before: ProcessState;
beforeAll(() => {
  before = captureProcessState();
});
afterAll(() => {
  const changes = processStateChanges(before, captureProcessState());
  if (changes.length > 0) throw new Error(`this test file changed its process's state and did not put it back (the next file runs in the same process):\n  ${changes.join('\n  ')}`);
});
