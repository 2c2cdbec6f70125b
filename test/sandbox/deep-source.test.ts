// A policy file nested deeper than the parsers' stacks take is refused at load, with one line, at a
// fixed depth (MAX_SOURCE_DEPTH): before, 700 nested parentheses crashed the process preparing it
// ("internal error: RangeError: Maximum call stack size exceeded" from TypeScript's parser), which in
// a cup is the organizer.
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_DEPTH } from '../../sandbox/instrument.js';
import { runPolicy } from './harness.js';

const TICK = '\nexport function tick() { return []; }\n';
const nested = (open: string, inner: string, close: string, n: number): string => open.repeat(n) + inner + close.repeat(n);
const refusedDeep = (source: string, filename = 'deep.js'): void => {
  const r = runPolicy(source, { filename, ticks: 1 });
  expect(r.setup.ok).toBe(false);
  expect(r.setup.reason).toMatch(new RegExp(`^${filename.replace('.', '\\.')}(:\\d+)?: the code nests deeper than ${MAX_SOURCE_DEPTH} levels`));
  r.controller.dispose();
};

describe('policy source nested too deeply', () => {
  it('20,000 nested arrays (past the parser\'s stack) are refused, in JavaScript and TypeScript', () => {
    refusedDeep(`const x = ${nested('[', '', ']', 20000)};${TICK}`);
    refusedDeep(`const x: unknown = ${nested('[', '', ']', 20000)};${TICK}`, 'deep.ts');
  });
  it('700 nested parentheses, 1,000 negations, 5,000 else-ifs are refused at the fixed depth', () => {
    refusedDeep(`const x = ${nested('(', '1', ')', 700)};${TICK}`);
    refusedDeep(`const x = ${'!'.repeat(1000)}1;${TICK}`);
    refusedDeep(`function f(a) { ${'if (a) a++; else '.repeat(5000)}a--; }${TICK}`);
  });
  it('code nested a few hundred levels still loads and plays', () => {
    const r = runPolicy(`const x = ${nested('[', '1', ']', 200)};\nconst y = ${nested('(', '1', ')', 200)};${TICK}`, { ticks: 1 });
    expect(r.setup.reason).toBeUndefined();
    expect(r.faults).toEqual([]);
    r.controller.dispose();
  });
});
