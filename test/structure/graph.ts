// The project's import graph: every source file, what it imports, resolved to a project file or a package.
// Works on an in-memory map of files so the rules can be tested on synthetic trees too.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

/** One import, export-from, `import()` or `import('x').T` found in a file. */
export interface Import {
  /** Repository-relative path of the importing file. */
  from: string;
  /** The specifier as written. */
  spec: string;
  /** 1-based line, for the message. */
  line: number;
  /** True when it brings in types only (erased at run time; still a dependency between modules). */
  typeOnly: boolean;
  /** The project file it resolves to (relative specifiers), else null. */
  file: string | null;
  /** The package it names (bare specifiers: `zod`, `@types/x`, `node:fs` as `node:fs`), else null. */
  pkg: string | null;
}

export const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
/** Folders that hold no source of ours: dependencies, build output, cup and scrim folders. */
const SKIP = new Set(['node_modules', 'dist', 'out', 'cups', 'scrims', 'coverage']);

/** Every source file under `root`, as repository-relative path -> text. */
export function loadProject(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(root + dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || SKIP.has(e.name)) continue;
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile() && SOURCE.test(e.name)) files.set(rel, readFileSync(root + rel, 'utf8'));
    }
  };
  walk('');
  return files;
}

function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.[mc]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** The file's syntax tree (parsed once per file; the rules walk it for imports and for banned globals). */
export function parse(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
}

const BUILTINS = new Set(builtinModules);

/** The package a bare specifier names: `node:fs` and `fs` both as `node:fs`, `@a/b/c` as `@a/b`, `x/y` as `x`. */
export function packageOf(spec: string): string {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return BUILTINS.has(name) ? `node:${name}` : name;
}

/** A file that is not code (a stylesheet, JSON): imported by bundlers and tsx, and still bound by the folder rules. */
const ASSET = /\.(css|json|svg|png|html|txt|md)$/;

/**
 * Resolves a relative specifier the way NodeNext and tsx do: `.js` may stand for `.ts`, `.tsx` or
 * a `.d.ts`, a folder for its index. An asset resolves to its path as written. Null: no such file.
 */
function resolve(from: string, spec: string, files: ReadonlyMap<string, string>): string | null {
  const base = posix.normalize(posix.join(posix.dirname(from), spec.replace(/\?.*$/, '')));
  if (ASSET.test(base)) return base;
  const stem = base.replace(/\.(m|c)?js$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`, `${stem}.mts`, `${stem}.cts`, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  for (const c of candidates) if (files.has(c)) return c;
  return null;
}

/** Every import of one parsed file. */
export function importsOf(sf: ts.SourceFile, files: ReadonlyMap<string, string>): Import[] {
  const from = sf.fileName;
  const out: Import[] = [];
  const add = (lit: ts.StringLiteralLike, typeOnly: boolean): void => {
    const spec = lit.text;
    const line = sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1;
    const relative = spec.startsWith('.') || spec.startsWith('/');
    out.push({ from, spec, line, typeOnly, file: relative ? resolve(from, spec, files) : null, pkg: relative ? null : packageOf(spec) });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteralLike(n.moduleSpecifier)) {
      const c = n.importClause;
      const typeOnly = c !== undefined && (c.isTypeOnly || (c.name === undefined && c.namedBindings !== undefined && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(n.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteralLike(n.moduleSpecifier)) {
      add(n.moduleSpecifier, n.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteralLike(n.moduleReference.expression)) {
      add(n.moduleReference.expression, n.isTypeOnly);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteralLike(n.arguments[0])) {
      add(n.arguments[0], false);
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteralLike(n.argument.literal)) {
      add(n.argument.literal, true);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

export interface Graph {
  trees: Map<string, ts.SourceFile>;
  imports: Import[];
}

export function buildGraph(files: ReadonlyMap<string, string>): Graph {
  const trees = new Map<string, ts.SourceFile>();
  const imports: Import[] = [];
  for (const [path, text] of files) {
    const sf = parse(path, text);
    trees.set(path, sf);
    imports.push(...importsOf(sf, files));
  }
  return { trees, imports };
}

/**
 * Every import cycle, one per strongly connected component of the file graph (Tarjan), each
 * shown as one concrete loop through it: `a.ts -> b.ts -> a.ts`. Type-only imports count: a
 * cycle of types is still two modules that cannot be understood one without the other.
 */
export function findCycles(graph: Graph): string[][] {
  const next = new Map<string, string[]>();
  for (const i of graph.imports) {
    if (i.file === null) continue;
    const list = next.get(i.from) ?? [];
    if (!list.includes(i.file)) list.push(i.file);
    next.set(i.from, list);
  }
  const nodes = [...graph.trees.keys()].sort();
  for (const l of next.values()) l.sort();
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strong = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      const selfLoop = comp.length === 1 && (next.get(v) ?? []).includes(v);
      if (comp.length > 1 || selfLoop) components.push(comp);
    }
  };
  for (const v of nodes) if (!index.has(v)) strong(v);
  return components.map((comp) => loopThrough(comp, next));
}

/** A shortest loop from the component's first file (alphabetically) back to itself, inside the component. */
function loopThrough(comp: string[], next: Map<string, string[]>): string[] {
  const inside = new Set(comp);
  const start = [...comp].sort()[0]!;
  const prev = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of next.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = prev.get(u)!) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!seen.has(w)) {
        seen.add(w);
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
