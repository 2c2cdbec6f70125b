// The host trusts nothing it reads back from the isolate: malformed replies and extras are
// refused with a reason (the controller makes that the team's fault for the tick), and what is
// accepted is rebuilt from checked fields only.
import { describe, expect, it } from 'vitest';
import { CMD_LENGTH } from '../../engine/obs-layout.js';
import { checkExtras, checkReply } from '../../sandbox/check.js';
import { DEFAULT_LIMITS } from '../../sandbox/limits.js';
import { R_EXTRAS, R_STATUS, R_USED, REPLY_LENGTH, ST_BUDGET } from '../../sandbox/protocol.js';

const reply = (patch: Record<number, number> = {}): Float64Array => {
  const r = new Float64Array(REPLY_LENGTH);
  for (const [k, v] of Object.entries(patch)) r[Number(k)] = v;
  return r;
};
const good = { warnings: ['w'], logs: ['a', 'b'], marks: [{ kind: 'dot', x: 1, y: 2, color: 'red' }], error: null };

describe('checkReply', () => {
  it('accepts a well-formed reply', () => {
    const r = checkReply(reply({ [R_USED]: 10, [R_STATUS]: ST_BUDGET, [R_EXTRAS]: 1 }), 100);
    expect(r).toMatchObject({ status: ST_BUDGET, used: 10, extras: true });
  });
  it.each([
    ['not a Float64Array', [1, 2, 3]],
    ['too short', new Float64Array(3)],
    ['unknown status', reply({ [R_STATUS]: 9 })],
    ['fractional status', reply({ [R_STATUS]: 0.5 })],
    ['NaN used', reply({ [R_USED]: NaN })],
    ['used over the budget', reply({ [R_USED]: 101 })],
    ['negative used', reply({ [R_USED]: -1 })],
    ['odd extras flag', reply({ [R_EXTRAS]: 2 })],
    ['NaN command', reply({ 1: NaN })],
    ['huge command', reply({ 1: 1e300 })],
    ['flags not whole', reply({ 0: 1.5 })],
  ])('refuses %s', (_, raw) => {
    expect(typeof checkReply(raw, 100)).toBe('string');
  });
  it('commands of length CMD_LENGTH', () => {
    const r = checkReply(reply(), 1);
    expect(typeof r !== 'string' && r.commands.length).toBe(CMD_LENGTH);
  });
});

describe('checkExtras', () => {
  it('rebuilds good extras without extra fields', () => {
    const r = checkExtras({ ...good, marks: [{ ...good.marks[0], evil: 'x'.repeat(10) }], more: 1 }, DEFAULT_LIMITS);
    expect(r).toEqual(good);
  });
  it.each([
    ['null', null],
    ['a string', 'x'],
    ['a null mark', { ...good, marks: [null] }],
    ['a mark with a NaN', { ...good, marks: [{ kind: 'dot', x: NaN, y: 0, color: 'red' }] }],
    ['a mark of unknown kind', { ...good, marks: [{ kind: 'circle', x: 0, y: 0, color: 'red' }] }],
    ['a huge label', { ...good, marks: [{ kind: 'text', x: 0, y: 0, text: 'x'.repeat(1000), color: 'red' }] }],
    ['a huge colour', { ...good, marks: [{ kind: 'dot', x: 0, y: 0, color: 'x'.repeat(100) }] }],
    ['too many marks', { ...good, marks: new Array(DEFAULT_LIMITS.maxDebugMarks + 1).fill(good.marks[0]) }],
    ['a 4-million-character log line', { ...good, logs: ['x'.repeat(4_000_000)] }],
    ['too many log lines', { ...good, logs: new Array(DEFAULT_LIMITS.maxLogLines + 3).fill('l') }],
    ['a non-string log line', { ...good, logs: [{}] }],
    ['logs not a list', { ...good, logs: 'l' }],
    ['too many warnings', { ...good, warnings: new Array(1000).fill('w') }],
    ['a huge error message', { ...good, error: { message: 'm'.repeat(100_000), stack: '' } }],
    ['an error without a stack', { ...good, error: { message: 'm' } }],
  ])('refuses %s', (_, raw) => {
    expect(typeof checkExtras(raw, DEFAULT_LIMITS)).toBe('string');
  });
});
