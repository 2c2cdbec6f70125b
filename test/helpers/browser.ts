// The browser rig: build the client if stale, launch headless Debian Chromium with a fresh profile, read
// the page's test hook. The end-to-end tests and the client bench (test/bench/viewer-client.ts) share it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { MatchdayHook } from '../../viewer/client/test-hook.js';

export const CHROMIUM = '/usr/bin/chromium';
const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const VIEWER_DIST = join(REPO, 'viewer', 'dist');

/** Newest modification time under the client's sources (and the engine it bundles), in ms. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string): void => {
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ['viewer/client', 'viewer/index.html', 'viewer/vite.config.ts', 'viewer/protocol.ts', 'engine']) walk(join(REPO, p));
  return newest;
}

/** Builds viewer/dist with vite unless it is newer than every source it is made from. */
export function ensureViewerBuilt(): void {
  const index = join(VIEWER_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource()) return;
  const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', join(REPO, 'viewer', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: REPO,
    encoding: 'utf8',
    // Under vitest NODE_ENV is 'test', which would make vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
}

export interface BrowserRig {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Headless Debian Chromium with a fresh profile. Playwright refuses `--user-data-dir` in `args`,
 * so the fresh temporary profile goes through launchPersistentContext, which passes it the same way.
 */
export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<BrowserRig> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium; .ci/run does it from .ci/packages.txt)`);
  const profile = await mkdtemp(join(tmpdir(), 'matchday-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Reads the page's test hook (the plain-data part). */
export async function readHook(page: Page): Promise<Omit<MatchdayHook, 'frame' | 'seek' | 'play' | 'pause' | 'setSpeed' | 'drawMs'> | null> {
  return page.evaluate(() => {
    const h = window.__matchday;
    if (!h) return null;
    const { frame: _f, seek: _s, play: _p, pause: _q, setSpeed: _v, drawMs: _d, ...rest } = h;
    return JSON.parse(JSON.stringify(rest)) as typeof rest;
  });
}
