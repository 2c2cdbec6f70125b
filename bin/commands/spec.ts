// `matchday spec`: the contestant's whole brief as one Markdown document on stdout, ready to
// hand to a model: the rules, the policy API, the declaration file, one example policy, and the
// Python section with its stubs.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { starterText } from './new.js';

const ROOT = new URL('../../', import.meta.url);

function read(path: string): string {
  return readFileSync(new URL(path, ROOT), 'utf8');
}

/** Drops the docs' HTML comments and moves every heading one level down, outside code fences, so the brief has one title. */
function nest(markdown: string): string {
  let fenced = false;
  return markdown
    .replace(/<!--[^]*?-->\n?/g, '')
    .split('\n')
    .map((line) => {
      if (line.startsWith('```')) fenced = !fenced;
      return !fenced && /^#{1,5} /.test(line) ? `#${line}` : line;
    })
    .join('\n')
    .trim();
}

/** The brief, as one string. */
export function specText(): string {
  return [
    '# matchday: the contestant\'s brief',
    '',
    'You write one policy file that plays a whole football match for your team, in JavaScript,',
    'TypeScript or Python. This brief has five parts: the rules of the game, the policy API, the',
    'declaration file with every type, a complete example policy (the starter that `matchday new`',
    'writes), and what differs in Python, with its stubs (`policy.pyi`).',
    '',
    nest(read('docs/RULES.md')),
    '',
    nest(read('docs/POLICY_API.md')),
    '',
    '## The declaration file: matchday.d.ts',
    '',
    '```ts',
    read('engine/policy.d.ts').trim(),
    '```',
    '',
    '## An example policy: the starter',
    '',
    '```js',
    // Exactly what `matchday new` writes, type references included.
    starterText(false).trim(),
    '```',
    '',
    nest(read('docs/PYTHON.md')),
    '',
    '## The Python stubs: policy.pyi',
    '',
    '```python',
    read('policies/policy.pyi').trim(),
    '```',
    '',
  ].join('\n');
}

export function registerSpec(program: Command): void {
  program
    .command('spec')
    .description("print the contestant's brief (rules, API, types, an example policy, Python) as one Markdown document")
    .action(() => {
      process.stdout.write(specText());
    });
}
