// The browser rig: build the client if its stamp is stale, launch headless Debian Chromium with a fresh profile, read
// the page's test hook. The end-to-end tests and the client bench (test/bench/viewer-client.ts) share it.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildState, VIEWER_DIST } from '../../viewer/build/stamp.js';
import type { MatchdayHook } from '../../viewer/client/test-hook.js';
import { scratchDir, swapInto, viteBuildArgs, VITE_ENV } from '../../viewer/server/client-build.js';

export const CHROMIUM = '/usr/bin/chromium';
const REPO = fileURLToPath(new URL('../../', import.meta.url));
export { VIEWER_DIST };

/** Builds viewer/dist with vite unless its stamp says it was built from the current sources (viewer/build/stamp.ts). */
export function ensureViewerBuilt(): void {
  if (buildState(VIEWER_DIST) === 'fresh') return;
  const scratch = scratchDir(VIEWER_DIST);
  try {
    const r = spawnSync(process.execPath, viteBuildArgs(scratch), { cwd: REPO, encoding: 'utf8', env: VITE_ENV });
    if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
    swapInto(scratch, VIEWER_DIST);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface BrowserRig {
  context: BrowserContext;
  page: Page;
  /** Every uncaught page error and console error of `page` since launch: a test expects none. */
  errors: string[];
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
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return {
    context,
    page,
    errors,
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

/**
 * Waits until `pred`, an expression over `h` (the page's window.__matchday), holds. On a timeout the error says
 * what the hook showed instead, so a failure explains itself.
 */
export async function waitHook(p: Page, pred: string, timeout = 30_000): Promise<void> {
  try {
    await p.waitForFunction(`(() => { const h = window.__matchday; return !!h && (${pred}); })()`, null, { timeout, polling: 50 });
  } catch (e) {
    throw new Error(`waiting for ${pred}: ${(e as Error).message.split('\n')[0]}; the hook says ${JSON.stringify(await readHook(p))}`);
  }
}
