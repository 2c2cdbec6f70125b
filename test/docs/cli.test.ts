// `matchday new` writes starters that pass `matchday validate`, and never overwrites a file;
// `matchday spec` prints the whole brief.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'matchday-new-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function matchday(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('node', ['bin/matchday.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('matchday new', () => {
  for (const [name, flags] of [['team.js', []], ['team.ts', ['--ts']]] as const) {
    it(`writes ${name}, which passes matchday validate`, () => {
      const file = join(dir, name);
      const w = matchday('new', file, ...flags);
      expect(w.err).toBe('');
      expect(w.code).toBe(0);
      // The type annotations point at the declaration file written beside the policy.
      expect(readFileSync(file, 'utf8')).toContain("'./matchday.js'");
      expect(readFileSync(file, 'utf8')).not.toContain('../engine/');
      expect(readFileSync(join(dir, 'matchday.d.ts'), 'utf8')).toBe(readFileSync('engine/policy.d.ts', 'utf8'));
      const v = matchday('validate', file, '--half-ticks', '100');
      const out = v.out.trim().split('\n');
      expect(out.at(-1), v.out).toBe('OK: the policy will play');
      expect(v.out).toContain('errors: 0 tick(s) threw');
      expect(v.out).toContain('warnings about malformed commands: 0');
      expect(v.code).toBe(0);
    });
  }

  it('refuses to overwrite an existing file, and leaves it alone', () => {
    const file = join(dir, 'mine.js');
    writeFileSync(file, '// my work\n');
    const r = matchday('new', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file} already exists; matchday new never overwrites a file`);
    expect(readFileSync(file, 'utf8')).toBe('// my work\n');
  });

  it('refuses --ts for a .js name and a name that is not a policy file', () => {
    expect(matchday('new', join(dir, 'x.js'), '--ts').err).toContain('--ts writes TypeScript; name the file .ts');
    const r = matchday('new', join(dir, 'x.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('a policy file must end in .js, .mjs, .ts or .py');
  });
});

describe('matchday spec', () => {
  it('prints the rules, the API, the declaration file and an example policy as one document', () => {
    const r = matchday('spec');
    expect(r.code).toBe(0);
    const text = r.out;
    // One title: Python comments inside code blocks ("# ...") are not headings.
    expect(text.replace(/^```[^]*?^```$/gm, '').match(/^# /gm)).toHaveLength(1);
    expect(text.startsWith("# matchday: the contestant's brief\n")).toBe(true);
    for (const heading of ['## matchday: the rules of the game', '## matchday: the policy API', '## The declaration file: matchday.d.ts', '## An example policy: the starter', '## matchday in Python', '## The Python stubs: policy.pyi']) {
      expect(text).toContain(`\n${heading}\n`);
    }
    expect(text).toContain(readFileSync('engine/policy.d.ts', 'utf8').trim());
    expect(text).toContain('export function tick(obs)');
    expect(text).toContain(readFileSync('policies/policy.pyi', 'utf8').trim());
    expect(text).toContain('def tick(obs):');
    expect(text).not.toContain('<!--');
    expect(text).not.toMatch(/\{\{[A-Za-z_][\w.]*\}\}/); // an unrendered placeholder
  });
});
