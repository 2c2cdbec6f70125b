// The viewer end to end: the built client in headless Chromium against the real server, on a small
// cup folder played by the real scheduler, plus one match published live while the page is open.
// Screenshots of each view go to test/viewer/screenshots/ for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayReader } from '../../engine/replay/reader.js';
import { rewriteReplay } from '../../engine/replay/rewrite.js';
import type { Frame } from '../../engine/replay/types.js';
import type { CupReport } from '../../tournament/report.js';
import { layoutFor, toScreen } from '../../viewer/client/match/draw.js';
import { startServer, type ViewerServer } from '../../viewer/server/index.js';
import { ensureViewerBuilt, launchBrowser, readHook, VIEWER_DIST, waitHook, type BrowserRig } from '../helpers/browser.js';
import { makeCupFolder, recordMatch } from '../helpers/viewer-server.js';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

let dir: string;
let cupDir: string;
let report: CupReport;
let server: ViewerServer;
let rig: BrowserRig;
let page: Page;
/** Uncaught page errors and console errors: any of them fails the run. */
let pageErrors: string[] = [];

function replayOf(id: string): ReplayReader {
  const m = report.results.find((r) => r.id === id)!;
  return new ReplayReader(readFileSync(resolve(cupDir, m.replay)), m.replay);
}


beforeAll(async () => {
  ensureViewerBuilt();
  dir = await mkdtemp(join(tmpdir(), 'matchday-e2e-'));
  cupDir = join(dir, 'cup');
  // 200-tick halves: long enough for a few goals across the cup, short enough to play in seconds.
  await makeCupFolder(cupDir, 200);
  report = JSON.parse(readFileSync(join(cupDir, 'report.json'), 'utf8')) as CupReport;
  server = await startServer({ root: cupDir, port: 0, host: '127.0.0.1', distDir: VIEWER_DIST });
  rig = await launchBrowser();
  page = rig.page;
  pageErrors = rig.errors;
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await rig?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('viewer in headless Chromium', () => {
  it('the cup view shows its groups with their tables, the bracket and every match', async () => {
    await page.goto(server.url);
    await page.locator('[data-testid=group]').first().waitFor();
    const groups = report.summary.groups!;
    expect(groups.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=group]').count()).toBe(groups.length);
    const names = new Map(report.teams.map((t) => [t.id, t.name]));
    for (const [i, g] of groups.entries()) {
      const text = await page.locator('[data-testid=group]').nth(i).innerText();
      expect(text).toContain(`Group ${g.name}`);
      // The table's first row is the group's leader.
      expect(await page.locator('[data-testid=group]').nth(i).locator('tbody tr').first().innerText()).toContain(names.get(g.table[0]!.team)!);
    }
    expect(await page.locator('[data-testid=tie]').count()).toBe(report.summary.bracket!.length);
    expect(await page.locator('[data-testid=match-row]').count()).toBe(report.results.length);
    expect(await page.locator('[data-testid=ratings] tbody tr').count()).toBe(report.teams.length);
    await page.screenshot({ path: join(SHOTS, 'cup.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('serving one replay file opens its match at once, and the back link still shows the list', async () => {
    const first = report.results[0]!;
    const lone = await startServer({ root: resolve(cupDir, first.replay), port: 0, host: '127.0.0.1', distDir: VIEWER_DIST });
    try {
      await page.goto(lone.url);
      await waitHook(page, `h.matchId !== null && h.final`);
      expect(page.url()).toContain('#/match/');
      // The back link leads to the list of one, and the list does not bounce back to the match.
      await page.locator('a', { hasText: '←' }).first().click();
      await page.locator('[data-testid=match-row]').first().waitFor();
      await page.waitForTimeout(500);
      expect(page.url()).not.toContain('#/match/');
      expect(await page.locator('[data-testid=match-row]').count()).toBe(1);
      // A page opened on a link to the list (not the bare address) stays on the list too.
      await page.goto('about:blank');
      await page.goto(`${lone.url}#/`);
      await page.locator('[data-testid=match-row]').first().waitFor();
      await page.waitForTimeout(500);
      expect(page.url()).not.toContain('#/match/');
    } finally {
      await lone.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('opening a match plays it, and the ball drawn at the shown tick is the decoded frame', async () => {
    const withGoal = report.results.find((r) => r.score[0] + r.score[1] > 0);
    expect(withGoal, 'the fixture cup has a match with a goal').toBeDefined();
    const id = withGoal!.id;
    await page.goto(server.url);
    await page.locator(`[data-match="${id}"] a`).first().click();
    expect(new URL(page.url()).hash).toBe(`#/match/${id}`);
    // It starts playing by itself.
    await waitHook(page, 'h.playing && h.tick >= 25');
    await page.keyboard.press('Space');
    await waitHook(page, '!h.playing');
    const reader = replayOf(id);
    const h = (await readHook(page))!;
    expect(h.matchId).toBe(id);
    expect(h.tick).toBeGreaterThanOrEqual(25);
    expect(h.ballDrawn).toEqual(reader.frameAt(h.tick).ball);
    const inPage = await page.evaluate((t) => window.__matchday!.frame(t), h.tick);
    expect(inPage).toEqual(reader.frameAt(h.tick));
    // Arrow right steps one tick; the drawn ball follows the decoded frames exactly.
    await page.keyboard.press('ArrowRight');
    await waitHook(page, `h.tick === ${h.tick + 1} && h.ballDrawn && h.ballDrawn.x === ${reader.frameAt(h.tick + 1).ball.x}`);
    expect((await readHook(page))!.ballDrawn).toEqual(reader.frameAt(h.tick + 1).ball);
    // Number keys set the speed.
    await page.keyboard.press('7');
    await waitHook(page, 'h.speed === 16');
    await page.keyboard.press('3');
    await waitHook(page, 'h.speed === 1');
    await page.screenshot({ path: join(SHOTS, 'match.png') });
    expect(pageErrors).toEqual([]);
  });

  it('seeking to a goal shows the score the replay has at that tick', async () => {
    const id = report.results.find((r) => r.score[0] + r.score[1] > 0)!.id;
    const reader = replayOf(id);
    // Through the cup view, so the match view mounts afresh whatever the previous test left.
    await page.goto(`${server.url}#/`);
    await page.goto(`${server.url}#/match/${id}`);
    await waitHook(page, `h.matchId === '${id}' && h.playing`);
    await page.keyboard.press('Space');
    await waitHook(page, '!h.playing');
    const mark = page.locator('.tl-goal').first();
    await mark.waitFor();
    const tick = Number(await mark.getAttribute('data-tick'));
    const goals = reader.footer.events.filter((e) => e.type === 'goal');
    expect(goals.map((e) => e.tick)).toContain(tick);
    await mark.click();
    await waitHook(page, `h.tick === ${tick} && !h.playing`);
    const f: Frame = reader.frameAt(tick);
    expect(f.score[0] + f.score[1]).toBe(goals.filter((e) => e.tick <= tick).length);
    await expect.poll(() => page.locator('[data-testid=score]').innerText()).toBe(`${f.score[0]} – ${f.score[1]}`);
    expect((await readHook(page))!.ballDrawn).toEqual(f.ball);
    // The address names the moment shown, so it can be shared.
    expect(new URL(page.url()).hash).toBe(`#/match/${id}?t=${tick}`);
    await page.screenshot({ path: join(SHOTS, 'match-goal.png') });
    // The link opens on that moment in a fresh page load.
    await page.reload();
    await waitHook(page, `h.tick === ${tick} && h.ballDrawn !== null && !h.playing`);
    await expect.poll(() => page.locator('[data-testid=score]').innerText()).toBe(`${f.score[0]} – ${f.score[1]}`);
    expect(pageErrors).toEqual([]);
  });

  it('a live match that starts after the page opened is followed to its end', async () => {
    const rec = await recordMatch('possession', 'chaser', { seed: 11, halfTicks: 200 });
    await page.goto(`${server.url}#/`);
    await page.locator('[data-testid=group]').first().waitFor();
    const id = 'live-friendly';
    const blobs = rec.blobs;
    server.live.begin(id, blobs[0]!.bytes, { label: 'Live friendly' });
    server.live.segment(id, blobs[1]!.bytes);
    // The list learns of the match by itself, and it is one click away.
    const link = page.locator(`[data-match="${id}"] .score a`);
    await link.waitFor({ timeout: 15_000 });
    expect(await page.locator(`[data-match="${id}"]`).innerText()).toContain('LIVE');
    await link.click();
    await waitHook(page, 'h.available >= 100 && h.ballDrawn !== null');
    await page.keyboard.press('7');
    const segments = blobs.filter((b) => b.kind === 'segment').slice(1);
    const seen: number[] = [];
    for (const s of segments) {
      server.live.segment(id, s.bytes);
      await page.waitForTimeout(250);
      seen.push((await readHook(page))!.tick);
    }
    await page.screenshot({ path: join(SHOTS, 'live.png') });
    server.live.end(id, blobs[blobs.length - 1]!.bytes);
    await waitHook(page, `h.final && h.tick === ${rec.result.ticks} && !h.playing`, 60_000);
    // It kept up while the match was played: the shown tick moved on as segments came in.
    expect(seen[seen.length - 1]!).toBeGreaterThan(seen[0]!);
    const [a, b] = rec.result.score;
    await expect.poll(() => page.locator('[data-testid=score]').innerText()).toBe(`${a} – ${b}`);
    expect((await readHook(page))!.ballDrawn).toEqual(new ReplayReader(rec.file, 'live').frameAt(rec.result.ticks).ball);
    // At the end the stats counted from the events agree with the engine's.
    await page.getByTestId('tab-stats').click();
    const row = async (label: string): Promise<string> => page.getByTestId('stats').locator('tr', { hasText: label }).first().innerText();
    const st = rec.result.stats.teams;
    expect((await row('Goals')).split(/\s+/)).toEqual([String(a), 'Goals', String(b)]);
    expect((await row('Shots')).split(/\s+/)).toEqual([String(st[0].shots), 'Shots', String(st[1].shots)]);
    await page.screenshot({ path: join(SHOTS, 'stats.png') });
    expect(pageErrors).toEqual([]);
  });

  it('debug marks and log lines switch on per team, and faults show at their tick', async () => {
    // A played match with one tick's debug output and a fault added, as the sandbox records them.
    const T = 150;
    const rec = await recordMatch('possession', 'chaser', { seed: 12, halfTicks: 200 });
    const file = rewriteReplay(new ReplayReader(rec.file, 'debug'), {
      frame: (f) =>
        f.tick !== T
          ? f
          : {
              ...f,
              // Just outside the touchlines, where no player stands over the dot.
              debug: [
                { marks: [{ kind: 'dot', x: -20, y: 36.5, color: '#ff00ff' }], logs: ['home thinks at 150'] },
                { marks: [{ kind: 'dot', x: 20, y: -36.5, color: '#00ffff' }], logs: ['away thinks at 150'] },
              ],
              faults: [[], [{ tick: T, kind: 'budget', message: 'over budget by 12 units' }]],
            },
    });
    const r = new ReplayReader(file, 'debug');
    const id = 'debug-demo';
    server.live.begin(id, r.headerBlob(), { label: 'Debug demo' });
    for (let i = 0; i < r.segmentCount; i++) server.live.segment(id, r.segmentBlob(i));
    server.live.end(id, r.footerBlob());

    await page.goto(`${server.url}#/`);
    await page.goto(`${server.url}#/match/${id}?t=${T}`);
    await waitHook(page, `h.matchId === '${id}' && h.tick === ${T} && h.final && h.ballDrawn !== null`);
    // The colour drawn at a pitch point (canvas pixels are CSS pixels times the device pixel ratio).
    const pixelAt = async (x: number, y: number): Promise<string> => {
      const box = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('canvas.pitch')!;
        return { w: c.clientWidth, h: c.clientHeight, dpr: c.width / c.clientWidth };
      });
      const [sx, sy] = toScreen(layoutFor(box.w, box.h), x, y);
      return page.evaluate(([px, py]) => {
        const d = document.querySelector<HTMLCanvasElement>('canvas.pitch')!.getContext('2d')!.getImageData(px!, py!, 1, 1).data;
        return `#${[d[0], d[1], d[2]].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
      }, [Math.round(sx * box.dpr), Math.round(sy * box.dpr)]);
    };
    expect(await pixelAt(-20, 36.5)).not.toBe('#ff00ff');
    await page.getByTestId('tab-debug').click();
    await page.getByTestId('debug-0').check();
    await expect.poll(() => pixelAt(-20, 36.5)).toBe('#ff00ff');
    expect(await pixelAt(20, -36.5)).not.toBe('#00ffff');
    expect(await page.getByTestId('debug').innerText()).toContain('home thinks at 150');
    expect(await page.getByTestId('debug').innerText()).not.toContain('away thinks at 150');
    await page.getByTestId('debug-1').check();
    await expect.poll(() => pixelAt(20, -36.5)).toBe('#00ffff');
    expect(await page.getByTestId('debug').innerText()).toContain('away thinks at 150');
    await page.screenshot({ path: join(SHOTS, 'debug.png') });
    // The fault: listed under its team at its tick, and marked on the timeline.
    await page.getByTestId('tab-faults').click();
    const faults = await page.getByTestId('faults').innerText();
    expect(faults).toContain('no faults');
    expect(faults).toMatch(/t150\s+budget: over budget by 12 units/);
    expect(await page.locator(`.tl-fault[data-tick="${T}"]`).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'faults.png') });
    expect(pageErrors).toEqual([]);
  });
});
