// The guest runtime, bundled with the engine's decoder, sanitiser and random streams, so the isolate runs
// the very same code as the engine: one source of truth. Built on first use and cached on disk by content
// hash (build-cache.mjs); read once per process.
import { readFileSync } from 'node:fs';
import { builtFile } from './build-cache.mjs';

let cached: string | null = null;

/** Makes sure the guest runtime's bundle is built, without reading it (a parent does this before starting match processes). */
export function ensureGuestRuntime(): void {
  builtFile('guest-runtime');
}

export function guestRuntimeCode(): string {
  if (cached !== null) return cached;
  cached = readFileSync(builtFile('guest-runtime'), 'utf8');
  return cached;
}
