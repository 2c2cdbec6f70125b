// What decides a match besides its job: the versions a worker must share with the coordinator, the
// ones the replay header records (engine, Node, V8, isolated-vm, the Python interpreter) plus the
// sandbox's and the engine's code.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPLAY_FORMAT_VERSION } from '../../engine/replay/format.js';
import { ENGINE_VERSION } from '../../engine/version.js';
import { pythonRuntime } from '../../sandbox/index.js';

export interface QueueVersions {
  /** ENGINE_VERSION. */
  engine: string;
  /** Hash of the engine's source files: a change that forgot to bump ENGINE_VERSION still refuses. */
  engineCode: string;
  /** Hash of the sandbox's source files and TypeScript's version (it transpiles .ts policies). */
  sandbox: string;
  replayFormat: number;
  node: string;
  v8: string;
  isolatedVm: string | null;
  /** "<MicroPython version>/<metered module sha256>" (pythonText), null where it cannot be built. */
  python: string | null;
}

/** How QueueVersions.python writes what a replay header records of the interpreter. */
export function pythonText(r: { version: string; sha256: string }): string {
  return `${r.version}/${r.sha256}`;
}

function localPython(): string | null {
  try {
    return pythonText(pythonRuntime());
  } catch {
    // No interpreter here (binaryen failed to build it): a Python job then names the difference.
    return null;
  }
}

/** The checkout: the nearest folder above this file whose package.json is matchday's (also from a bundle in node_modules/.cache). */
function checkoutRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'engine')) && existsSync(join(dir, 'sandbox'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the matchday checkout (engine/ and sandbox/ beside package.json) above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** Names and bytes of every source file under `dir`, in a fixed order (sorted paths). */
function hashTree(dir: string, h = createHash('sha256'), rel = ''): ReturnType<typeof createHash> {
  const entries = readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') hashTree(dir, h, path);
    } else if (/\.(ts|mts|mjs|js|py)$/.test(e.name)) {
      h.update(`${path}\0`).update(readFileSync(join(dir, path))).update('\0');
    }
  }
  return h;
}

function packageVersion(root: string, name: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

let cached: QueueVersions | null = null;

/** This process's versions (computed once). */
export function localVersions(): QueueVersions {
  if (cached) return cached;
  const root = checkoutRoot();
  cached = {
    engine: ENGINE_VERSION,
    engineCode: hashTree(join(root, 'engine')).digest('hex').slice(0, 16),
    sandbox: hashTree(join(root, 'sandbox')).update(`typescript ${packageVersion(root, 'typescript')}`).digest('hex').slice(0, 16),
    replayFormat: REPLAY_FORMAT_VERSION,
    node: process.versions.node,
    v8: process.versions.v8,
    isolatedVm: packageVersion(root, 'isolated-vm'),
    python: localPython(),
  };
  return cached;
}

const LABELS: Record<keyof QueueVersions, string> = {
  engine: 'engine version',
  engineCode: 'engine code',
  sandbox: 'sandbox',
  replayFormat: 'replay format',
  node: 'Node',
  v8: 'V8',
  isolatedVm: 'isolated-vm',
  python: 'Python interpreter (MicroPython version/metered module sha256)',
};

/** One phrase per difference ("Node 20.20.0 here, 22.1.0 on the coordinator"); empty when they agree. */
export function versionDifferences(here: QueueVersions, coordinator: QueueVersions): string[] {
  const out: string[] = [];
  for (const k of Object.keys(LABELS) as Array<keyof QueueVersions>) {
    if (here[k] !== coordinator[k]) out.push(`${LABELS[k]} ${String(here[k])} here, ${String(coordinator[k])} on the coordinator`);
  }
  return out;
}

/** A short digest of a set of versions (part of a cup's job ids: another build never reuses a result). */
export function versionsDigest(v: QueueVersions): string {
  return createHash('sha256').update(JSON.stringify([v.engine, v.engineCode, v.sandbox, v.replayFormat, v.node, v.v8, v.isolatedVm, v.python])).digest('hex').slice(0, 16);
}
