// The import rules of DESIGN.md ("imports point one way") and the engine's determinism rules, as a checker
// that returns one line per violation. Pure over a map of files, so the test can feed it synthetic trees.
import ts from 'typescript';
import { buildGraph, findCycles, type Graph, type Import } from './graph.js';

/**
 * The areas of the project, most specific first, and which other areas each may import.
 * An area not listed here fails the check: a new top-level folder must say where it sits.
 * Nothing imports bin/ but bin/ itself and the tests of the CLI; scripts/ sits beside test/.
 */
export const AREAS: ReadonlyArray<{ area: string; may: readonly string[] }> = [
  { area: 'engine/', may: [] },
  { area: 'sandbox/', may: ['engine/'] },
  { area: 'tournament/', may: ['sandbox/', 'engine/'] },
  { area: 'viewer/protocol.ts', may: ['engine/'] },
  { area: 'viewer/client/', may: ['viewer/protocol.ts', 'engine/'] },
  { area: 'viewer/server/', may: ['viewer/protocol.ts', 'viewer/build/', 'tournament/', 'sandbox/', 'engine/'] },
  // What the client build is made from and its stamp: read by the build config and by serve (node only).
  { area: 'viewer/build/', may: [] },
  { area: 'viewer/vite.config.ts', may: ['viewer/build/'] },
  { area: 'policies/', may: ['engine/'] },
  // The season service sits above the tournament, beside the viewer (DESIGN.md, "the second wave").
  { area: 'season/', may: ['tournament/', 'sandbox/', 'policies/', 'engine/'] },
  { area: 'bin/', may: ['season/', 'viewer/server/', 'viewer/build/', 'viewer/protocol.ts', 'tournament/', 'sandbox/', 'policies/', 'engine/'] },
  { area: 'scripts/', may: ['tournament/', 'sandbox/', 'policies/', 'engine/', 'viewer/protocol.ts'] },
  // Benchmarks may use anything the tests use; tests never import a benchmark or a script (issue 16):
  // what both need lives in the code under test or in test/helpers/.
  { area: 'test/bench/', may: ['*'] },
  { area: 'test/', may: ['engine/', 'sandbox/', 'tournament/', 'season/', 'policies/', 'bin/', 'viewer/protocol.ts', 'viewer/client/', 'viewer/server/', 'viewer/build/', 'viewer/vite.config.ts', './'] },
  // Tool configs at the repository root (vitest's read the list of test tiers).
  { area: './', may: ['test/'] },
];

/** Packages the engine may use: pure JavaScript that runs unchanged in Node and in browsers. */
export const ENGINE_PACKAGES: readonly string[] = ['seedrandom', 'fflate'];
/** The browser client bundles only these (and what the engine and the protocol bring). */
export const CLIENT_PACKAGES: readonly string[] = ['react', 'react-dom'];

/**
 * Imports that break a rule on purpose, each with the reason. An entry that no longer matches
 * any import fails the check too, so whoever removes the import removes the entry with it.
 */
export interface Exception {
  from: string;
  /** A project file or a package name. */
  to: string;
  why: string;
}

export const EXCEPTIONS: readonly Exception[] = [];

/** Math functions whose result is exact (or correctly rounded by IEEE 754) on every platform; all others are banned in the engine. */
export const EXACT_MATH: readonly string[] = ['sqrt', 'abs', 'min', 'max', 'floor', 'ceil', 'round', 'trunc', 'sign', 'imul', 'fround', 'clz32'];
/** Globals that read the clock, the host or an unseeded random source: banned in the engine. */
export const BANNED_GLOBALS: readonly string[] = ['Date', 'performance', 'process', 'crypto', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask'];
/** Engine files that never touch match state and may use what the rest may not (none yet: say why when adding one). */
export const NONDETERMINISM_EXEMPT: ReadonlyArray<{ file: string; why: string }> = [];

export interface Manifest {
  /** Every package named in package.json (dependencies and devDependencies). */
  packages: ReadonlySet<string>;
}

function areaOf(path: string): string | null {
  if (!path.includes('/')) return './';
  for (const a of AREAS) if (a.area.endsWith('/') ? path.startsWith(a.area) : path === a.area) return a.area;
  return null;
}

function where(i: Import): string {
  return `${i.from}:${i.line}`;
}

/** Folder direction, packages and bin/: one message per offending import. */
function checkImports(graph: Graph, manifest: Manifest, exceptions: readonly Exception[], used: Set<Exception>): string[] {
  const out: string[] = [];
  for (const file of graph.trees.keys()) {
    if (areaOf(file) === null) out.push(`${file}: not in any area of test/structure/rules.ts (AREAS): say which layers it may import`);
  }
  for (const i of graph.imports) {
    const from = areaOf(i.from);
    if (from === null) continue;
    const target = i.file ?? i.pkg;
    if (target === null) {
      out.push(`${where(i)}: cannot resolve '${i.spec}'`);
      continue;
    }
    const exception = exceptions.find((e) => e.from === i.from && e.to === target);
    if (exception) {
      used.add(exception);
      continue;
    }
    if (i.file !== null) {
      const to = areaOf(i.file);
      if (to === from) continue;
      if (to === 'bin/' && from !== 'test/') {
        out.push(`${where(i)}: imports ${i.file}; nothing outside bin/ imports the CLI (move what it needs below it)`);
        continue;
      }
      const rule = AREAS.find((a) => a.area === from)!;
      if (to === null || !(rule.may.includes('*') || rule.may.includes(to))) {
        out.push(`${where(i)}: ${from} may not import ${i.file} (${from} may import ${rule.may.length > 0 ? rule.may.join(', ') : 'nothing outside itself'})`);
      }
      continue;
    }
    const pkg = i.pkg!;
    if (from === 'engine/' && !ENGINE_PACKAGES.includes(pkg)) {
      out.push(`${where(i)}: the engine imports '${i.spec}'; it may use only ${ENGINE_PACKAGES.join(', ')} (pure, runs in browsers)`);
    } else if (from === 'viewer/client/' && !CLIENT_PACKAGES.includes(pkg)) {
      out.push(`${where(i)}: the browser client imports '${i.spec}'; it may use only ${CLIENT_PACKAGES.join(', ')}`);
    } else if (!pkg.startsWith('node:') && !manifest.packages.has(pkg)) {
      out.push(`${where(i)}: imports '${i.spec}', which package.json does not declare`);
    }
  }
  return out;
}

/** True when `id` is a reference to a variable (not a property name, a key or a declared name). */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (ts.isPropertyAccessExpression(p) ? p.name : p.right) === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p) || ts.isEnumMember(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return true;
}

/** Clock, host and non-exact arithmetic in one engine file. */
function checkDeterminism(file: string, sf: ts.SourceFile): string[] {
  const out: string[] = [];
  const at = (n: ts.Node): string => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && isReference(n)) {
      if (n.text === 'Math') {
        const p = n.parent;
        const member = ts.isPropertyAccessExpression(p) && p.expression === n ? p.name.text : null;
        if (member === null) out.push(`${at(n)}: Math used other than as Math.<exact function>: the engine may not reach its non-exact members indirectly`);
        else if (!EXACT_MATH.includes(member)) out.push(`${at(n)}: Math.${member} in the engine: not bit-exact across platforms (or not seeded); use ${EXACT_MATH.join(', ')}`);
      } else if (BANNED_GLOBALS.includes(n.text)) {
        out.push(`${at(n)}: ${n.text} in the engine: the engine reads no clock, no host and no unseeded randomness`);
      }
    }
    if (n.kind === ts.SyntaxKind.AsteriskAsteriskToken || n.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken) {
      out.push(`${at(n)}: ** in the engine: a power is not bit-exact across platforms; multiply`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Every violation in the given files, one line each; empty when the tree keeps every rule. */
export function check(files: ReadonlyMap<string, string>, manifest: Manifest, exceptions: readonly Exception[] = EXCEPTIONS): string[] {
  const graph = buildGraph(files);
  const out: string[] = [];
  for (const cycle of findCycles(graph)) out.push(`import cycle: ${cycle.join(' -> ')}`);
  const used = new Set<Exception>();
  out.push(...checkImports(graph, manifest, exceptions, used));
  for (const e of exceptions) {
    if (!used.has(e)) out.push(`test/structure/rules.ts: exception ${e.from} -> ${e.to} matches no import any more: delete it`);
  }
  for (const [file, sf] of graph.trees) {
    if (!file.startsWith('engine/') || file.endsWith('.d.ts')) continue;
    if (NONDETERMINISM_EXEMPT.some((x) => x.file === file)) continue;
    out.push(...checkDeterminism(file, sf));
  }
  return out;
}
