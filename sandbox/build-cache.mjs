// Bundles built on first use and cached by content hash: the CLI, the match process and the guest runtime.
// Plain JavaScript on purpose: bin/matchday.mjs loads it with plain node, before any TypeScript can run.
//
// Layout under <repo>/node_modules/.cache/matchday/build/:
//   <target>-<root tag>.json   the input list of the last build of that target from this checkout
//   <key>/<target>.mjs         a bundle (and its chunks, when split); <key> hashes every input's path and
//                              bytes, the options, this file, esbuild's version and the installed packages
//   <key>/<target>.json        its record: inputs, size and sha256 of every file (checked before use)
// A start reads the input list, hashes those files and looks for <key>; only on a miss does esbuild run,
// in a child process (build-worker.mjs) (esbuild's plugins need its asynchronous API; every caller here is synchronous).
// Several processes may build at once: every file is written to a temporary name, then renamed.
// Node packages stay external (imported from the checkout's node_modules); 'typescript' is replaced by a proxy
// that requires it on first use, so a bundle that never transpiles nor instruments never loads it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { createRequire, isBuiltin } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The checkout this module belongs to. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * Everything matchday caches (bundles, instrumented policies), inside node_modules so git and clones ignore
 * it. MATCHDAY_CACHE_DIR moves it (tests use a fresh one); match processes inherit it with the environment.
 */
export const CACHE_DIR = process.env.MATCHDAY_CACHE_DIR || join(ROOT, 'node_modules', '.cache', 'matchday');
const BUILD_DIR = join(CACHE_DIR, 'build');
/** Where esbuild believes it writes (it writes nothing: outputs are stored under their key). */
const OUT_DIR = join(BUILD_DIR, 'out');
const SELF = fileURLToPath(import.meta.url);
const WORKER = fileURLToPath(new URL('./build-worker.mjs', import.meta.url));

/** What can be built, by name: entry point (repository-relative) and the esbuild options that differ. */
export const TARGETS = {
  // Split: the viewer's server (ws, node:http) loads only for the commands that serve.
  cli: { entry: 'bin/cli.ts', platform: 'node', split: true },
  // Split: child.ts starts the watchdog thread, then imports the rest, so the thread boots while it loads.
  child: { entry: 'tournament/runner/child.ts', platform: 'node', split: true },
  // The isolate has no Node: 'browser' maps seedrandom's optional require('crypto') away; everything is inlined.
  'guest-runtime': { entry: 'sandbox/guest/runtime.ts', platform: 'browser' },
  // A Python team's isolate runs this one instead (sandbox/python).
  'python-runtime': { entry: 'sandbox/python/guest/runtime.ts', platform: 'browser' },
};

/** Packages loaded on first use rather than at start (see the opening comment). */
const LAZY_PACKAGES = ['typescript'];
/**
 * Pure-JavaScript packages bundled in rather than imported: zod is ~100 ES modules, and resolving and
 * compiling them one by one cost the CLI ~50 ms of CPU at every start; inlined, esbuild keeps what is used.
 */
const INLINE_PACKAGES = ['zod'];

let selfHash = null;
/** This file's own bytes, esbuild's version and the installed packages take part in every key. */
function buildTag(target) {
  if (selfHash === null) {
    let esbuild = 'unknown';
    try {
      esbuild = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;
    } catch {
      // no esbuild: a miss will say so when it tries to build
    }
    // Bundles import packages by absolute path (see inputsPlugin): what is installed is part of the key.
    let installed = '';
    try {
      installed = sha256(readFileSync(join(ROOT, 'node_modules', '.package-lock.json')));
    } catch {
      // installed without npm's record: packages then key by esbuild's version alone
    }
    selfHash = `${sha256(readFileSync(SELF))}|${esbuild}|${installed}`;
  }
  return `${selfHash}|${JSON.stringify(TARGETS[target])}|${ROOT}`;
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The cache key of a bundle made from `inputs` (repository-relative paths, each with its bytes' sha256):
 * any change to a path, a byte, the target's options or this builder gives another key.
 */
export function bundleKey(target, inputs) {
  const h = createHash('sha256').update(buildTag(target));
  for (const [path, hash] of inputs) h.update(`\n${path}\0${hash}`);
  return h.digest('hex').slice(0, 32);
}

/** A short tag for this checkout, so checkouts sharing one node_modules keep separate input lists. */
function pointerFile(target) {
  return join(BUILD_DIR, `${target}-${sha256(ROOT).slice(0, 12)}.json`);
}

/** Writes `data` to `file` so a reader sees the old file or the whole new one, never a part. */
export function writeAtomic(file, data) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The key for the input list of the last build, from the files as they are now; null when unknown. */
function currentKey(target) {
  const pointer = readJson(pointerFile(target));
  if (!pointer || !Array.isArray(pointer.inputs) || !pointer.inputs.every((p) => typeof p === 'string')) return null;
  const inputs = [];
  for (const path of pointer.inputs) {
    let bytes;
    try {
      bytes = readFileSync(join(ROOT, path));
    } catch {
      return null; // an input is gone: the import graph changed, build again
    }
    inputs.push([path, sha256(bytes)]);
  }
  return bundleKey(target, inputs);
}

/** The bundle under `key` if its record is whole and every file matches it (size and sha256), else null. */
function validBundle(target, key) {
  const dir = join(BUILD_DIR, key);
  const record = readJson(join(dir, `${target}.json`));
  if (!record || record.key !== key || !Array.isArray(record.files) || !record.files.some((f) => f?.name === `${target}.mjs`)) return null;
  for (const f of record.files) {
    if (typeof f?.name !== 'string' || !/^[\w.-]+\.mjs$/.test(f.name) || typeof f.sha256 !== 'string' || typeof f.bytes !== 'number') return null;
    try {
      const file = join(dir, f.name);
      if (statSync(file).size !== f.bytes || sha256(readFileSync(file)) !== f.sha256) return null;
    } catch {
      return null;
    }
  }
  return join(dir, `${target}.mjs`);
}

/** A cache entry no process has used for this long is deleted (at the next build, or the next instrumentation). */
export const UNUSED_DAYS = 14;

/**
 * Deletes what `dir` holds (bundle folders, entry files) whose newest file was last touched more than `days` ago:
 * every edit makes a new bundle, so without this the cache only grows. Best effort, never throws.
 */
export function pruneUnused(dir, days) {
  const limit = Date.now() - days * 86_400_000;
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of names) {
    const path = join(dir, e.name);
    try {
      const stamps = e.isDirectory() ? readdirSync(path).map((n) => statSync(join(path, n)).mtimeMs) : [statSync(path).mtimeMs];
      if (Math.max(0, ...stamps) < limit) rmSync(path, { recursive: true, force: true });
    } catch {
      // taken by another process meanwhile
    }
  }
}

const known = new Map();

/**
 * The path of `target`'s bundle for the sources as they are now, built first if needed (synchronously,
 * in a child process). Checked once per process: a long-running process keeps the bundle it started with.
 */
export function builtFile(target) {
  if (!(target in TARGETS)) throw new Error(`build-cache: unknown target ${target}`);
  const seen = known.get(target);
  if (seen) return seen;
  const key = currentKey(target);
  let file = key === null ? null : validBundle(target, key);
  if (file === null) {
    try {
      execFileSync(process.execPath, [WORKER, target], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    } catch (err) {
      const why = String(err.stderr ?? '').trim() || String(err.message ?? err);
      throw new Error(`matchday: could not build ${TARGETS[target].entry} into ${BUILD_DIR}: ${why}`);
    }
    const again = currentKey(target);
    file = again === null ? null : validBundle(target, again);
    if (file === null) throw new Error(`matchday: built ${TARGETS[target].entry}, but the bundle under ${BUILD_DIR} does not match its sources (were they edited during the build?)`);
  }
  known.set(target, file);
  try {
    // Marks the bundle as in use, so pruneUnused keeps it while anything still runs from it.
    const now = new Date();
    utimesSync(join(dirname(file), `${target}.json`), now, now);
    utimesSync(pointerFile(target), now, now);
  } catch {
    // a read-only cache still works; its bundles just age
  }
  return file;
}

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.json': 'json' };

/**
 * esbuild plugin: reads every input itself, so the key hashes exactly the bytes that went into the bundle;
 * gives each file its own import.meta.url (a bundle lives elsewhere, but files find their neighbours by it);
 * and puts a first-use proxy in place of the lazy packages.
 */
function inputsPlugin(seen) {
  return {
    name: 'matchday-inputs',
    setup(build) {
      const lazy = new RegExp(`^(${LAZY_PACKAGES.join('|')})$`);
      build.onResolve({ filter: lazy }, (args) => ({ path: args.path, namespace: 'matchday-lazy' }));
      // Other packages stay external, imported by absolute URL as Node resolves them from the checkout:
      // a bundle in the cache folder (which may be anywhere) then finds the checkout's node_modules.
      if (build.initialOptions.platform === 'node') {
        build.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith('node:') || isBuiltin(args.path)) return { path: args.path, external: true };
          if (INLINE_PACKAGES.some((p) => args.path === p || args.path.startsWith(`${p}/`))) return undefined;
          return { path: import.meta.resolve(args.path), external: true };
        });
      }
      build.onLoad({ filter: /.*/, namespace: 'matchday-lazy' }, (args) => ({
        loader: 'js',
        resolveDir: ROOT,
        contents: [
          "import { createRequire, isBuiltin } from 'node:module';",
          `const load = () => createRequire(${JSON.stringify(pathToFileURL(join(ROOT, 'package.json')).href)})(${JSON.stringify(args.path)});`,
          'let real = null;',
          'const get = () => (real ??= load());',
          'export default new Proxy({}, { get: (_t, k) => get()[k], has: (_t, k) => k in get(), ownKeys: () => Reflect.ownKeys(get()), getOwnPropertyDescriptor: (_t, k) => { const d = Object.getOwnPropertyDescriptor(get(), k); return d && { ...d, configurable: true }; } });',
        ].join('\n'),
      }));
      build.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        const bytes = readFileSync(args.path);
        const rel = relative(ROOT, args.path).split(sep).join('/');
        // Installed packages are keyed by npm's record of them (buildTag), not file by file: a start stays cheap.
        if (!/(^|\/)node_modules\//.test(rel)) seen.set(rel, sha256(bytes));
        const loader = LOADERS[extname(args.path)] ?? 'default';
        if (loader === 'json' || loader === 'default') return { contents: bytes, loader };
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return { contents: bytes.toString('utf8').replace(/\bimport\.meta\.url\b/g, url), loader };
      });
    },
  };
}

/** Builds `target` now (esbuild's asynchronous API) and records it under its key. */
export async function buildNow(target) {
  const { build } = await import('esbuild');
  const spec = TARGETS[target];
  const seen = new Map();
  const node = spec.platform === 'node';
  const result = await build({
    entryPoints: [join(ROOT, spec.entry)],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: spec.platform,
    target: node ? 'node20' : 'es2022',
    write: false,
    // Split only where asked: a dynamic import() then loads its own file (and its packages) when it runs.
    splitting: spec.split === true,
    outdir: OUT_DIR,
    entryNames: target,
    chunkNames: `${target}-chunk-[hash]`,
    outExtension: { '.js': '.mjs' },
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [inputsPlugin(seen)],
  });
  const files = result.outputFiles.map((o) => ({ name: relative(OUT_DIR, o.path), contents: o.contents }));
  if (!files.some((f) => f.name === `${target}.mjs`)) throw new Error(`esbuild produced no ${target}.mjs for ${spec.entry}`);
  const inputs = [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = bundleKey(target, inputs);
  const dir = join(BUILD_DIR, key);
  // The entry last: a reader that finds it may still find a chunk missing, but the record (written after all) says so.
  files.sort((a, b) => (a.name === `${target}.mjs`) - (b.name === `${target}.mjs`));
  for (const f of files) writeAtomic(join(dir, f.name), f.contents);
  const record = { key, entry: spec.entry, files: files.map((f) => ({ name: f.name, bytes: f.contents.length, sha256: sha256(f.contents) })), inputs: inputs.map(([p]) => p) };
  writeAtomic(join(dir, `${target}.json`), JSON.stringify(record));
  writeAtomic(pointerFile(target), JSON.stringify({ key, inputs: inputs.map(([p]) => p) }));
  pruneUnused(BUILD_DIR, UNUSED_DAYS);
  return join(dir, `${target}.mjs`);
}

/**
 * Packages this process has loaded through Node's CommonJS loader (which ESM imports of CommonJS packages go
 * through too: typescript, esbuild, isolated-vm), plus tsx when it was preloaded. Tests use it to hold the
 * match process and the CLI to "no TypeScript compiler, esbuild or tsx at start".
 */
export function loadedPackages() {
  const names = new Set();
  for (const path of Object.keys(createRequire(import.meta.url).cache)) {
    const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(path);
    if (m) names.add(m[1].replace(/\\/g, '/'));
  }
  if (process.execArgv.some((a) => a.includes('tsx')) || (process.env.NODE_OPTIONS ?? '').includes('tsx')) names.add('tsx');
  return [...names].sort();
}
