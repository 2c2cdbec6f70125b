import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCupConfig } from '../../tournament/config.js';

const dir = mkdtempSync(join(tmpdir(), 'cupcfg-'));
mkdirSync(join(dir, 'pol'), { recursive: true });
writeFileSync(join(dir, 'pol', 'mine.js'), 'export default {}');

const teams = (n: number, extra: (i: number) => object = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({ id: `t${i}`, policy: 'builtin:direct', ...extra(i) }));
const good = () => ({ name: 'c', seed: 1, format: { type: 'worldcup' }, teams: teams(16) });

let k = 0;
function write(value: unknown, raw?: string): string {
  const file = join(dir, `cup${k++}.json`);
  writeFileSync(file, raw ?? JSON.stringify(value));
  return file;
}

/** Loading must fail with a message naming the file, the field and the problem. */
function refused(value: unknown, field: string, problem: RegExp, raw?: string): void {
  const file = write(value, raw);
  let msg = '';
  try {
    loadCupConfig(file);
  } catch (e) {
    msg = (e as Error).message;
  }
  expect(msg, 'config was accepted').not.toBe('');
  expect(msg).toContain(file);
  expect(msg).toContain(`${field}:`);
  expect(msg).toMatch(problem);
}

describe('cup config', () => {
  it('loads a good config with defaults and resolves relative policy paths against its folder', () => {
    const cfg = loadCupConfig(write({ ...good(), teams: teams(16, (i) => (i === 0 ? { policy: 'pol/mine.js' } : {})) }));
    expect(cfg.teams[0]!.policy).toBe(join(dir, 'pol', 'mine.js'));
    expect(cfg.teams[1]!.policy).toBe('builtin:direct');
    expect(cfg.match).toEqual({ halfTicks: 3000, extraTime: true, extraTimeTicks: 1000, shootout: true });
    expect(cfg.tieBreakers).toBe('2026');
    expect(cfg.repeats).toBe(1);
  });

  it('loads the demo cup', () => {
    const cfg = loadCupConfig(join(__dirname, '../../tournament/demo-cup.json'));
    expect(cfg.teams).toHaveLength(16);
    expect(cfg.format.type).toBe('worldcup');
  });

  it('refuses a missing file and invalid JSON', () => {
    const missing = join(dir, 'nope.json');
    expect(() => loadCupConfig(missing)).toThrow(new RegExp(`${missing}[\\s\\S]*file not found`));
    refused(null, '(file)', /invalid JSON/, '{ "name": ');
  });

  it('refuses each kind of bad field', () => {
    refused({ ...good(), name: undefined }, 'name', /./);
    refused({ ...good(), seed: -1 }, 'seed', /./);
    refused({ ...good(), seed: 1.5 }, 'seed', /./);
    refused({ ...good(), format: { type: 'bracketology' } }, 'format.type', /./);
    refused({ ...good(), format: { type: 'swiss' } }, 'format.rounds', /./);
    refused({ ...good(), format: { type: 'swiss', rounds: 16 }, teams: teams(16) }, 'format.rounds', /at least 17 teams/);
    refused({ ...good(), teams: teams(12) }, 'teams', /8, 16 or 32 teams/);
    refused({ ...good(), teams: teams(16, (i) => (i === 3 ? { id: 't0' } : {})) }, 'teams[3].id', /duplicate team id "t0"/);
    refused({ ...good(), teams: teams(16, (i) => (i === 2 ? { id: '../evil' } : {})) }, 'teams[2].id', /letters, digits/);
    refused({ ...good(), teams: teams(16, (i) => (i === 4 ? { policy: 'builtin:' } : {})) }, 'teams[4].policy', /builtin/);
    refused({ ...good(), teams: teams(16, (i) => (i === 5 ? { policy: 'pol/missing.js' } : {})) }, 'teams[5].policy', /policy file not found/);
    refused({ ...good(), teams: teams(16, (i) => (i === 0 ? { pot: 1 } : {})) }, 'teams[1].pot', /every team names its pot or none/);
    refused({ ...good(), teams: teams(16, (i) => ({ pot: i < 5 ? 1 : 2 + ((i - 5) % 3) })) }, 'teams', /pot 1 has 5 teams/);
    refused({ ...good(), teams: teams(16, (i) => ({ separation: i < 5 ? 'maker' : `m${i}` })) }, 'teams', /no legal draw: 5 teams share separation "maker"/);
    refused({ ...good(), match: { halfTicks: 'long' } }, 'match.halfTicks', /./);
    refused({ ...good(), match: { shootout: false } }, 'match.shootout', /need a winner/);
    refused({ ...good(), repeats: 0 }, 'repeats', /./);
    refused({ ...good(), workers: 0 }, 'workers', /./);
    refused({ ...good(), tieBreakers: '2018' }, 'tieBreakers', /./);
    refused({ ...good(), format: { type: 'league' }, thirdPlace: true }, 'thirdPlace', /no third-place match/);
    refused({ ...good(), colour: 'red' }, '(top level)', /colour/);
    refused({ ...good(), teams: [{ id: 'a', policy: 'builtin:x' }] }, 'teams', /./);
  });
});
