// Types of build-cache.mjs (plain JavaScript, so bin/matchday.mjs can load it without TypeScript).

/** The checkout the module belongs to (ends with a path separator). */
export const ROOT: string;
/** Where matchday caches bundles and instrumented policies (inside node_modules, or MATCHDAY_CACHE_DIR). */
export const CACHE_DIR: string;
export const TARGETS: Record<'cli' | 'child' | 'guest-runtime' | 'python-runtime', { entry: string; platform: 'node' | 'browser'; split?: boolean }>;
export type Target = keyof typeof TARGETS;
/** Key of a bundle of `target` made from these inputs: [repository-relative path, sha256 of its bytes]. */
export function bundleKey(target: Target, inputs: ReadonlyArray<readonly [string, string]>): string;
/** Writes a file so readers see the old one or the whole new one. */
export function writeAtomic(file: string, data: string | Uint8Array): void;
/** Path of `target`'s bundle for the sources as they are now, built first when needed. */
export function builtFile(target: Target): string;
/** Builds `target` now and records it; resolves to the bundle's path. */
export function buildNow(target: Target): Promise<string>;
/** Packages loaded so far through Node's CommonJS loader, plus 'tsx' when it was preloaded; sorted. */
export function loadedPackages(): string[];
/** Days after its last use that a cache entry is deleted. */
export const UNUSED_DAYS: number;
/** Deletes entries of `dir` (folders or files) untouched for more than `days` days; best effort. */
export function pruneUnused(dir: string, days: number): void;
