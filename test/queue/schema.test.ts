// The queue's wire without Redis: job validation, job ids, cup digests, version comparison, and the
// coordinator's check of what a worker hands back (a replay is input from another machine).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { collectCheck } from './collect-fixture.js';
import { jobIdFor, parseJobData, JOB_FORMAT, type JobData } from '../../tournament/queue/schema.js';
import { cupDigest } from '../../tournament/queue/remote-pool.js';
import { localVersions, pythonText, versionDifferences } from '../../tournament/queue/versions.js';

function team(spec: string) {
  const t = resolveTeam(spec);
  return { spec, name: t.name, file: basename(t.file), sha256: createHash('sha256').update(readFileSync(t.file, 'utf8')).digest('hex') };
}

function goodJob(): JobData {
  const home = team('builtin:possession');
  const away = team('builtin:chaser');
  return {
    format: JOB_FORMAT,
    cup: '0123456789abcdef',
    matchId: 'G-A-md1-1',
    config: defaultConfig({ seed: 7, homeName: home.name, awayName: away.name, halfTicks: 100 }),
    home,
    away,
    versions: localVersions(),
  };
}

describe('job schema', () => {
  it('accepts a well-formed job', () => {
    const r = parseJobData(goodJob());
    expect(r.ok).toBe(true);
  });

  const broken: Array<[string, (j: Record<string, unknown>) => void, RegExp]> = [
    ['no versions', (j) => delete j.versions, /versions/],
    ['another job format', (j) => (j.format = 99), /format/],
    ['an unknown field', (j) => (j.extra = 1), /extra|unrecognized/i],
    ['a path for a file name', (j) => ((j.home as { file: string }).file = '../../etc/passwd.js'), /home\.file/],
    ['a short sha256', (j) => ((j.away as { sha256: string }).sha256 = 'abc'), /away\.sha256/],
    ['halves out of bounds', (j) => ((j.config as { halfTicks: number }).halfTicks = 1e9), /config/],
    ['a config that names other teams', (j) => ((j.config as { homeName: string }).homeName = 'Someone'), /homeName/],
    ['a non-object', (j) => Object.assign(j, { config: 'x' }), /config/],
    ['a huge match id', (j) => (j.matchId = 'x'.repeat(1000)), /matchId/],
    ['a freeze of a third team', (j) => (j.freeze = [{ team: 2, fromTick: 1, reason: 'x' }]), /freeze/],
  ];
  it.each(broken)('rejects %s', (_, mutate, message) => {
    const j = goodJob() as unknown as Record<string, unknown>;
    mutate(j);
    const r = parseJobData(j);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(message);
  });

  it('rejects what is not a job at all', () => {
    for (const v of [null, 42, 'job', [], {}]) expect(parseJobData(v).ok).toBe(false);
  });
});

describe('job ids', () => {
  it('are the same for the same cup and match, and differ otherwise', () => {
    expect(jobIdFor('0123456789abcdef', 'QF1')).toBe(jobIdFor('0123456789abcdef', 'QF1'));
    expect(jobIdFor('0123456789abcdef', 'QF1')).not.toBe(jobIdFor('0123456789abcdef', 'QF2'));
    expect(jobIdFor('0123456789abcdef', 'QF1')).not.toBe(jobIdFor('fedcba9876543210', 'QF1'));
  });

  it('never hold a colon nor are plain integers (BullMQ refuses both), whatever the match id', () => {
    for (const m of ['1', 'a:b', 'G A/1', '', '💥', 'x'.repeat(500)]) {
      const id = jobIdFor('0123456789abcdef', m);
      expect(id).not.toContain(':');
      expect(/^\d+$/.test(id)).toBe(false);
      expect(id.length).toBeLessThan(100);
    }
    expect(jobIdFor('0123456789abcdef', 'a:b')).not.toBe(jobIdFor('0123456789abcdef', 'a_b'));
  });

  it('come from a cup digest that changes with the cup and with the versions', () => {
    const v = localVersions();
    const a = cupDigest({ configHash: 'x' }, v);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(cupDigest({ configHash: 'x' }, v)).toBe(a);
    expect(cupDigest({ configHash: 'y' }, v)).not.toBe(a);
    expect(cupDigest({ configHash: 'x' }, { ...v, sandbox: 'other' })).not.toBe(a);
  });
});

describe('versions', () => {
  it('are complete: what the replay header records, and the code of the engine and the sandbox', () => {
    const v = localVersions();
    expect(v.node).toBe(process.versions.node);
    expect(v.v8).toBe(process.versions.v8);
    expect(v.isolatedVm).toMatch(/^\d+\.\d+\.\d+/);
    expect(v.engineCode).toMatch(/^[0-9a-f]{16}$/);
    expect(v.sandbox).toMatch(/^[0-9a-f]{16}$/);
    expect(v.python).toMatch(/^\d+\.\d+\.\d+\/[0-9a-f]{64}$/);
  });

  it('name every difference, with both values, and nothing when they agree', () => {
    const v = localVersions();
    expect(versionDifferences(v, { ...v })).toEqual([]);
    const d = versionDifferences(v, { ...v, engine: '0.0.1', node: '18.0.0' });
    expect(d).toEqual([`engine version ${v.engine} here, 0.0.1 on the coordinator`, `Node ${v.node} here, 18.0.0 on the coordinator`]);
  });
});

describe("the coordinator's check of a worker's output", () => {
  it('rebuilds the result from a real replay and refuses one that is not the match asked for', async () => {
    const c = await collectCheck();
    expect(c.ok.hash).toBe(c.local.hash);
    expect(c.ok.score).toEqual(c.local.score);
    expect(c.ok.stats).toEqual(c.local.stats);
    expect(c.ok.crashes).toEqual([]);
    expect(c.otherSeed).toMatch(/match config differs/);
    expect(c.otherTeam).toMatch(/team home differs/);
    expect(c.otherVersions).toMatch(/other versions/);
    expect(c.badMeta).toMatch(/output is malformed/);
    expect(c.notJson).toMatch(/not JSON/);
    expect(c.truncated).toMatch(/truncated|corrupt/);
    // No Python team: the replay records no interpreter, and another one on the coordinator does not matter.
    expect(c.python).toBeNull();
    expect(c.otherPython).toBe('(accepted)');
  });

  it("holds a Python team's replay to the interpreter the job names", async () => {
    const c = await collectCheck(fileURLToPath(new URL('../../policies/chaser.py', import.meta.url)));
    expect(c.ok.hash).toBe(c.local.hash);
    const here = localVersions().python;
    expect(here).toMatch(/^\d+\.\d+\.\d+\/[0-9a-f]{64}$/);
    expect(c.python && pythonText(c.python)).toBe(here);
    expect(c.otherPython).toMatch(/Python interpreter differs \(1\.\d+\.\d+\/[0-9a-f]{64} in the replay, 1\.0\.0\/0{64} asked for\)/);
  });
});
