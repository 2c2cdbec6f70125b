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
// Variants (VARIANTS): a policy made of the brain plus modules of its own, in policies/brain/<name>/:
// style.js is its head (opening comment and STYLE block, as a style file), then each module in
// `modules` is copied after the brain like a brain module. A variant module may replace a brain
// function by declaring one of the same name: the brain's declaration is then renamed brain<Name>
// (onTheBall becomes brainOnTheBall, tick brainTick, no longer exported), and the variant's module
// must import it under that name (`import { onTheBall as brainOnTheBall } from '../on-ball.js'`),
// so the modules run as modules exactly as the generated file does. policies/ladder/ladder-6.js is
// one; its hash is also pinned by the drift test, since the ladder measured it. So are the
// counter-attacking test opponents in test/fixtures/policies/counter-*.js.
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
/** Policies built from the brain plus modules of their own (see the header): name, output file, modules in order. */
export const VARIANTS = [
  { name: 'ladder-6', path: 'policies/ladder/ladder-6.js', modules: ['defend', 'first-time', 'shot', 'read-opponent'] },
  // Counter-attacking test opponents for ladder-6 (test/slow/ladder-6.test.ts): the brain with their own numbers.
  { name: 'counter-direct', path: 'test/fixtures/policies/counter-direct.js', modules: ['first-time'] },
  { name: 'counter-lowblock', path: 'test/fixtures/policies/counter-lowblock.js', modules: [] },
  { name: 'counter-wings', path: 'test/fixtures/policies/counter-wings.js', modules: [] },
] as const satisfies readonly { name: string; path: string; modules: readonly string[] }[];
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

/** Rebases JSDoc import('…') paths from the source's folder to the generated file's folder (policies/ unless given). */
function rebase(line: string, src: Source, outDir = POLICIES_DIR): string {
  return line.replace(/import\('(\.\.?\/[^']*)'\)/g, (_m, p: string) => {
    let r = relative(outDir, resolve(dirname(src.file), p)).split('\\').join('/');
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
async function body(src: Source, lines: string[], engine: string[], outDir = POLICIES_DIR): Promise<string[]> {
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
    return rebase(out, src, outDir);
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

/** The name a replaced brain function takes: onTheBall -> brainOnTheBall. */
const brainName = (name: string): string => `brain${name[0]!.toUpperCase()}${name.slice(1)}`;

/** The text of a variant's policy: its head, the brain (functions it replaces renamed), its own modules. */
async function generateVariant(v: (typeof VARIANTS)[number]): Promise<string> {
  const outDir = dirname(join(REPO_DIR, v.path));
  const { parts: brainParts, typedefs } = await brainFor(outDir);
  const dir = join(BRAIN_DIR, v.name);
  const src = load(join(dir, 'style.js'));
  const [intro, lines] = split(src);
  const stylePart = await body(src, lines, [], outDir);
  const own: string[] = [];
  const replaced = new Set<string>();
  for (const mod of v.modules) {
    const m = load(join(dir, `${mod}.js`));
    const [head, rest] = split(m);
    const text = await body(m, rest, engineNames(head), outDir);
    for (const line of text) {
      const d = /^(?:export )?function (\w+)\(/.exec(line);
      if (!d || !brainParts.some((part) => new RegExp(`^(?:export )?function ${d[1]}\\(`, 'm').test(part))) continue;
      // The module's own source calls the brain's function under the name it will have in the policy.
      if (!head.some((l) => new RegExp(`\\b${d[1]} as ${brainName(d[1]!)}\\b`).test(l))) {
        throw new Error(`${rel(m.file)}: replaces the brain's ${d[1]}, so it must import it as ${brainName(d[1]!)}`);
      }
      replaced.add(d[1]!);
    }
    own.push(text.join('\n').trimEnd());
  }
  const brain = brainParts
    .map((part) =>
      part.replace(/^(?:export )?function (\w+)\((.*)$/gm, (line, name: string, rest: string) =>
        replaced.has(name) ? `function ${brainName(name)}(${rest} // ${v.name} replaces ${name}: its own calls this one` : line,
      ),
    )
    .join('\n\n');
  const banner =
    `// GENERATED by policies/brain/generate.ts from policies/brain/${v.name}/ and the brain in policies/brain/: ` +
    `edit those, then run \`${REGENERATE}\`.`;
  return [banner, ...intro, ...typedefs, '', ...stylePart, '', brain, '', own.join('\n\n')].join('\n') + '\n';
}

/** The brain modules' bodies and the typedef lines, with JSDoc paths as seen from a generated file in outDir. */
async function brainFor(outDir: string): Promise<{ parts: string[]; typedefs: string[] }> {
  const types = load(join(BRAIN_DIR, 'types.js'));
  const typedefs = types.lines.filter((l) => l.startsWith('/** @typedef')).map((l) => rebase(l, types, outDir));
  const parts: string[] = [];
  for (const name of BRAIN_MODULES) {
    const src = load(join(BRAIN_DIR, `${name}.js`));
    const [head, lines] = split(src);
    parts.push((await body(src, lines, engineNames(head), outDir)).join('\n').trimEnd());
  }
  return { parts, typedefs };
}

/** Every generated policy, in memory: nothing is written. */
export async function generatePolicies(): Promise<GeneratedFile[]> {
  const { parts, typedefs } = await brainFor(POLICIES_DIR);
  const brain = parts.join('\n\n');
  const out: GeneratedFile[] = [];
  for (const style of STYLES) out.push({ path: `policies/${style}.js`, text: await generateStyle(style, brain, typedefs) });
  for (const v of VARIANTS) out.push({ path: v.path, text: await generateVariant(v) });
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
