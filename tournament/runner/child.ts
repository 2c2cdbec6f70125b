// A match process's entry. It starts the watchdog thread before anything else loads, so the thread boots
// (a Node environment of its own) while this thread loads isolated-vm, the engine and the sandbox; then
// it serves the parent's jobs (child-jobs.ts), which says 'ready' once the thread runs. The import below
// is dynamic on purpose: the bundle splits there (sandbox/build-cache.mjs), so those packages load after
// the thread has started.
import { MARK_FD, startWatchdog } from './watchdog.js';

// The parent is gone (killed, or finished): nothing left to do here.
process.on('disconnect', () => process.exit(0));
const watchdog = startWatchdog(MARK_FD);
const { serveJobs } = await import('./child-jobs.js');
await serveJobs(watchdog);
