// The season pages in headless Chromium against the one HTTP stack with a season API mounted under /api/v1
// (test/helpers/season-fixture.ts: four teams after two matchdays, real replays): the season at a glance
// with its standings checked against the API, the rating plot, a team page with its submissions, the token
// login and the team's own logs, a finished match opened from its stored replay and played, and a live
// matchday shown as live and followed over the WebSocket. Screenshots go to test/viewer/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayReader } from '../../engine/replay/reader.js';
import { startServer, type ViewerServer } from '../../viewer/server/index.js';
import { ensureViewerBuilt, launchBrowser, readHook, VIEWER_DIST, waitHook, type BrowserRig } from '../helpers/browser.js';
import { FIXTURE_TOKEN, makeSeasonFixture, type SeasonFixture } from '../helpers/season-fixture.js';
import { recordMatch } from '../helpers/viewer-server.js';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

let fixture: SeasonFixture;
let server: ViewerServer;
let rig: BrowserRig;
let page: Page;
let pageErrors: string[] = [];

interface Status {
  standings: Array<{ team: string; pts: number; played: number; gd: number }>;
  matchdays: Array<{ n: number; state: string; matches: Array<{ id: string; home: string; away: string; score: [number, number] | null }> }>;
}

async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${server.url}api/v1${path}`);
  expect(r.status).toBe(200);
  return (await r.json()) as T;
}


beforeAll(async () => {
  ensureViewerBuilt();
  fixture = await makeSeasonFixture();
  server = await startServer({ port: 0, host: '127.0.0.1', name: 'Fixture Season', distDir: VIEWER_DIST, plugins: [{ plugin: fixture.plugin, options: { prefix: '/api/v1' } }] });
  rig = await launchBrowser();
  page = rig.page;
  pageErrors = rig.errors;
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await rig?.close();
  await server?.close();
});

describe('season pages in headless Chromium', () => {
  it('the season at a glance: the table as the API has it, every matchday with its fixtures and results, the rating plot', async () => {
    const status = await api<Status>('/season');
    await page.goto(server.url);
    await page.locator('[data-testid=season]').waitFor();
    const rows = page.locator('[data-testid=season-standings] tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    for (const [i, r] of status.standings.entries()) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      // #, team, P, W, D, L, GF, GA, GD, Pts
      expect([cells[1], Number(cells[2]), Number(cells[9])]).toEqual([r.team, r.played, r.pts]);
    }
    expect(status.standings.every((r) => r.played === 2)).toBe(true);
    const cards = page.locator('[data-testid=matchday]');
    expect(await cards.count()).toBe(3);
    for (const md of status.matchdays) {
      const text = await cards.nth(md.n - 1).innerText();
      expect(text).toContain(`Matchday ${md.n}`);
      for (const m of md.matches) {
        const row = await page.locator(`[data-testid=season-match][data-match="${m.id}"]`).innerText();
        expect(row).toContain(m.home);
        expect(row).toContain(m.away);
        if (m.score) expect(row).toContain(`${m.score[0]} – ${m.score[1]}`);
      }
    }
    expect(await cards.nth(2).innerText()).toContain('taking submissions');
    expect(await page.locator('[data-testid=rating-line]').count()).toBe(4);
    expect(await page.locator('[data-testid=ratings] tbody tr').count()).toBe(4);
    await page.screenshot({ path: join(SHOTS, 'season.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('a team page lists its submissions with their status and its matches; its own token shows its own logs', async () => {
    await page.locator('[data-testid=team-links] a', { hasText: 'Aurora' }).click();
    expect(new URL(page.url()).hash).toBe('#/season/team/Aurora');
    await expect.poll(() => page.locator('[data-testid=submission]').count()).toBe(2);
    expect(await page.locator('[data-testid=submission]').nth(1).innerText()).toContain('invalid');
    expect(await page.locator('[data-testid=team-match]').count()).toBe(3);
    expect(await page.locator('[data-testid=own-logs]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'season-team.png'), fullPage: true });
    // A wrong token is refused and forgotten; the right one signs in for this tab only.
    await page.locator('[data-testid=token-input]').fill('not-a-token');
    await page.keyboard.press('Enter');
    await page.locator('.login .error-text').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('matchday.token'))).toBeNull();
    // The browser logs the refused /me (401) as a console error: expected here, and only here.
    expect(pageErrors).toEqual([expect.stringMatching(/status of 401/)]);
    pageErrors.length = 0;
    await page.locator('[data-testid=token-input]').fill(FIXTURE_TOKEN);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=signed-in]').innerText()).toBe('Aurora');
    expect(await page.evaluate(() => sessionStorage.getItem('matchday.token'))).toBe(FIXTURE_TOKEN);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.locator('[data-testid=own-log]').first().waitFor();
    expect(await page.locator('[data-testid=own-logs]').innerText()).toContain('pressing high in md2-Aurora-Cygnus');
    await page.screenshot({ path: join(SHOTS, 'season-team-signed-in.png'), fullPage: true });
    // Another team's page does not show Aurora's logs.
    await page.goto(`${server.url}#/season/team/Borealis`);
    await page.locator('[data-testid=submission]').first().waitFor();
    expect(await page.locator('[data-testid=own-logs]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('a finished match opens from the season in the match view, from its stored replay, and plays', async () => {
    const status = await api<Status>('/season');
    const m = status.matchdays[0]!.matches[0]!;
    const bytes = new Uint8Array(await (await fetch(`${server.url}api/v1/matches/${m.id}/replay`)).arrayBuffer());
    const reader = new ReplayReader(bytes, 'replay.mdr');
    await page.goto(server.url);
    await page.locator(`[data-testid=season-match][data-match="${m.id}"] .score a`).click();
    expect(new URL(page.url()).hash).toBe(`#/season/match/${m.id}`);
    await waitHook(page, 'h.playing && h.tick >= 25');
    await page.keyboard.press('Space');
    await waitHook(page, '!h.playing');
    const h = (await readHook(page))!;
    expect(h.ballDrawn).toEqual(reader.frameAt(h.tick).ball);
    expect(await page.locator('.scoreboard').innerText()).toContain(m.home);
    await waitHook(page, 'h.final');
    // The address follows the playhead and reopens on it.
    expect(new URL(page.url()).hash).toBe(`#/season/match/${m.id}?t=${h.tick}`);
    await page.screenshot({ path: join(SHOTS, 'season-match.png') });
    await page.locator('.back').click();
    await page.locator('[data-testid=season]').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('a matchday being played shows as live, and its match is followed live over the WebSocket', async () => {
    const [id] = fixture.startMatchday3();
    const rec = await recordMatch('possession', 'chaser', { seed: 9, halfTicks: 100 });
    server.live.begin(id!, rec.blobs[0]!.bytes, { home: 'Aurora', away: 'Borealis' });
    for (const b of rec.blobs.slice(1, 3)) server.live.segment(id!, b.bytes);
    await page.goto(`${server.url}#/`);
    await page.reload();
    await page.locator('[data-testid=season-live]').waitFor();
    expect(await page.locator('[data-testid=season-live]').innerText()).toContain('MATCHDAY 3 LIVE');
    expect(await page.locator(`[data-testid=season-match][data-match="${id}"]`).innerText()).toContain('LIVE');
    await page.screenshot({ path: join(SHOTS, 'season-live.png'), fullPage: true });
    await page.locator(`[data-testid=season-match][data-match="${id}"] .score a`).click();
    expect(new URL(page.url()).hash).toBe(`#/match/${id}`);
    await waitHook(page, 'h.available >= 0');
    for (const b of rec.blobs.slice(3)) {
      if (b.kind === 'segment') server.live.segment(id!, b.bytes);
      else server.live.end(id!, b.bytes);
    }
    await waitHook(page, 'h.final');
    expect(pageErrors).toEqual([]);
  });
});
