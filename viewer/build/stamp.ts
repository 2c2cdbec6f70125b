// What the built client (viewer/dist) was made from: a content hash of its sources, stamped into the
// build by vite (viewer/vite.config.ts) and compared by `matchday serve` to spot a stale build, e.g.
// after a `git pull`. Content, not modification times: a checkout or a copy changes mtimes, not code.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is viewer/build/stamp.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where `npm run build:viewer` puts the client. */
export const VIEWER_DIST = join(REPO_ROOT, 'viewer', 'dist');
/** The stamp's file name inside the build. */
export const STAMP_FILE = 'build-stamp.json';
/** Everything the client bundle is made from: its own code and page, the build config, the protocol and the engine it imports. */
export const CLIENT_SOURCES: readonly string[] = ['viewer/client', 'viewer/index.html', 'viewer/vite.config.ts', 'viewer/protocol.ts', 'engine'];

function files(path: string, out: string[]): void {
  if (statSync(path).isDirectory()) {
    for (const e of readdirSync(path).sort()) files(join(path, e), out);
  } else out.push(path);
}

/** sha256 over the sources' repository-relative paths and contents, in a fixed order (a few ms: ~90 files). */
export function sourcesHash(root = REPO_ROOT): string {
  const h = createHash('sha256');
  const all: string[] = [];
  for (const s of CLIENT_SOURCES) if (existsSync(join(root, s))) files(join(root, s), all);
  for (const f of all) {
    const rel = relative(root, f).split(sep).join('/');
    const body = readFileSync(f);
    h.update(`${rel}\0${body.length}\0`);
    h.update(body);
  }
  return h.digest('hex');
}

export type BuildState = 'fresh' | 'missing' | 'stale' | 'unstamped';

/** Whether `distDir` holds a build of the current sources. */
export function buildState(distDir = VIEWER_DIST, root = REPO_ROOT): BuildState {
  if (!existsSync(join(distDir, 'index.html'))) return 'missing';
  let stamped: unknown;
  try {
    stamped = (JSON.parse(readFileSync(join(distDir, STAMP_FILE), 'utf8')) as { sources?: unknown }).sources;
  } catch {
    return 'unstamped';
  }
  return stamped === sourcesHash(root) ? 'fresh' : 'stale';
}
