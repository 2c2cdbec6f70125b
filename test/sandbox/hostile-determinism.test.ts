// Determinism where it can break: every hostile case of the realm, work and red-team (rt1, rt2) corpus, played three
// times, the third while two busy processes keep both cores loaded, must give the same digest
// (commands, faults, warnings, debug output, budget use) and never need the wall-clock net.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { REALM_CASES } from './cases/realm.js';
import { REDTEAM_CASES } from './cases/redteam.js';
import { RT2_CASES } from './cases/rt2.js';
import { WORK_CASES } from './cases/work.js';
import { caseOptions } from './corpus.js';
import { runPolicy } from './harness.js';

const CASES = [...REALM_CASES, ...WORK_CASES, ...REDTEAM_CASES, ...RT2_CASES];
const busy: ChildProcess[] = [];
afterAll(() => {
  for (const c of busy) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('hostile cases are deterministic, also with both cores busy', () => {
  it(`${CASES.length} cases, three runs each`, () => {
    const digests = (): string[] =>
      CASES.map((c) => {
        const r = runPolicy(c.source, caseOptions(c));
        expect(r.controller.nonReproducible, c.name).toBe(false);
        return `${c.name}: ${r.digest}`;
      });
    const first = digests();
    expect(digests()).toEqual(first);
    for (let i = 0; i < 2; i++) busy.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    const loaded = digests();
    for (const c of busy) c.kill('SIGKILL');
    expect(loaded).toEqual(first);
  }, 600_000);
});
