// Bundles the guest runtime with the engine's decoder, sanitiser and random streams, once
// per process, so the isolate runs the very same code as the engine: one source of truth.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function guestRuntimeCode(): string {
  if (cached !== null) return cached;
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
  if (!file) throw new Error('sandbox: bundling the guest runtime produced no output');
  cached = file.text;
  return cached;
}
