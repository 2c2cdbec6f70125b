#!/usr/bin/env -S node --no-node-snapshot
// The CLI entry: makes sure Node runs with --no-node-snapshot (isolated-vm needs it
// on Node 20), a UTC clock and a fixed locale, then loads the TypeScript CLI via tsx.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ready = process.execArgv.includes('--no-node-snapshot') && process.env.TZ === 'UTC';
if (!ready) {
  // Re-run ourselves once with the flag; forward signals so no process is left behind.
  const child = spawn(process.execPath, ['--no-node-snapshot', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 1 : 1)));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
