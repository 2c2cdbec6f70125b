// Loading policy files: the module shapes a contestant may write, TypeScript with the
// author's line numbers, and clear refusals for files that cannot start.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CF_MOVE, C_FLAGS, C_MOVE_X } from '../../engine/obs-layout.js';
import { createSandboxController } from '../../sandbox/index.js';
import { INFO, runPolicy } from './harness.js';

const moveX = (r: ReturnType<typeof runPolicy>, t = 0): [number, number] => [r.ticks[t]?.commands[C_FLAGS] ?? -1, r.ticks[t]?.commands[C_MOVE_X] ?? -1];

describe('policy module shapes', () => {
  it('export const tick = arrow', () => {
    const r = runPolicy('export const tick = (obs) => [{ moveTo: { x: 7, y: 0 } }];');
    expect(moveX(r)).toEqual([CF_MOVE, 7]);
  });
  it('export default { tick, setup } with this', () => {
    const r = runPolicy('export default {\n  x: 0,\n  setup(info) { this.x = info.halfTicks / 1000; },\n  tick() { return [{ moveTo: { x: this.x, y: 0 } }]; },\n};');
    expect(r.setup.ok).toBe(true);
    expect(moveX(r)).toEqual([CF_MOVE, 3]);
  });
  it('setup sees MatchInfo and state persists between ticks', () => {
    const r = runPolicy('let n = 0; let side = "";\nexport function setup(info) { side = info.side; }\nexport function tick() { n++; return [{ moveTo: { x: side === "home" ? n : -n, y: 0 } }]; }');
    expect(moveX(r, 2)).toEqual([CF_MOVE, 3]);
  });
});

describe('TypeScript policies', () => {
  const TS = [
    'import type { Observation } from "../engine/policy";',
    'interface Plan {',
    '  x: number;',
    '}',
    'const plan: Plan = { x: 4 };',
    'export function tick(obs: Observation): unknown[] {',
    '  if (obs.tick === 1) throw new Error("on purpose");',
    '  return [{ moveTo: { x: plan.x, y: 0 } }];',
    '}',
  ].join('\n');

  it('runs, with errors on the author\'s line', () => {
    const r = runPolicy(TS, { filename: 'team.ts' });
    expect(r.setup.ok).toBe(true);
    expect(moveX(r, 0)).toEqual([CF_MOVE, 4]);
    expect(r.faults[0]?.line).toBe(7);
    expect(r.faults[0]?.message).toMatch(/on purpose/);
  });

  it('a TypeScript syntax error is refused with its line', () => {
    const r = runPolicy('const a: number = 1;\nconst b: number = ;\nexport function tick() {}\n', { filename: 'team.ts' });
    expect(r.setup.ok).toBe(false);
    expect(r.setup.reason).toMatch(/^team\.ts:2: syntax error/);
  });

  it('a budget overrun in TypeScript names the author\'s line', () => {
    const r = runPolicy('type N = number;\n\nexport function tick(): N[] {\n  const x: N = 1;\n  while (x > 0) {}\n  return [];\n}', { filename: 'team.ts' });
    expect(r.faults[0]?.kind).toBe('budget');
    expect(r.faults[0]?.line).toBe(5);
  });
});

describe('files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'matchday-sandbox-'));

  it('loads a .mjs file from disk', () => {
    const file = join(dir, 'p.mjs');
    writeFileSync(file, 'export function tick() { return [{ moveTo: { x: 2, y: 0 } }]; }');
    const c = createSandboxController({ file });
    expect(c.setup(INFO)).toEqual({ ok: true });
    c.dispose();
  });

  it('a missing file is refused, naming it', () => {
    const c = createSandboxController({ file: join(dir, 'missing.js') });
    const s = c.setup(INFO);
    expect(s.ok).toBe(false);
    expect(s.reason).toMatch(/missing\.js: cannot read the policy file \(no such file\)/);
  });

  it('a wrong extension is refused', () => {
    const s = createSandboxController({ source: 'x', filename: 'p.rb' }).setup(INFO);
    expect(s.reason).toMatch(/p\.rb: a policy must be a \.js, \.mjs, \.ts or \.py file/);
  });

  it('setup logs are kept for the author', () => {
    const c = createSandboxController({ source: 'console.log("loading");\nexport function setup() { console.warn("ready"); }\nexport function tick() { return []; }' });
    expect(c.setup(INFO).ok).toBe(true);
    expect(c.setupLogs).toEqual(['loading', 'warn: ready']);
    c.dispose();
  });
});
