// The footer comparison verify relies on: the first place two JSON values differ, a field missing on
// one side included (a crafted footer may drop any optional field).
import { describe, expect, it } from 'vitest';
import { firstJsonDifference } from '../../engine/replay/compare.js';

describe('firstJsonDifference', () => {
  it('names the path of the first difference, a missing field or item included', () => {
    expect(firstJsonDifference({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] } })).toEqual({ path: 'b.c[1]', a: '2', b: '3' });
    expect(firstJsonDifference({ a: 1, b: { c: 2 } }, { a: 1, b: {} })).toEqual({ path: 'b.c', a: '2', b: 'nothing' });
    expect(firstJsonDifference([1], [1, 2])).toEqual({ path: '[1]', a: 'nothing', b: '2' });
    expect(firstJsonDifference({ x: 'y'.repeat(500) }, { x: 1 })!.a.length).toBeLessThanOrEqual(80);
    expect(firstJsonDifference({ x: [1, { y: null }] }, { x: [1, { y: null }] })).toBeNull();
  });
});
