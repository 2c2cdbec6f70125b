// `matchday season new`: the formats and their lengths on the command line, refused in one line before anything is written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'md-season-new-'));
function seasonNew(name: string, ...args: string[]) {
  const dir = join(tmp, name);
  const r = spawnSync('node', ['bin/matchday.mjs', 'season', 'new', dir, '--manual', ...args], { encoding: 'utf8' });
  return { ...r, dir };
}

describe('matchday season new', () => {
  it('says how many matchdays each format has, a World Cup of eight teams included', () => {
    expect(seasonNew('l', '--teams', 'A,B,C,D').stdout).toMatch(/4 teams, league, 3 matchdays/);
    expect(seasonNew('d', '--teams', 'A,B,C,D', '--double').stdout).toMatch(/league, 6 matchdays/);
    expect(seasonNew('k', '--teams', 'A,B,C,D,E', '--format', 'knockout').stdout).toMatch(/knockout, 3 matchdays/);
    const wc = seasonNew('w', '--teams', 'A,B,C,D,E,F,G,H', '--format', 'worldcup', '--matchdays', '5', '--no-third-place');
    expect(wc.stdout).toMatch(/8 teams, worldcup, 5 matchdays/);
    expect(JSON.parse(readFileSync(join(wc.dir, 'season.json'), 'utf8')).format).toEqual({ type: 'worldcup', thirdPlace: false });
  });

  it('takes --matchdays as a Swiss season\'s rounds', () => {
    const r = seasonNew('s', '--teams', 'A,B,C,D,E,F', '--format', 'swiss', '--matchdays', '4');
    expect(r.stdout).toMatch(/swiss, 4 matchdays/);
    expect(JSON.parse(readFileSync(join(r.dir, 'season.json'), 'utf8')).format).toEqual({ type: 'swiss', rounds: 4 });
  });

  it.each([
    ['a league of another length', ['--teams', 'A,B,C,D', '--matchdays', '5'], /^matchday: --matchdays 5: a league season of 4 teams has 3 matchdays \(--double: twice as many\)$/],
    ['rounds and matchdays that disagree', ['--teams', 'A,B,C,D', '--format', 'swiss', '--rounds', '2', '--matchdays', '3'], /^matchday: --rounds 2 and --matchdays 3 disagree/],
    ['a World Cup of six teams', ['--teams', 'A,B,C,D,E,F', '--format', 'worldcup'], /^matchday: bad season: teams: a worldcup season takes 8, 16 or 32 teams \(groups of four\), got 6$/],
    ['an unknown format', ['--teams', 'A,B', '--format', 'cup'], /^matchday: --format must be league, swiss, knockout or worldcup, got 'cup'$/],
  ])('refuses %s in one line and writes nothing', (name, args, message) => {
    const r = seasonNew(`bad-${name.replace(/\W+/g, '-')}`, ...args);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(existsSync(r.dir)).toBe(false);
  });
});
