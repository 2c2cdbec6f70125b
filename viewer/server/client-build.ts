// Makes sure `matchday serve` serves a client built from the sources in this checkout. A stale or
// missing viewer/dist (after a `git pull`, or never built) is rebuilt with vite before serving: the
// person asked to watch, and ~10 s of building beats a page from an older version that may not even
// speak the current protocol. Without vite (an install without dev dependencies) it says how instead.
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildState, REPO_ROOT, VIEWER_DIST, type BuildState } from '../build/stamp.js';

const VITE = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

const WHY: Record<Exclude<BuildState, 'fresh'>, string> = {
  missing: 'viewer/dist is not built',
  stale: 'viewer/dist was built from other sources than this checkout (e.g. before a git pull)',
  unstamped: 'viewer/dist carries no build stamp, so it may be from an older version',
};

/** The vite command line that builds the client into `outDir`. */
export function viteBuildArgs(outDir: string): string[] {
  return [VITE, 'build', '--config', join(REPO_ROOT, 'viewer', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
}

/** A fresh folder beside `distDir` to build into, so the served folder is never half written. */
export function scratchDir(distDir: string): string {
  return join(dirname(distDir), `.dist-build-${process.pid}-${Date.now()}`);
}

/**
 * Puts a finished build in place of `distDir` by renames: a server reading the folder (or a second build
 * finishing at the same time) sees the old build or the new one, never a mix.
 */
export function swapInto(built: string, distDir: string): void {
  const old: string[] = [];
  for (let i = 0; ; i++) {
    try {
      renameSync(built, distDir);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (i >= 5 || (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR')) throw e;
      const aside = `${built}-old${i}`;
      try {
        renameSync(distDir, aside);
        old.push(aside);
      } catch {
        /* another build moved it first: try again */
      }
    }
  }
  for (const o of old) rmSync(o, { recursive: true, force: true });
}

/** Environment for vite: under a test runner NODE_ENV may be 'test', which would bundle React's development build. */
export const VITE_ENV = { ...process.env, NODE_ENV: 'production' };

/** Runs `vite build` for the client into `distDir`; rejects with vite's own output when it fails. */
export function buildClient(distDir = VIEWER_DIST): Promise<void> {
  const scratch = scratchDir(distDir);
  return new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, viteBuildArgs(scratch), { cwd: REPO_ROOT, env: VITE_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    // A serve stopped mid-build takes its build with it.
    const kill = (): void => void child.kill();
    process.once('exit', kill);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      process.off('exit', kill);
      if (code === 0) done();
      else fail(new Error(`vite build failed (exit ${code}):\n${out.trim()}`));
    });
  })
    .then(() => swapInto(scratch, distDir))
    .finally(() => rmSync(scratch, { recursive: true, force: true }));
}

/**
 * Builds viewer/dist when it is missing or stale and vite is installed; otherwise tells `notice` how to.
 * Never throws: the server is still useful without a client (its WebSocket answers), so a failed build is
 * reported and serving goes on.
 */
export async function ensureClientBuilt(notice: (line: string) => void, distDir = VIEWER_DIST): Promise<BuildState> {
  const state = buildState(distDir);
  if (state === 'fresh') return state;
  if (!existsSync(VITE)) {
    notice(`${WHY[state]}; build it with \`npm run build:viewer\` (needs the dev dependencies: npm install)`);
    return state;
  }
  notice(`${WHY[state]}; building it now (about 10 s)...`);
  try {
    await buildClient(distDir);
    notice('viewer built');
    return buildState(distDir);
  } catch (e) {
    notice(`${(e as Error).message}\nserving without a current client; fix the build, then run \`npm run build:viewer\``);
    return state;
  }
}
