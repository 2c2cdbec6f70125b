#!/usr/bin/env -S node --no-node-snapshot
// The CLI entry: a UTC clock and a fixed locale, --no-node-snapshot where an isolate may be made in this
// process (isolated-vm needs it on Node 20), then the CLI's bundle with plain node: no tsx, no TypeScript
// compiler. The bundle is built from bin/cli.ts on first use and cached by content hash (sandbox/build-cache.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Commands that play every match in match processes, which are started with --no-node-snapshot
 * (tournament/runner/spawn.ts): this process never makes an isolate for them, so it need not start Node a
 * second time to get the flag (~0.15 s of CPU on every call, docs/PERFORMANCE.md). Anything else (a command
 * added later) is re-run with it. An argument starting with '-' (--help, --version) or none at all runs no command.
 */
const NO_ISOLATE_HERE = new Set(['play', 'verify', 'cup', 'validate', 'serve', 'scrim', 'spec', 'new', 'inspect', 'worker', 'season', 'host', 'submit', 'notebook', 'logs', 'help']);
const command = process.argv[2];
// MATCHDAY_TEST_REEXEC=1 (tests only) re-runs any command, so the re-run path can be tested on a long-running one.
const needsFlag = command !== undefined && !command.startsWith('-') && (!NO_ISOLATE_HERE.has(command) || process.env.MATCHDAY_TEST_REEXEC === '1');

// Node reads TZ again when it is assigned, so the clock is UTC from here on without a restart; the CLI itself
// formats nothing by locale (no Intl, no toLocale*), and match processes get all three in their environment.
Object.assign(process.env, { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
const ready = !needsFlag || process.execArgv.includes('--no-node-snapshot');
if (!ready) {
  // Re-run ourselves once with the flag; forward signals so no process is left behind. A signal cannot be forwarded
  // when this process is SIGKILLed, so the re-run also has an IPC channel to us, and exits when it closes.
  const child = spawn(process.execPath, ['--no-node-snapshot', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, MATCHDAY_REEXEC_CHILD: '1' },
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 1 : 1)));
} else {
  if (process.env.MATCHDAY_REEXEC_CHILD === '1' && process.channel) {
    // The wrapper above died without forwarding a signal (SIGKILL): stop as if told to, with SIGTERM's handlers.
    delete process.env.MATCHDAY_REEXEC_CHILD;
    process.channel.unref();
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
  const { builtFile } = await import('../sandbox/build-cache.mjs');
  let cli;
  try {
    cli = builtFile('cli');
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  // Test hook: MATCHDAY_TEST_MODULES=1 prints the process id that runs the CLI (so a test sees whether Node
  // started twice), then, last line, the packages loaded by the time the CLI exits (stderr).
  if (process.env.MATCHDAY_TEST_MODULES === '1') {
    const { loadedPackages } = await import('../sandbox/build-cache.mjs');
    process.on('exit', () => process.stderr.write(`matchday-test-pid: ${process.pid}\nmatchday-test-modules: ${JSON.stringify(loadedPackages())}\n`));
  }
  await import(pathToFileURL(cli).href);
}
