// What a test file may change in its process and must put back: with `isolate: false` (vitest.config.ts) the next
// test file runs in the same process, so a leaked environment variable (the runner reads several) or working
// folder would change what it tests. The fast tier's setup file (test/helpers/isolation-guard.ts) checks it per file.

export interface ProcessState {
  env: Record<string, string | undefined>;
  cwd: string;
}

export function captureProcessState(): ProcessState {
  return { env: { ...process.env }, cwd: process.cwd() };
}

/** One line per difference between two captures, empty when the second is the first put back. */
export function processStateChanges(before: ProcessState, after: ProcessState): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(before.env), ...Object.keys(after.env)]);
  for (const k of [...keys].sort()) {
    if (before.env[k] !== after.env[k]) {
      out.push(`environment variable ${k}: ${before.env[k] === undefined ? 'unset' : 'was set'} before, ${after.env[k] === undefined ? 'unset' : 'set'} after${before.env[k] !== undefined && after.env[k] !== undefined ? ' (changed)' : ''}`);
    }
  }
  if (before.cwd !== after.cwd) out.push(`working folder: ${before.cwd} before, ${after.cwd} after`);
  return out;
}
