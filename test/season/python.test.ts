// A Python team in a season: its .py submission is validated in the sandbox like a JavaScript one, a broken one is
// stored invalid with the Python error, and its locked version plays its matchday (the replay names the interpreter).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayReader } from '../../engine/replay/index.js';
import type { NewSeason } from '../../season/create.js';
import { apiApp, openSeasonHost, type SeasonHost } from '../../season/host.js';
import { b64, CHASER, ROOT, tempSeason } from './helpers.js';

const CHASER_PY = readFileSync(join(ROOT, 'policies', 'chaser.py'), 'utf8');

let host: SeasonHost;
let app: FastifyInstance;
let season: NewSeason;

beforeAll(async () => {
  const s = tempSeason();
  season = s.season;
  host = openSeasonHost(s.dir, { workers: 1, validators: 1 });
  app = await apiApp(host);
  await host.service.start();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await host?.close();
});

const submit = (team: string, filename: string, content: string) =>
  app.inject({
    method: 'POST', url: `/api/v1/teams/${team}/submissions`,
    headers: { authorization: `Bearer ${season.tokens.teams[team]!}` }, payload: { filename, content: b64(content) },
  });

describe('a Python team in a season', () => {
  it('is validated, locked and played like a JavaScript team', async () => {
    const broken = await submit('A', 'broken.py', 'def tick(obs):\n    return [\n');
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ version: 1, status: 'invalid' });
    expect(broken.json().report.lines.join('\n')).toMatch(/broken\.py:\d+: syntax error/);
    const ok = await submit('A', 'chaser.py', CHASER_PY);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, status: 'valid' });
    expect((await submit('D', 'chaser.js', CHASER)).statusCode).toBe(200);
    await host.service.advance();
    const st = (await app.inject({ method: 'GET', url: '/api/v1/season' })).json();
    // Matchday 1 of a 4-team league is A v D and C v B.
    const m = st.matchdays[0].matches.find((x: { home: string }) => x.home === 'A');
    expect(m).toMatchObject({ away: 'D', versions: { home: 2, away: 1 }, replay: true, forfeit: null });
    const full = await app.inject({ method: 'GET', url: `/api/v1/matches/${m.id}/replay/full`, headers: { authorization: `Bearer ${season.tokens.admin}` } });
    const header = new ReplayReader(full.rawPayload, 'full').header;
    expect(header.teams[0]!.source).toBe(CHASER_PY);
    expect(header.runtime?.python).toBeDefined();
  }, 120_000);
});
