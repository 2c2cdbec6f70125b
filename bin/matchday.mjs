#!/usr/bin/env -S node --no-node-snapshot
// The CLI entry: makes sure Node runs with --no-node-snapshot (isolated-vm needs it on Node 20), a UTC
// clock and a fixed locale, then runs the CLI's bundle with plain node: no tsx, no TypeScript compiler.
// The bundle is built from bin/cli.ts on first use and cached by content hash (sandbox/build-cache.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  const { builtFile } = await import('../sandbox/build-cache.mjs');
  let cli;
  try {
    cli = builtFile('cli');
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  // Test hook: MATCHDAY_TEST_MODULES=1 prints the packages loaded by the time the CLI exits (stderr, last line).
  if (process.env.MATCHDAY_TEST_MODULES === '1') {
    const { loadedPackages } = await import('../sandbox/build-cache.mjs');
    process.on('exit', () => process.stderr.write(`matchday-test-modules: ${JSON.stringify(loadedPackages())}\n`));
  }
  await import(pathToFileURL(cli).href);
}
