// The Python guest runtime (guest/runtime.ts with the engine's sanitiser, layout and random
// streams), built on first use and cached like the JavaScript one (sandbox/build-cache.mjs), and
// prelude.py: both handed to every Python isolate, read once per process. Paths come from the
// checkout's root, not from this file, which may run from a bundle in the cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFile, ROOT } from '../build-cache.mjs';

let code: string | null = null;
let prelude: string | null = null;

export function pythonRuntimeCode(): string {
  code ??= readFileSync(builtFile('python-runtime'), 'utf8');
  return code;
}

export function pythonPrelude(): string {
  prelude ??= readFileSync(join(ROOT, 'sandbox', 'python', 'guest', 'prelude.py'), 'utf8');
  return prelude;
}
