// Renders the docs templates (docs/src/*.md) into the docs contestants read (docs/*.md):
// `{{name}}` becomes the value the code has (values.ts). An unknown name is an error,
// so a typo cannot leave a placeholder in the published text.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docValues } from './values.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Each published doc and the template it is rendered from (paths from the repository root). */
export const DOCS = [
  { template: 'docs/src/RULES.md', out: 'docs/RULES.md' },
  { template: 'docs/src/POLICY_API.md', out: 'docs/POLICY_API.md' },
  { template: 'docs/src/REPLAY.md', out: 'docs/REPLAY.md' },
  { template: 'docs/src/PYTHON.md', out: 'docs/PYTHON.md' },
] as const;

const PLACEHOLDER = /\{\{([A-Za-z_][\w.]*)\}\}/g;
/** The template's own first-line note, replaced by a note that the output is generated. */
const TEMPLATE_NOTE = /^<!--[^]*?-->\n/;

export function render(template: string, values: Record<string, string>, name: string): string {
  const unknown = new Set<string>();
  const body = template.replace(TEMPLATE_NOTE, '').replace(PLACEHOLDER, (_, key: string) => {
    const v = values[key];
    if (v === undefined) unknown.add(key);
    return v ?? '';
  });
  if (unknown.size > 0) throw new Error(`${name}: unknown placeholders: ${[...unknown].join(', ')}`);
  return `<!-- Generated from ${name} by test/docs/write-docs.ts: edit the template, not this file. -->\n${body}`;
}

/** The text every published doc should have now. */
export function renderAll(): Array<{ out: string; text: string }> {
  const values = docValues();
  return DOCS.map((d) => ({ out: d.out, text: render(readFileSync(ROOT + d.template, 'utf8'), values, d.template) }));
}

export function writeAll(): string[] {
  const written: string[] = [];
  for (const d of renderAll()) {
    writeFileSync(ROOT + d.out, d.text);
    written.push(d.out);
  }
  return written;
}
