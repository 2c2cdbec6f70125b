// Bundles the Python guest runtime (guest/runtime.ts with the engine's sanitiser, layout and
// random streams) once per process, and reads prelude.py, both handed to every Python isolate.
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let code: string | null = null;
let prelude: string | null = null;

export function pythonRuntimeCode(): string {
  if (code !== null) return code;
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL('./guest/runtime.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    // 'browser' maps seedrandom's optional require('crypto') away.
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('sandbox: bundling the Python runtime produced no output');
  code = file.text;
  return code;
}

export function pythonPrelude(): string {
  prelude ??= readFileSync(fileURLToPath(new URL('./guest/prelude.py', import.meta.url)), 'utf8');
  return prelude;
}
