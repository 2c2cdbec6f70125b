// The browser client bench: the first frame and per-frame draw times of a default-length match,
// through the same rig the end-to-end tests use (test/helpers/browser.ts).
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../viewer/server/index.js';
import { ensureViewerBuilt, launchBrowser, VIEWER_DIST } from '../helpers/browser.js';
import { recordMatch } from '../helpers/viewer-server.js';

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
    // The row links both its label and its score: wait for the first.
    await page.locator('[data-match="bench"] a').first().waitFor({ timeout: 30_000 });
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
