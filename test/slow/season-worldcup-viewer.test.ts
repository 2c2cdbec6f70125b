// A World-Cup season played for real and watched in headless Chromium: eight teams submitted and validated in the
// sandbox, three group matchdays, the semi-finals, then the final and third place, all played by the match pool
// (500-tick halves, long enough for goals), the API mounted on the one HTTP stack. The page must show what the API says: two group tables
// row by row, every knockout tie with its sides and score, the champion, and a knockout match opened from the
// bracket and played from its stored replay. Slow tier: it plays 16 real sandboxed matches.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeason } from '../../season/create.js';
import { API_PREFIX, openSeasonHost, type SeasonHost } from '../../season/host.js';
import { startServer, type ViewerServer } from '../../viewer/server/index.js';
import { ensureViewerBuilt, launchBrowser, readHook, VIEWER_DIST, waitHook, type BrowserRig } from '../helpers/browser.js';
import { chattyPolicy, ROOT } from '../season/helpers.js';

const SHOTS = fileURLToPath(new URL('../viewer/screenshots/', import.meta.url));

interface Row { team: string; played: number; pts: number }
interface Status {
  ended: boolean;
  champion: string | null;
  groups: Array<{ name: string; teams: string[]; table: Row[]; complete: boolean }> | null;
  bracket: Array<{ id: string; label: string; home: string | null; away: string | null; matches: string[]; winner: string | null; decidedBy: string | null }> | null;
  matchdays: Array<{ n: number; state: string; matches: Array<{ id: string; home: string; away: string; score: [number, number] | null; replay: boolean }> }>;
}

// Teams named after what they play, so a failure reads as football.
const TEAMS: Record<string, string> = {
  Possession: 'possession', Direct: 'direct', Deepblock: 'deepblock', Gegenpress: 'gegenpress',
  Chaser: 'chaser', Starter: 'starter', Statue: 'statue', Chatty: '',
};

let dir: string;
let host: SeasonHost;
let server: ViewerServer;
let rig: BrowserRig;
let page: Page;
let pageErrors: string[] = [];
let status: Status;

beforeAll(async () => {
  ensureViewerBuilt();
  dir = join(mkdtempSync(join(tmpdir(), 'matchday-wc-')), 's');
  createSeason(dir, {
    name: 'World Cup', seed: 11, teams: Object.keys(TEAMS), format: { type: 'worldcup', thirdPlace: true },
    start: null, everyMs: null, halfTicks: 500, validateHalfTicks: 50,
  });
  host = openSeasonHost(dir, { workers: 2, validators: 2 });
  await host.service.start();
  for (const [team, style] of Object.entries(TEAMS)) {
    const [file, code] = style ? [`${style}.js`, readFileSync(join(ROOT, 'policies', `${style}.js`))] : ['chatty.js', Buffer.from(chattyPolicy(team))];
    expect((await host.service.submit(team, file, code)).status, `${team}'s ${file}`).toBe('valid');
  }
  for (let n = await host.service.advance(); n !== null; n = await host.service.advance());
  server = await startServer({ port: 0, host: '127.0.0.1', name: 'season', distDir: VIEWER_DIST, plugins: [{ plugin: host.plugin, options: { prefix: API_PREFIX } }] });
  status = (await (await fetch(`${server.url}api/v1/season`)).json()) as Status;
  rig = await launchBrowser();
  page = rig.page;
  pageErrors = rig.errors;
}, 900_000);

afterAll(async () => {
  await rig?.close();
  await server?.close();
  await host?.close();
  if (dir) rmSync(dirname(dir), { recursive: true, force: true });
});

describe('a World-Cup season on the real season API, in the browser', () => {
  it('the season ran its five matchdays to a champion', () => {
    expect(status.matchdays.map((m) => m.state)).toEqual(['played', 'played', 'played', 'played', 'played']);
    expect(status.ended).toBe(true);
    expect(status.champion).not.toBeNull();
    // Every knockout match was played (all eight teams submitted), so each has a replay to open.
    const knockout = status.matchdays.slice(3).flatMap((d) => d.matches);
    expect(knockout).toHaveLength(4);
    expect(knockout.every((m) => m.score !== null && m.replay)).toBe(true);
  });

  it('shows each group table row by row as the API has it, and no single table', async () => {
    await page.goto(server.url);
    await page.locator('[data-testid=season]').waitFor();
    const groups = page.locator('[data-testid=season-group]');
    await expect.poll(() => groups.count()).toBe(2);
    expect(await page.locator('[data-testid=season-standings]').count()).toBe(0);
    for (const [g, group] of status.groups!.entries()) {
      expect(await groups.nth(g).innerText()).toContain(`Group ${group.name}`);
      const rows = groups.nth(g).locator('tbody tr');
      expect(await rows.count()).toBe(4);
      for (const [i, r] of group.table.entries()) {
        const cells = await rows.nth(i).locator('td').allInnerTexts();
        expect([cells[1], Number(cells[2]), Number(cells[9])], `group ${group.name} row ${i + 1}`).toEqual([r.team, r.played, r.pts]);
      }
    }
    expect(pageErrors).toEqual([]);
  });

  it('shows every knockout tie with its sides, its score and the winner marked, and names the champion', async () => {
    const scores = new Map(status.matchdays.flatMap((d) => d.matches).map((m) => [m.id, m.score]));
    const ties = page.locator('[data-testid=bracket] [data-testid=tie]');
    await expect.poll(() => ties.count()).toBe(status.bracket!.length);
    for (const [i, t] of status.bracket!.entries()) {
      const tie = ties.nth(i);
      const sides = await tie.locator('.side').allInnerTexts();
      expect(sides, t.label).toEqual([t.home, t.away]);
      expect(await tie.locator('.side.win').innerText(), t.label).toBe(t.winner);
      const score = scores.get(t.matches[0]!)!;
      expect(await tie.locator('.tie-matches').innerText(), t.label).toContain(`${score[0]} – ${score[1]}`);
    }
    expect(await page.locator('.champion').innerText()).toBe(`Champion: ${status.champion}`);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'season-worldcup.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('the final opens from the bracket and plays from its stored replay', async () => {
    const final = status.bracket!.find((t) => /final/i.test(t.label) && !/semi/i.test(t.label))!;
    expect(final, JSON.stringify(status.bracket!.map((t) => t.label))).toBeDefined();
    const link = page.locator('[data-testid=bracket] [data-testid=tie]').nth(status.bracket!.indexOf(final)).locator('.tie-matches a');
    await link.click();
    await waitHook(page, 'h.playing && h.tick >= 25', 60_000);
    await waitHook(page, 'h.final', 60_000);
    const hook = (await readHook(page))!;
    expect(hook.error).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
