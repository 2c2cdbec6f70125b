// Reads a policy file (or takes its text) and turns TypeScript into JavaScript, keeping
// a line table so every message can name the author's own line. In the bundled CLI and match process
// 'typescript' is a proxy that loads the compiler on first use (sandbox/build-cache.mjs): only a
// transpile or an instrumentation (a cache miss, see policy-cache.ts) pays for it.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import ts from 'typescript';
import { generatedToOriginalLines } from './sourcemap.js';

export interface PolicySource {
  /** Name used in messages and stack traces (the file's base name). */
  filename: string;
  /** JavaScript module text. */
  js: string;
  /** Generated line -> author's line, for TypeScript; null when js is the author's text. */
  lines: number[] | null;
}

export type Loaded = { ok: true; source: PolicySource } | { ok: false; reason: string };

const EXTENSIONS = ['.js', '.mjs', '.ts', '.mts'];

/** A policy's text as its author wrote it, and whether it is TypeScript. */
export interface PolicyText {
  filename: string;
  text: string;
  typescript: boolean;
}

export interface PolicyInput {
  file?: string;
  source?: string;
  filename?: string;
}

/** The policy's name, extension check and text (read from the file unless given). */
export function readPolicy(opts: PolicyInput): { ok: true; policy: PolicyText } | { ok: false; reason: string } {
  let text: string;
  const filename = opts.filename ?? (opts.file ? basename(opts.file) : 'policy.js');
  const ext = extname(filename).toLowerCase();
  if (!EXTENSIONS.includes(ext)) return { ok: false, reason: `${filename}: a policy must be a .js, .mjs, .ts or .py file` };
  if (opts.source !== undefined) text = opts.source;
  else if (opts.file) {
    try {
      text = readFileSync(opts.file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { ok: false, reason: `${opts.file}: cannot read the policy file (${code === 'ENOENT' ? 'no such file' : String(code ?? err)})` };
    }
  } else return { ok: false, reason: 'no policy given: pass a file or a source text' };
  return { ok: true, policy: { filename, text, typescript: ext === '.ts' || ext === '.mts' } };
}

/** The policy as JavaScript (TypeScript transpiled, with its line table). */
export function toJavaScript(p: PolicyText): Loaded {
  if (p.typescript) return transpile(p.text, p.filename);
  return { ok: true, source: { filename: p.filename, js: p.text, lines: null } };
}

export function loadPolicy(opts: PolicyInput): Loaded {
  const read = readPolicy(opts);
  return read.ok ? toJavaScript(read.policy) : read;
}

function transpile(text: string, filename: string): Loaded {
  const out = ts.transpileModule(text, {
    fileName: filename,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
      inlineSources: false,
      removeComments: false,
    },
  });
  const diag = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (diag) {
    const where = diag.file && diag.start !== undefined ? diag.file.getLineAndCharacterOfPosition(diag.start).line + 1 : 0;
    const msg = ts.flattenDiagnosticMessageText(diag.messageText, ' ');
    return { ok: false, reason: `${filename}${where ? `:${where}` : ''}: syntax error: ${msg}` };
  }
  const map = JSON.parse(out.sourceMapText ?? '{"mappings":""}') as { mappings: string };
  // The emitted text ends with a //# sourceMappingURL comment the isolate has no use for.
  const js = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  return { ok: true, source: { filename, js, lines: generatedToOriginalLines(map.mappings) } };
}
