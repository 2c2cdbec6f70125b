// Strict TypeScript over the whole project (tsconfig.json), in CI: vitest strips types without checking them, so
// without this a type error, or a client type drifting from the API it reads (test/types/), would land unnoticed.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('typecheck', () => {
  it('tsc --noEmit passes on every source, test and policy module', () => {
    const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
