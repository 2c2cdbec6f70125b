// The caches that keep TypeScript and esbuild off the match path: bundle keys follow every input byte,
// policy keys follow the text, the budgets and the instrumenter's version, and a corrupt entry of either
// cache is rebuilt, never used.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleKey, pruneUnused } from '../../sandbox/build-cache.mjs';
import { resolveLimits } from '../../sandbox/limits.js';
import { entryFile, forgetPreparedPolicies, hashSourceDirs, policyKey, preparePolicy } from '../../sandbox/policy-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'md-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const limits = resolveLimits({});

describe('bundle keys', () => {
  const inputs: Array<[string, string]> = [
    ['tournament/runner/child.ts', 'a'.repeat(64)],
    ['sandbox/controller.ts', 'b'.repeat(64)],
  ];
  it('change with any input byte, any input path and the target', () => {
    const key = bundleKey('child', inputs);
    expect(bundleKey('child', inputs)).toBe(key);
    expect(bundleKey('child', [inputs[0]!, ['sandbox/controller.ts', 'c'.repeat(64)]])).not.toBe(key);
    expect(bundleKey('child', [inputs[0]!, ['sandbox/controler.ts', 'b'.repeat(64)]])).not.toBe(key);
    expect(bundleKey('child', [inputs[0]!])).not.toBe(key);
    expect(bundleKey('cli', inputs)).not.toBe(key);
  });

  it('a corrupt bundle or record is rebuilt, in a fresh cache folder', () => {
    const cache = join(dir, 'build-cache');
    const built = () =>
      execFileSync(process.execPath, ['--input-type=module', '-e', "import { builtFile } from './sandbox/build-cache.mjs'; process.stdout.write(builtFile('guest-runtime'));"], {
        encoding: 'utf8',
        env: { ...process.env, MATCHDAY_CACHE_DIR: cache },
      });
    const file = built();
    expect(file.startsWith(cache)).toBe(true);
    const good = readFileSync(file, 'utf8');
    expect(good).toMatch(/runTick/);
    writeFileSync(file, good.replace('runTick', 'runTock'));
    expect(built()).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(good);
    writeFileSync(file.replace(/\.mjs$/, '.json'), '{"key":');
    expect(built()).toBe(file);
    const record = JSON.parse(readFileSync(file.replace(/\.mjs$/, '.json'), 'utf8')) as { files: Array<{ name: string; bytes: number }> };
    expect(record.files).toEqual([expect.objectContaining({ name: 'guest-runtime.mjs', bytes: Buffer.byteLength(good) })]);
  });
});

describe('the policy cache', () => {
  const text = `// cache test ${process.pid}-${Date.now()}\nexport function tick(obs) { for (let i = 0; i < 3; i++) {} return []; }\n`;

  it('keys on the text, its language, the budgets and the depth cap', () => {
    const key = policyKey({ text, typescript: false }, limits);
    expect(policyKey({ text, typescript: false }, { ...limits })).toBe(key);
    expect(policyKey({ text: `${text} `, typescript: false }, limits)).not.toBe(key);
    expect(policyKey({ text, typescript: true }, limits)).not.toBe(key);
    expect(policyKey({ text, typescript: false }, { ...limits, maxCallDepth: limits.maxCallDepth + 1 })).not.toBe(key);
    expect(policyKey({ text, typescript: false }, { ...limits, tickBudget: limits.tickBudget + 1 })).not.toBe(key);
    expect(policyKey({ text, typescript: false }, { ...limits, setupBudget: limits.setupBudget + 1 })).not.toBe(key);
  });

  it("the instrumenter's version follows every byte of the sandbox's sources (a temp copy, edited)", () => {
    const copy = join(dir, 'sandbox');
    cpSync('sandbox', copy, { recursive: true });
    const before = hashSourceDirs(copy);
    expect(hashSourceDirs(copy)).toBe(before);
    writeFileSync(join(copy, 'guest', 'budget.ts'), `${readFileSync(join(copy, 'guest', 'budget.ts'), 'utf8')}\n`);
    const guestEdited = hashSourceDirs(copy);
    expect(guestEdited).not.toBe(before);
    writeFileSync(join(copy, 'instrument.ts'), `${readFileSync(join(copy, 'instrument.ts'), 'utf8')}// edited\n`);
    expect(hashSourceDirs(copy)).not.toBe(guestEdited);
  });

  it('serves the same text under any file name, and rebuilds a corrupt entry', () => {
    const first = preparePolicy({ source: text, filename: 'a.js' }, limits);
    if (!first.ok) throw new Error(first.reason);
    expect(first.code).toMatch(/if\(--/); // instrumented
    const file = entryFile(policyKey({ text, typescript: false }, limits));
    const stored = readFileSync(file, 'utf8');
    const other = preparePolicy({ source: text, filename: 'b.js' }, limits);
    expect(other).toEqual({ ...first, filename: 'b.js' });

    for (const corrupt of [stored.slice(0, 40), stored.replace('for (let i', 'for (let j'), '[]', 'null']) {
      writeFileSync(file, corrupt);
      forgetPreparedPolicies();
      expect(preparePolicy({ source: text, filename: 'a.js' }, limits)).toEqual(first);
      expect(readFileSync(file, 'utf8')).toBe(stored);
    }
  });

  it('does not cache a policy that cannot load, and names its file', () => {
    const bad = preparePolicy({ source: `// ${Date.now()}\nexport function tick(obs) {\n  return [;\n}`, filename: 'bad.js' }, limits);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/^bad\.js:3: syntax error/);
  });
});

describe('pruning', () => {
  it('deletes entries (files and bundle folders) unused for longer than the limit, and keeps the rest', () => {
    const root = join(dir, 'prune');
    const old = new Date(Date.now() - 20 * 86_400_000);
    mkdirSync(join(root, 'oldbundle'), { recursive: true });
    mkdirSync(join(root, 'usedbundle'), { recursive: true });
    for (const f of ['oldbundle/a.mjs', 'oldbundle/a.json', 'usedbundle/a.mjs', 'usedbundle/a.json', 'old.json', 'new.json']) writeFileSync(join(root, f), 'x');
    for (const f of ['oldbundle/a.mjs', 'oldbundle/a.json', 'usedbundle/a.mjs', 'old.json']) utimesSync(join(root, f), old, old);
    pruneUnused(root, 14);
    expect(readdirSync(root).sort()).toEqual(['new.json', 'usedbundle']);
  });
});
