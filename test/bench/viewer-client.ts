// The browser client on loopback: build it if stale, launch headless Chromium, and measure the first
// frame and per-frame draw times (`viewerClientBench`). The end-to-end tests use the same rig, so
// what they check is what the bench measures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { MatchdayHook } from '../../viewer/client/test-hook.js';
import { startServer } from '../../viewer/server/index.js';
import { recordMatch } from './viewer-server.js';

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

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
}

/** A default-length match served from a replay file; one page opens it, plays it at 4x, and reports. */
export async function viewerClientBench(): Promise<{ first_frame_ms: number; frame_draw_p95_ms: number }> {
  ensureViewerBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'matchday-client-bench-'));
  const rec = await recordMatch('possession', 'chaser', { seed: 1 });
  writeFileSync(join(dir, 'bench.mdr'), rec.file);
  const server = await startServer({ root: join(dir, 'bench.mdr'), port: 0, host: '127.0.0.1', distDir: VIEWER_DIST });
  const rig = await launchBrowser();
  try {
    const { page } = rig;
    // Cold: a fresh page load straight onto the match (page, script, socket, stream, decode, draw).
    await page.goto(`${server.url}#/match/bench`);
    await page.waitForFunction(() => window.__matchday?.firstFrameAt != null, null, { timeout: 30_000 });
    const cold = await page.evaluate(() => window.__matchday!.firstFrameAt!);
    // Opening a match in the running app (a click in the match list): from the navigation to the
    // first frame drawn, which is what a spectator waits for; this is first_frame_ms.
    await page.goto(`${server.url}#/`);
    await page.locator('[data-match="bench"] a').waitFor({ timeout: 30_000 });
    // Plain expressions only: tsx would wrap named functions in a helper the page does not have.
    const t0 = await page.evaluate(() => {
      const now = performance.now();
      location.hash = '#/match/bench';
      return now;
    });
    await page.waitForFunction(() => window.__matchday?.firstFrameAt != null, null, { timeout: 30_000, polling: 'raf' });
    const first = (await page.evaluate(() => window.__matchday!.firstFrameAt!)) - t0;
    if (process.env.MATCHDAY_BENCH_VERBOSE) console.error(JSON.stringify({ first_frame_cold_ms: Math.round(cold) }));
    await page.evaluate(() => {
      const h = window.__matchday!;
      h.drawMs.length = 0;
      h.setSpeed(4);
      h.play();
    });
    // About four seconds of playback: a few hundred draws at 60 fps.
    await page.waitForTimeout(4000);
    const draws = await page.evaluate(() => window.__matchday!.drawMs.slice());
    if (draws.length < 30) throw new Error(`only ${draws.length} frames drawn in 4 s of playback`);
    return { first_frame_ms: Math.round(first), frame_draw_p95_ms: Math.round(percentile(draws, 0.95) * 100) / 100 };
  } finally {
    await rig.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
