// A World-Cup season's front page, rendered from the API's own answer: group tables instead of one table, the
// bracket with each played match linked to its stored replay, and the champion once the season is over.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { seasonReply } from '../../season/api/schemas.js';
import { createSeason } from '../../season/create.js';
import { SeasonService } from '../../season/service.js';
import type { MatchRunner } from '../../tournament/runner/cup-play.js';
import { SeasonView } from '../../viewer/client/season/SeasonView.js';
import { isSeasonStatus } from '../../viewer/client/season/types.js';

const NO_RUNNER: MatchRunner = { run: () => Promise.reject(new Error('no match should be played')) };

/** The status of an 8-team World-Cup season after `advances` matchdays (nobody submits: every match a double forfeit). */
async function statusAfter(advances: number): Promise<unknown> {
  const dir = join(mkdtempSync(join(tmpdir(), 'md-wc-')), 's');
  createSeason(dir, { name: 'wc', seed: 4, teams: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], format: { type: 'worldcup' }, start: null, everyMs: null, halfTicks: 100 });
  const svc = new SeasonService(dir, { matches: NO_RUNNER, validations: NO_RUNNER });
  await svc.start();
  for (let i = 0; i < advances; i++) await svc.advance();
  // Through the response schema, as the API serializes it.
  const st = seasonReply.parse(svc.status());
  await svc.close();
  return JSON.parse(JSON.stringify(st));
}

describe('a World-Cup season in the browser client', () => {
  it('shows two group tables and no single table, and a bracket whose sides are still to be decided', async () => {
    const st = await statusAfter(1);
    expect(isSeasonStatus(st)).toBe(true);
    if (!isSeasonStatus(st)) return;
    const html = renderToStaticMarkup(<SeasonView season={st} />);
    expect(html.match(/data-testid="season-group"/g)).toHaveLength(2);
    expect(html).toContain('Group A');
    expect(html).toContain('Group B');
    expect(html).not.toContain('data-testid="season-standings"');
    expect(html).toContain('data-testid="bracket"');
    expect(html).toContain('TBD');
    expect(html).not.toContain('Champion:');
  });

  it('once over: each tie shows its score (a forfeit unlinked: it has no replay) and a winner by lot, and the champion is named', async () => {
    const st = await statusAfter(5);
    if (!isSeasonStatus(st)) throw new Error('not a season status');
    expect(st.ended).toBe(true);
    const html = renderToStaticMarkup(<SeasonView season={st} />);
    expect(html).toContain(`Champion: ${st.champion}`);
    const final = st.bracket!.find((t) => t.label === 'Final')!;
    expect(final.home).not.toBeNull();
    expect(html).toContain('0 – 0 (forfeit)');
    expect(html).toContain('by lot');
  });
});
