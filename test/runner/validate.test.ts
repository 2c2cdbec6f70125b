import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function validate(policy: string): { code: number | null; out: string; last: string } {
  const r = spawnSync('node', ['bin/matchday.mjs', 'validate', policy, '--half-ticks', '100'], { encoding: 'utf8' });
  const out = r.stdout.trim();
  return { code: r.status, out, last: out.split('\n').pop() ?? '' };
}

describe('matchday validate', () => {
  for (const team of ['possession', 'gegenpress', 'deepblock', 'direct']) {
    it(`passes the reference team ${team}`, () => {
      const r = validate(`builtin:${team}`);
      expect(r.last).toBe('OK: the policy will play');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/budget per tick .*median \d+, p99 \d+, max \d+/);
      expect(r.out).toMatch(/memory high-water: [\d.]+ MB/);
    });
  }

  it('fails a syntax error, naming the file, the line and the problem', () => {
    const r = validate('test/fixtures/policies/syntax-error.js');
    expect(r.code).toBe(1);
    expect(r.last).toMatch(/^FAIL: cannot start: .*syntax-error\.js:3: syntax error/);
  });

  it('fails a setup that never returns', () => {
    const r = validate('test/fixtures/policies/setup-loop.js');
    expect(r.code).toBe(1);
    expect(r.last).toMatch(/^FAIL: cannot start: .*setup-loop\.js:3: .*setup budget/);
  });

  it('fails a policy over budget on every tick', () => {
    const r = validate('test/fixtures/policies/always-over-budget.js');
    expect(r.code).toBe(1);
    expect(r.last).toBe('FAIL: never returns its commands within the budget');
    expect(r.out).toMatch(/ticks over budget: 200/);
  });

  it('passes a sloppy policy but reports its errors with the offending line and its malformed commands', () => {
    const r = validate('test/fixtures/policies/sloppy.js');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/line 3, first at tick 7 \(4 times\): tick threw: Error: oops at 7/);
    expect(r.out).toContain("> if (obs.tick % 50 === 7) throw new Error('oops at ' + obs.tick);");
    expect(r.out).toMatch(/warnings about malformed commands: 4/);
    expect(r.out).toMatch(/debug output: 192 marks/);
  });

  it('refuses a missing file with a clear message', () => {
    const r = spawnSync('node', ['bin/matchday.mjs', 'validate', 'no/such/file.js'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no/such/file.js: policy file not found');
  });
});
