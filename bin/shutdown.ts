// SIGINT and SIGTERM stop a command cleanly: every registered cleanup runs (killing match
// processes), then the process exits with the conventional code.
const cleanups = new Set<() => Promise<void> | void>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(sig, () => {
      process.stderr.write(`\nmatchday: ${sig}, stopping\n`);
      const all = [...cleanups].map((f) => Promise.resolve().then(f).catch(() => undefined));
      void Promise.all(all).finally(() => process.exit(code));
    });
  }
}

/** Registers a cleanup for an interrupt; returns a function that unregisters it. */
export function onShutdown(f: () => Promise<void> | void): () => void {
  install();
  cleanups.add(f);
  return () => cleanups.delete(f);
}
