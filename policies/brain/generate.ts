// Writes the four reference styles' one-file policies (policies/<style>.js) from the brain's one source, policies/brain/.
//
// A policy is one self-contained file (it cannot import), yet the four reference styles share one
// football brain. The brain is authored once, as modules in this folder that tests can import; this
// generator concatenates them, comments and all, under each style's opening comment and STYLE block.
// No bundler: the generated files are teaching material, embedded in replays, and fault line
// numbers point into them, so they must read exactly like the source.
//
// The rules, all checked (a source that breaks one stops the generator with its file named):
// - Every source file's first line says its role in the source tree and is not copied.
// - A brain module (BRAIN_MODULES, in this order) has a preamble (imports, typedefs for editors) that
//   is dropped, and a body from its first `// ---` separator line to the end that is copied.
// - A style file (styles/<style>.js) has an opening comment, copied as the policy's head, then the
//   body from its first separator: the STYLE block.
// - `export ` is dropped from bodies, except on the policy's entry points (`setup`, `tick`).
// - `export const NAME = <expression>;` over the engine's constants (imported from
//   engine/constants.ts) is written as `const NAME = <value>;`: the policy carries the engine's
//   numbers, the source names where they come from.
// - JSDoc `import('…')` paths are rebased from the source file's folder to policies/.
// - The typedef lines of types.js go after each style's opening comment.
//
// Not generated: policies/ladder/ladder-5.js began as a copy of this brain but is a frozen snapshot;
// the ladder measured in docs/LADDER.md holds only while it stays byte for byte, so later changes to
// the brain must not reach it. ladder-1..4 are separate, smaller teams.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BRAIN_DIR = dirname(fileURLToPath(import.meta.url));
const POLICIES_DIR = dirname(BRAIN_DIR);
const REPO_DIR = dirname(POLICIES_DIR);

/** The styles generated, each from styles/<name>.js plus the brain, into policies/<name>.js. */
export const STYLES = ['possession', 'gegenpress', 'deepblock', 'direct'] as const;
/** The brain's modules, in the order their bodies appear in a policy. */
export const BRAIN_MODULES = ['physics', 'read', 'on-ball', 'off-ball', 'keeper', 'restarts', 'shootout', 'tick'] as const;
/** Declarations that stay exported in the policy: the policy API's entry points. */
const ENTRY_POINTS = new Set(['setup', 'tick']);
/** The command that rewrites the generated files; the drift test's message names it. */
export const REGENERATE = 'npm run gen:policies';

const SEPARATOR = /^\/\/ -{20,}$/;
const ENGINE_IMPORT = /^import \{([^}]*)\} from '\.\.\/\.\.\/engine\/constants\.js';$/;
const EXPORT_DECL = /^export (function|const|let) (\w+)/;
const ENGINE_CONST = /^export const (\w+) = (.+?);( \/\/ .*)?$/;

export interface GeneratedFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

/** One source file: its path (for messages and path rebasing) and its lines. */
interface Source {
  file: string;
  lines: string[];
}

function load(file: string): Source {
  const text = readFileSync(file, 'utf8');
  if (!text.endsWith('\n') || text.includes('\r')) throw new Error(`${rel(file)}: must use \\n line ends and end with one`);
  return { file, lines: text.slice(0, -1).split('\n') };
}

function rel(file: string): string {
  return relative(REPO_DIR, file).split('\\').join('/');
}

/** Splits a source after its role line at the first separator: [head, body]. */
function split(src: Source): [string[], string[]] {
  const at = src.lines.findIndex((l) => SEPARATOR.test(l));
  if (at < 1) throw new Error(`${rel(src.file)}: needs a role line, then a '// ----' separator where the copied part starts`);
  return [src.lines.slice(1, at), src.lines.slice(at)];
}

/** Rebases JSDoc import('…') paths from the source's folder to policies/. */
function rebase(line: string, src: Source): string {
  return line.replace(/import\('(\.\.?\/[^']*)'\)/g, (_m, p: string) => {
    let r = relative(POLICIES_DIR, resolve(dirname(src.file), p)).split('\\').join('/');
    if (!r.startsWith('.')) r = `./${r}`;
    return `import('${r}')`;
  });
}

/** The names a preamble imports from engine/constants.ts (after `as`, where renamed). */
function engineNames(head: string[]): string[] {
  const names: string[] = [];
  for (const l of head) {
    const m = ENGINE_IMPORT.exec(l);
    if (!m) continue;
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name) names.push(name);
    }
  }
  return names;
}

/** A brain module's or a style's body as the policy carries it. */
async function body(src: Source, lines: string[], engine: string[]): Promise<string[]> {
  // Code only: a comment may well say RULES or PHYS in words.
  const code = (text: string) => (/^\s*\*/.test(text) ? '' : text.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, ''));
  const uses = (text: string) => engine.some((n) => new RegExp(`\\b${n}\\b`).test(code(text)));
  // The module's own values of its engine-derived constants (it imports the engine to compute them).
  const values: Record<string, unknown> = engine.length ? await import(pathToFileURL(src.file).href) : {};
  return lines.map((line, i) => {
    const where = `${rel(src.file)}:${i + 1 + src.lines.length - lines.length}`;
    if (/^\s*(import|export)\s*[{*]/.test(line) || /^import /.test(line)) throw new Error(`${where}: imports and re-exports belong in the preamble, above the first separator`);
    const c = ENGINE_CONST.exec(line);
    if (c && uses(c[2]!)) {
      const v = values[c[1]!];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${where}: ${c[1]} does not evaluate to a finite number`);
      return `const ${c[1]} = ${String(v)};${c[3] ?? ''}`;
    }
    if (uses(line)) throw new Error(`${where}: the engine's constants may appear only in 'export const NAME = <expression>;' lines`);
    const e = EXPORT_DECL.exec(line);
    const out = e && !ENTRY_POINTS.has(e[2]!) ? line.slice('export '.length) : line;
    return rebase(out, src);
  });
}

/** The text of policies/<style>.js. */
async function generateStyle(style: string, brain: string, typedefs: string[]): Promise<string> {
  const src = load(join(BRAIN_DIR, 'styles', `${style}.js`));
  const [intro, lines] = split(src);
  const stylePart = await body(src, lines, []);
  const banner =
    `// GENERATED by policies/brain/generate.ts from policies/brain/styles/${style}.js and the brain in policies/brain/: ` +
    `edit those, then run \`${REGENERATE}\`.`;
  return [banner, ...intro, ...typedefs, '', ...stylePart, '', brain].join('\n') + '\n';
}

/** Every generated policy, in memory: nothing is written. */
export async function generatePolicies(): Promise<GeneratedFile[]> {
  const types = load(join(BRAIN_DIR, 'types.js'));
  const typedefs = types.lines.filter((l) => l.startsWith('/** @typedef')).map((l) => rebase(l, types));
  const parts: string[] = [];
  for (const name of BRAIN_MODULES) {
    const src = load(join(BRAIN_DIR, `${name}.js`));
    const [head, lines] = split(src);
    parts.push((await body(src, lines, engineNames(head))).join('\n').trimEnd());
  }
  const brain = parts.join('\n\n');
  const out: GeneratedFile[] = [];
  for (const style of STYLES) out.push({ path: `policies/${style}.js`, text: await generateStyle(style, brain, typedefs) });
  return out;
}

/** Generated files whose committed text differs from what the brain generates now (missing ones included). */
export async function stalePolicies(): Promise<GeneratedFile[]> {
  const stale: GeneratedFile[] = [];
  for (const f of await generatePolicies()) {
    const file = join(REPO_DIR, f.path);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== f.text) stale.push(f);
  }
  return stale;
}

/** Writes the generated files that changed; returns their paths. */
export async function writePolicies(): Promise<string[]> {
  const stale = await stalePolicies();
  for (const f of stale) writeFileSync(join(REPO_DIR, f.path), f.text);
  return stale.map((f) => f.path);
}
