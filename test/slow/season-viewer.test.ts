// The season pages against the real season service and API (season/), not a fixture: a league of four
// teams in a real SQLite file, policies submitted and validated in the sandbox, two matchdays played by
// the match pool, the API mounted on the one HTTP stack. In headless Chromium: the table as the API has
// it, a team page with its submission history, the team's token showing its own logs, and a finished
// match opened from its stored (redacted) replay and played. Slow tier: it plays real sandboxed matches.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewSeason } from '../../season/create.js';
import { API_PREFIX, openSeasonHost, type SeasonHost } from '../../season/host.js';
import { startServer, type ViewerServer } from '../../viewer/server/index.js';
import { ensureViewerBuilt, launchBrowser, readHook, VIEWER_DIST, waitHook, type BrowserRig } from '../helpers/browser.js';
import { chattyPolicy, ROOT, tempSeason } from '../season/helpers.js';

const SHOTS = fileURLToPath(new URL('../viewer/screenshots/', import.meta.url));

let dir: string;
let season: NewSeason;
let host: SeasonHost;
let server: ViewerServer;
let rig: BrowserRig;
let page: Page;
let pageErrors: string[] = [];

interface Status {
  standings: Array<{ team: string; played: number; pts: number }>;
  matchdays: Array<{ n: number; state: string; matches: Array<{ id: string; home: string; away: string; score: [number, number] | null; replay: boolean }> }>;
}


beforeAll(async () => {
  ensureViewerBuilt();
  // 4 teams A-D, a league, 100-tick halves, manual deadlines.
  ({ dir, season } = tempSeason());
  host = openSeasonHost(dir, { workers: 2, validators: 2 });
  await host.service.start();
  const styles: Record<string, string> = { A: 'possession', B: 'chaser', C: 'direct', D: 'deepblock' };
  for (const [team, style] of Object.entries(styles)) {
    const out = await host.service.submit(team, `${style}.js`, readFileSync(join(ROOT, 'policies', `${style}.js`)));
    expect(out.status, `${team}'s ${style}`).toBe('valid');
  }
  // A's revision logs every 50 ticks: its own logs must reach it, and only it.
  expect((await host.service.submit('A', 'chatty.js', Buffer.from(chattyPolicy('A-notes')))).status).toBe('valid');
  await host.service.advance();
  await host.service.advance();
  server = await startServer({ port: 0, host: '127.0.0.1', name: 'season', distDir: VIEWER_DIST, plugins: [{ plugin: host.plugin, options: { prefix: API_PREFIX } }] });
  rig = await launchBrowser();
  page = rig.page;
  pageErrors = rig.errors;
}, 600_000);

afterAll(async () => {
  await rig?.close();
  await server?.close();
  await host?.close();
  if (dir) rmSync(dirname(dir), { recursive: true, force: true });
});

describe('season pages on the real season API', () => {
  it('shows the table the API computes after two matchdays, and every result', async () => {
    const status = (await (await fetch(`${server.url}api/v1/season`)).json()) as Status;
    expect(status.matchdays.map((m) => m.state)).toEqual(['played', 'played', 'open']);
    await page.goto(server.url);
    await page.locator('[data-testid=season]').waitFor();
    const rows = page.locator('[data-testid=season-standings] tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    for (const [i, r] of status.standings.entries()) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      expect([cells[1], Number(cells[2]), Number(cells[9])]).toEqual([r.team, r.played, r.pts]);
    }
    for (const m of status.matchdays.flatMap((d) => d.matches).filter((x) => x.score)) {
      expect(await page.locator(`[data-testid=season-match][data-match="${m.id}"]`).innerText()).toContain(`${m.score![0]} – ${m.score![1]}`);
    }
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'season-real-api.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("a team's page lists its submissions; its token shows its own logs", async () => {
    await page.goto(`${server.url}#/season/team/A`);
    await expect.poll(() => page.locator('[data-testid=submission]').count()).toBe(2);
    await page.locator('[data-testid=token-input]').fill(season.tokens.teams.A!);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=signed-in]').innerText()).toBe('A');
    await page.locator('[data-testid=own-log]').first().waitFor();
    expect(await page.locator('[data-testid=own-logs]').innerText()).toContain('A-notes at');
    expect(pageErrors).toEqual([]);
  });

  it('a finished match opens from its stored replay and plays', async () => {
    const status = (await (await fetch(`${server.url}api/v1/season`)).json()) as Status;
    const m = status.matchdays[1]!.matches.find((x) => x.replay)!;
    await page.goto(`${server.url}#/`);
    await page.locator(`[data-testid=season-match][data-match="${m.id}"] .score a`).click();
    await waitHook(page, 'h.playing && h.tick >= 25', 60_000);
    await waitHook(page, 'h.final', 60_000);
    expect((await readHook(page))!.error).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
