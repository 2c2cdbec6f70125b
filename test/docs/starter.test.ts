// The starter `matchday new` writes plays every phase itself: it scores, passes and shoots,
// takes its own restarts and shoot-out kicks, and its keeper keeps to the laws. The JS and
// TS starters are the same team.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MatchEvent } from '../../engine/state.js';
import { play } from './play.js';
import { ROOT } from './render.js';

const js = readFileSync(ROOT + 'policies/starter.js', 'utf8');
const ts = readFileSync(ROOT + 'policies/starter.ts', 'utf8');
const ours = (events: MatchEvent[], type: string): MatchEvent[] => events.filter((e) => e.team === 0 && e.type === type);

describe('the starter policy', () => {
  it('beats a team that stands still: goals, shots, passes, no restart left to the referee, no keeper offence', () => {
    const { result, problems } = play(js, 'starter.js', 'policies/statue.js', { halfTicks: 600 });
    expect(problems).toEqual([]);
    expect(result.score[0]).toBeGreaterThan(result.score[1]);
    const s = result.stats.teams[0];
    expect(s.shots).toBeGreaterThan(0);
    expect(s.passes).toBeGreaterThan(0);
    expect(ours(result.events, 'auto_restart')).toEqual([]);
    for (const t of ['handling', 'back_pass', 'six_seconds', 'double_touch']) expect(ours(result.events, t), t).toEqual([]);
  });

  it('against a busy opponent, takes every restart itself and commits no keeper offence', () => {
    const { result, problems } = play(js, 'starter.js', 'policies/chaser.js', { halfTicks: 600 });
    expect(problems).toEqual([]);
    expect(result.stats.teams[0].passesCompleted).toBeGreaterThan(0);
    expect(ours(result.events, 'auto_restart')).toEqual([]);
    expect(ours(result.events, 'catch').length).toBeGreaterThan(0);
    for (const t of ['handling', 'back_pass', 'six_seconds', 'double_touch']) expect(ours(result.events, t), t).toEqual([]);
  });

  it('takes its shoot-out kicks itself', () => {
    const { result, problems } = play(js, 'starter.js', 'policies/starter.js', { halfTicks: 10, shootout: true });
    expect(problems).toEqual([]);
    expect(ours(result.events, 'shootout_kick').length).toBeGreaterThanOrEqual(3);
    expect(result.events.filter((e) => e.type === 'auto_restart')).toEqual([]);
  });

  it('plays the same match in JavaScript and in TypeScript', () => {
    // Same team name: the name keys the team's random streams.
    const a = play(js, 'starter.js', 'policies/chaser.js', { homeName: 'starter' });
    const b = play(ts, 'starter.ts', 'policies/chaser.js', { homeName: 'starter' });
    expect(b.problems).toEqual([]);
    expect(b.result.hash).toBe(a.result.hash);
  });
});
