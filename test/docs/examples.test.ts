// Every code example in the docs runs against the current engine, in the real sandbox:
// a ```js, ```ts or ```py block is a complete policy, a ```js / ```py fragment block is the
// body of tick(obs). Each plays open play and restarts, and a penalty shoot-out, without a fault
// or a malformed command, so an example cannot drift from the API it shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { play } from './play.js';
import { DOCS, ROOT } from './render.js';

interface Example {
  where: string;
  lang: 'js' | 'ts' | 'py';
  fragment: boolean;
  code: string;
}

const FENCE = /^```([a-z]*)([^\n]*)\n([^]*?)^```$/gm;

export function examples(doc: string, text: string): Example[] {
  const out: Example[] = [];
  for (const m of text.matchAll(FENCE)) {
    const lang = m[1] ?? '';
    const line = text.slice(0, m.index).split('\n').length;
    if (lang !== 'js' && lang !== 'ts' && lang !== 'py') {
      // Only these kinds of blocks exist in the docs; anything else would go untested.
      expect(['', 'text', 'sh', 'json'], `${doc}:${line}: a \`\`\`${lang} block`).toContain(lang);
      continue;
    }
    const info = (m[2] ?? '').trim();
    expect(['', 'fragment'], `${doc}:${line}: unknown block marker '${info}'`).toContain(info);
    out.push({ where: `${doc}:${line}`, lang, fragment: info === 'fragment', code: m[3] ?? '' });
  }
  return out;
}

const all = DOCS.flatMap((d) => examples(d.out, readFileSync(ROOT + d.out, 'utf8')));

function policyOf(e: Example): string {
  if (!e.fragment) return e.code;
  if (e.lang === 'py') return `def tick(obs):\n${e.code.replace(/^(?=.)/gm, '    ')}`;
  return `export function tick(obs) {\n${e.code}}\n`;
}

describe('the examples in the docs', () => {
  it('are there: complete policies and fragments in both docs', () => {
    expect(all.filter((e) => !e.fragment).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((e) => e.fragment).length).toBeGreaterThanOrEqual(3);
    expect(all.some((e) => e.lang === 'ts')).toBe(true);
    expect(all.filter((e) => e.lang === 'py' && !e.fragment).length).toBeGreaterThanOrEqual(2);
    expect(all.some((e) => e.lang === 'py' && e.fragment)).toBe(true);
  });

  for (const e of all) {
    const file = `example.${e.lang}`;
    it(`${e.where} plays open play and restarts without a fault or a warning`, () => {
      const { result, problems } = play(policyOf(e), file, 'policies/chaser.js');
      expect(problems).toEqual([]);
      expect(result.ticks).toBe(200);
    });

    it(`${e.where} plays a penalty shoot-out without a fault or a warning`, () => {
      // Ten ticks a half: no goal, so a shoot-out follows, against a team that kicks and saves.
      const { result, problems } = play(policyOf(e), file, 'policies/starter.js', { halfTicks: 10, shootout: true });
      expect(problems).toEqual([]);
      expect(result.shootout).not.toBeNull();
    });
  }
});
