// The metered interpreter: MicroPython's WebAssembly module with a fuel counter kept inside
// it (build-meter.mjs), so a Python team's work is counted the same on every machine. Built
// once on first use, in a child process, and cached on disk (node_modules/.cache/matchday/python/)
// by the content hash of its inputs.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CACHE_DIR, ROOT } from '../build-cache.mjs';

export const MICROPYTHON_PACKAGE = '@micropython/micropython-webassembly-pyscript';

// From the checkout's root: this file may run from a bundle in the cache.
const require = createRequire(join(ROOT, 'package.json'));
const BUILD_SCRIPT = join(ROOT, 'sandbox', 'python', 'build-meter.mjs');
const METER_DIR = join(CACHE_DIR, 'python');

export interface MeteredModule {
  bytes: Uint8Array<ArrayBuffer>;
  /** sha256 of the metered module: what replays record and verify compares. */
  sha256: string;
  /** MicroPython's version (its npm package). */
  version: string;
}

let cached: MeteredModule | null = null;

/** The metered module: from memory, from the disk cache, or built now (seconds, once per install). */
export function meteredModule(): MeteredModule {
  if (cached) return cached;
  const pkgFile = require.resolve(`${MICROPYTHON_PACKAGE}/package.json`);
  const version = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string }).version;
  const source = readFileSync(join(dirname(pkgFile), 'micropython.wasm'));
  // The key covers the interpreter and the instrumenter, so changing either rebuilds.
  const key = createHash('sha256').update(readFileSync(BUILD_SCRIPT)).update(source).digest('hex').slice(0, 32);
  const file = join(METER_DIR, `${key}.wasm`);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = readFileSync(file);
  } catch {
    execFileSync(process.execPath, [BUILD_SCRIPT, join(dirname(pkgFile), 'micropython.wasm'), file], { stdio: ['ignore', 'ignore', 'pipe'] });
    bytes = readFileSync(file);
  }
  cached = { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), version };
  return cached;
}

let compiled: WebAssembly.Module | null = null;

/**
 * The metered module compiled once in this process. Handed to each team's isolate as is (isolated-vm
 * transfers a compiled module), so V8 shares its machine code, already tiered up, instead of relying
 * on its cache of modules by bytes, which a new isolate did not always hit (measured: median set-up
 * 48 ms CPU against 65 from bytes, interleaved, on a loaded machine). Same bytes, same instructions:
 * the fuel counts cannot change.
 */
export function compiledMeteredModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(meteredModule().bytes);
  return compiled;
}

/** What a replay header records of the interpreter (engine/replay/types.ts PythonRuntime). */
export function pythonRuntime(): { version: string; sha256: string } {
  const m = meteredModule();
  return { version: m.version, sha256: m.sha256 };
}

/** "MicroPython 1.27.0 (metered module sha256 0123456789ab…)", for messages. */
export function describePythonRuntime(r: { version: string; sha256: string }): string {
  return `MicroPython ${r.version} (metered module sha256 ${r.sha256.slice(0, 12)}…)`;
}
