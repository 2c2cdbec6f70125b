import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]) {
  return spawnSync('node', ['bin/matchday.mjs', ...args], { encoding: 'utf8' });
}

describe('the command line on bad input', () => {
  it('every command has --help', () => {
    for (const cmd of ['play', 'verify', 'validate', 'cup', 'serve', 'scrim', 'spec', 'new', 'inspect', 'worker', 'season', 'host', 'submit', 'notebook', 'logs']) {
      const r = cli(cmd, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Usage: matchday ${cmd}`);
    }
  });

  it('--version names everything that decides whether two machines agree', () => {
    const r = cli('--version');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^matchday engine \d+\.\d+\.\d+, replay format \d+, node \d+\.\d+\.\d+, v8 \S+\n$/);
    expect(r.stdout).toContain(`node ${process.versions.node}`);
  });

  it('an unknown option is refused', () => {
    const r = cli('play', 'builtin:chaser', 'builtin:statue', '--sed', '3');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown option '--sed'/);
  });

  it('an unknown command is refused', () => {
    const r = cli('plya');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command 'plya'/);
  });

  it('a missing policy file is named', () => {
    const r = cli('play', 'nope.js', 'builtin:statue');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nope.js: policy file not found');
  });

  it('an unknown built-in team is named, with the known ones', () => {
    const r = cli('play', 'builtin:brazil', 'builtin:statue');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown built-in team 'brazil' \(known: .*possession/);
  });

  it('a bad seed is refused', () => {
    for (const seed of ['-1', 'abc', '1.5', '99999999999']) {
      const r = cli('play', 'builtin:chaser', 'builtin:statue', '--seed', seed);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/--seed must be/);
    }
  });

  it('a malformed match config names the file and the field', () => {
    const r = cli('play', 'builtin:chaser', 'builtin:statue', '--config', 'package.json');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/package\.json: .*(name|Unrecognized)/);
  });
});
