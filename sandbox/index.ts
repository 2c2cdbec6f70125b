// The sandbox's public surface: tournament/ and bin/ import from here only.
export { createSandboxController, type SandboxController, type SandboxOptions } from './controller.js';
export * from './limits.js';
export type { SandboxStats } from './stats.js';
export { preparePolicy, type PreparedPolicy } from './policy-cache.js';
export { isPythonPolicy } from './python/controller.js';
export { describePythonRuntime, pythonRuntime } from './python/meter.js';
