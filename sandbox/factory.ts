// Turns an instrumented policy module into a factory: the module's own top level becomes the body of
// one arrow function, exported as __md_m, which returns the policy's exports. A match calls it for
// fresh bindings (every top-level let, const, var, function and class is new), while the functions it
// creates come from the same function literals as the last match's did, so V8 shares their type
// feedback and optimised code between matches of one isolate (sandbox/isolate-pool.ts). The rewrite
// keeps every character of the author's text on its line: `export` keywords become spaces (or, for
// an unnamed default, `const __md_d=` of the same length), export lists become blanks.
import ts from 'typescript';
import { RESERVED_PREFIX } from './protocol.js';

/** The factory's export: `__md_m`. */
export const FACTORY_EXPORT = `${RESERVED_PREFIX}m`;
/** The binding an unnamed default export is held in. */
const DEFAULT_LOCAL = `${RESERVED_PREFIX}d`;

export interface FactoryParts {
  /** [start, end, replacement] edits of the source, each replacement exactly as long as what it replaces. */
  edits: Array<[number, number, string]>;
  /** Opens the arrow: goes right after the instrumenter's header. */
  open: string;
  /** Closes it: goes after the last character of the source. */
  close: string;
}

const blank = (text: string): string => text.replace(/[^\n\r\u2028\u2029]/g, ' ');

function modifier(n: ts.Node, kind: ts.SyntaxKind): ts.Modifier | undefined {
  return ts.canHaveModifiers(n) ? ts.getModifiers(n)?.find((m) => m.kind === kind) : undefined;
}

/** Every name a binding pattern (or a plain name) declares. */
function boundNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const e of name.elements) if (!ts.isOmittedExpression(e)) boundNames(e.name, out);
}

/**
 * The edits and the two ends that make `sf` (already checked: no imports, no re-exports) a factory.
 * `exported` maps each export's name to the local binding that holds it.
 */
export function factoryParts(sf: ts.SourceFile, text: string): FactoryParts {
  const edits: FactoryParts['edits'] = [];
  const exported = new Map<string, string>();
  const cut = (node: ts.Node | undefined, replacement?: string): void => {
    if (!node) return;
    const start = node.getStart(sf);
    const original = text.slice(start, node.end);
    const r = replacement ?? blank(original);
    if (r.length !== original.length) throw new Error(`matchday: factory rewrite of "${original}" changed its length`);
    edits.push([start, node.end, r]);
  };
  for (const st of sf.statements) {
    const exp = modifier(st, ts.SyntaxKind.ExportKeyword);
    if (exp && (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st))) {
      const dflt = modifier(st, ts.SyntaxKind.DefaultKeyword);
      if (dflt && !st.name) {
        // `export default function () {}`: an expression held in __md_d (`const ` + `__md_d=`).
        cut(exp, 'const ');
        cut(dflt, `${DEFAULT_LOCAL}=`);
        exported.set('default', DEFAULT_LOCAL);
      } else {
        cut(exp);
        cut(dflt);
        exported.set(dflt ? 'default' : st.name!.text, st.name!.text);
      }
    } else if (exp && ts.isVariableStatement(st)) {
      cut(exp);
      const names: string[] = [];
      for (const d of st.declarationList.declarations) boundNames(d.name, names);
      for (const n of names) exported.set(n, n);
    } else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) exported.set(el.name.text, (el.propertyName ?? el.name).text);
      cut(st);
    } else if (ts.isExportAssignment(st) && !st.isExportEquals) {
      // `export default <expression>;`
      const kw = st.getChildren(sf).filter((c) => c.kind === ts.SyntaxKind.ExportKeyword || c.kind === ts.SyntaxKind.DefaultKeyword);
      cut(kw[0], 'const ');
      cut(kw[1], `${DEFAULT_LOCAL}=`);
      exported.set('default', DEFAULT_LOCAL);
    } else if (ts.isExportDeclaration(st) || ts.isExportAssignment(st)) {
      throw new Error('matchday: an export form the sandbox cannot load');
    }
  }
  const fields = [...exported].map(([name, local]) => `${JSON.stringify(name)}:${local}`).join(',');
  return {
    edits,
    // An arrow: at the top of a module `this` is undefined and `arguments` unbound, and so they stay.
    open: `export const ${FACTORY_EXPORT}=()=>{`,
    close: `\n;return{__proto__:null${fields ? `,${fields}` : ''}};};\n`,
  };
}

/** `text` with the same-length edits of factoryParts applied (positions do not move). */
export function applyEdits(text: string, edits: FactoryParts['edits']): string {
  let out = text;
  for (const [start, end, replacement] of edits) out = out.slice(0, start) + replacement + out.slice(end);
  return out;
}

/**
 * A plain (uninstrumented) module text in the factory's shape, for running a policy in-process the way
 * the sandbox runs it: one compiled module, fresh bindings per call of its export __md_m (test/bench).
 */
export function factoryModule(js: string, filename: string): string {
  const sf = ts.createSourceFile(filename, js, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const parts = factoryParts(sf, js);
  return parts.open + applyEdits(js, parts.edits) + parts.close;
}
