import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function play(home: string, away: string): { text: string; json: Record<string, unknown> } {
  const out = execFileSync('node', ['bin/matchday.mjs', 'play', home, away, '--half-ticks', '50', '--json'], { encoding: 'utf8' });
  const lines = out.trim().split('\n');
  return { text: lines.slice(0, -1).join('\n'), json: JSON.parse(lines[lines.length - 1]!) as Record<string, unknown> };
}

describe('a team that cannot start', () => {
  it('forfeits 0-3, and play says why in its text and its JSON', () => {
    const r = play('test/fixtures/policies/syntax-error.js', 'builtin:chaser');
    expect(r.json.score).toEqual([0, 3]);
    expect(r.json.winner).toBe('away');
    const forfeit = r.json.forfeit as { home: string | null; away: string | null };
    expect(forfeit.away).toBeNull();
    expect(forfeit.home).toMatch(/syntax-error\.js:3: syntax error/);
    expect(r.text).toMatch(/forfeits/);
  });

  it('both failing is a double forfeit', () => {
    const r = play('test/fixtures/policies/syntax-error.js', 'test/fixtures/policies/syntax-error.js');
    expect(r.json.score).toEqual([0, 0]);
    expect(r.json.winner).toBe('none');
    expect(r.json.endReason).toBe('double_forfeit');
  });
});
