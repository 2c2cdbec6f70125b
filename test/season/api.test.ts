// The season API through Fastify's inject: auth (401/403, nothing leaks), bad uploads (4xx, nothing stored),
// invalid policies (stored invalid, never locked), forfeits, redaction, own-side logs, the OpenAPI document.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBlob, ReplayReader, type Frame } from '../../engine/replay/index.js';
import { apiApp, openSeasonHost, type SeasonHost } from '../../season/host.js';
import type { NewSeason } from '../../season/create.js';
import { b64, CHASER, chattyPolicy, SYNTAX_ERROR, tempSeason } from './helpers.js';

let host: SeasonHost;
let app: FastifyInstance;
let season: NewSeason;
let dir: string;

// What the viewer's live hub would receive while a matchday is played: every blob, by match id.
const liveBlobs = new Map<string, { label?: string; blobs: Uint8Array[]; ended: boolean }>();
const liveSink = {
  begin(id: string, header: Uint8Array, meta?: { label?: string }) {
    liveBlobs.set(id, { label: meta?.label, blobs: [header], ended: false });
  },
  segment(id: string, blob: Uint8Array) {
    liveBlobs.get(id)!.blobs.push(blob);
  },
  end(id: string, footer: Uint8Array) {
    const m = liveBlobs.get(id)!;
    m.blobs.push(footer);
    m.ended = true;
  },
};

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const tok = (team: string) => season.tokens.teams[team]!;

beforeAll(async () => {
  const s = tempSeason();
  season = s.season;
  dir = s.dir;
  host = openSeasonHost(s.dir, { workers: 2, validators: 1 });
  host.service.setLive({ sink: liveSink, pace: 0 });
  app = await apiApp(host);
  await host.service.start();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await host?.close();
});

async function submit(team: string, filename: string, content: string | Uint8Array, token = tok(team)) {
  return app.inject({ method: 'POST', url: `/api/v1/teams/${team}/submissions`, headers: auth(token), payload: { filename, content: b64(content) } });
}

async function advance(): Promise<void> {
  const r = await app.inject({ method: 'POST', url: '/api/v1/admin/advance', headers: auth(season.tokens.admin) });
  expect(r.statusCode).toBe(202);
  // The route plays in the background; the service's chain says when it is done.
  await host.service.advance().catch(() => undefined);
}

describe('season API', () => {
  it('answers 401 with no token, a wrong one or a malformed header, and says nothing more', async () => {
    for (const headers of [{}, auth('md_' + '0'.repeat(64)), { authorization: 'Basic abc' }, { authorization: `Bearer ${tok('A')}x` }]) {
      const r = await app.inject({ method: 'GET', url: '/api/v1/teams/A/notebook', headers });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ error: 'unauthorized' });
    }
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(tok('B')) });
    expect(me.json()).toEqual({ role: 'team', team: 'B' });
  });

  it('refuses uploads that are no policy file with a 4xx and a plain message, storing nothing', async () => {
    const cases: Array<[string, string | Uint8Array, number, RegExp]> = [
      ['big.js', 'x'.repeat(256 * 1024 + 1), 413, /limit|large/i],
      ['bin.js', new Uint8Array([0x65, 0x78, 0x00, 0x01]), 415, /binary/],
      ['latin.js', new Uint8Array([0x2f, 0x2f, 0xe9, 0x0a]), 415, /UTF-8/],
      ['empty.js', '', 400, /empty/],
      ['policy.rb', 'puts 1', 415, /unknown language/],
      ['../up.js', CHASER, 400, /filename/],
    ];
    for (const [name, content, status, msg] of cases) {
      const r = await submit('A', name, content);
      expect(r.statusCode, name).toBe(status);
      expect(r.json().error, name).toMatch(msg);
    }
    const notBase64 = await app.inject({ method: 'POST', url: '/api/v1/teams/A/submissions', headers: auth(tok('A')), payload: { filename: 'a.js', content: '%%%' } });
    expect(notBase64.statusCode).toBe(400);
    const hist = await app.inject({ method: 'GET', url: '/api/v1/teams/A/submissions' });
    expect(hist.json()).toEqual([]);
  });

  it('validates a submission as matchday validate does: a valid one is kept as valid, a broken one as invalid', async () => {
    const ok = await submit('A', 'chatty.js', chattyPolicy('alpha'));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, status: 'valid' });
    expect(ok.json().report.lines.at(-1)).toMatch(/^OK: /);
    expect(ok.json().report.lines[0]).toBe('validate chatty.js');
    const bad = await submit('C', 'broken.js', SYNTAX_ERROR);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ version: 1, status: 'invalid' });
    expect(bad.json().report.lines.at(-1)).toMatch(/^FAIL: cannot start/);
    expect((await submit('B', 'chaser.js', CHASER)).statusCode).toBe(200);
    expect((await submit('B', 'chatty.js', chattyPolicy('beta'))).json()).toMatchObject({ version: 2, status: 'valid' });
    expect((await submit('D', 'delta.js', chattyPolicy('delta'))).json()).toMatchObject({ version: 1, status: 'valid' });
    const hist = (await app.inject({ method: 'GET', url: '/api/v1/teams/B/submissions' })).json();
    expect(hist.map((s: { version: number; status: string }) => [s.version, s.status])).toEqual([[1, 'valid'], [2, 'valid']]);
    expect(JSON.stringify(hist)).not.toContain('console.log'); // the history never carries source
  }, 60_000);

  it('answers 403 for a team token on another team or an admin route, with nothing in the body', async () => {
    const other = [
      ['GET', '/api/v1/teams/B/notebook'], ['PUT', '/api/v1/teams/B/notebook'], ['GET', '/api/v1/teams/B/logs'], ['GET', '/api/v1/teams/B/submissions/1'],
      ['POST', '/api/v1/teams/B/submissions'], ['POST', '/api/v1/admin/advance'], ['POST', '/api/v1/admin/teams/B/token'],
    ] as const;
    for (const [method, url] of other) {
      const payload = method === 'PUT' ? { text: 'x' } : method === 'POST' && url.includes('submissions') ? { filename: 'a.js', content: b64(CHASER) } : undefined;
      const r = await app.inject({ method, url, headers: auth(tok('A')), ...(payload ? { payload } : {}) });
      expect(r.statusCode, url).toBe(403);
      expect(r.body, url).toBe('{"error":"forbidden"}');
    }
    // The other team's submission was not stored by the refused POST.
    expect((await app.inject({ method: 'GET', url: '/api/v1/teams/B/submissions' })).json()).toHaveLength(2);
  });

  it('keeps notebooks per team and per matchday, size-limited', async () => {
    const put = await app.inject({ method: 'PUT', url: '/api/v1/teams/A/notebook', headers: auth(tok('A')), payload: { text: 'plan: press high' } });
    expect(put.json()).toEqual({ matchday: 1, bytes: 16 });
    const big = await app.inject({ method: 'PUT', url: '/api/v1/teams/A/notebook', headers: auth(tok('A')), payload: { text: 'é'.repeat(40 * 1024) } });
    expect(big.statusCode).toBe(413);
    const get = await app.inject({ method: 'GET', url: '/api/v1/teams/A/notebook', headers: auth(tok('A')) });
    expect(get.json()).toMatchObject({ team: 'A', matchday: 1, text: 'plan: press high' });
    const empty = await app.inject({ method: 'GET', url: '/api/v1/teams/B/notebook', headers: auth(tok('B')) });
    expect(empty.json()).toMatchObject({ matchday: null, text: '' });
  });

  it('plays a matchday: locked versions, a 0-3 forfeit for a team never valid, redacted public replays, own-side logs', async () => {
    await advance();
    const st = (await app.inject({ method: 'GET', url: '/api/v1/season' })).json();
    const md = st.matchdays[0];
    expect(md.state).toBe('played');
    for (const m of md.matches) {
      // C's only submission is invalid (never locked): it forfeits 0-3.
      const cannot = (t: string) => t === 'C';
      if (cannot(m.home) || cannot(m.away)) {
        expect(m.score).toEqual(cannot(m.home) && cannot(m.away) ? [0, 0] : cannot(m.home) ? [0, 3] : [3, 0]);
        expect(m.replay).toBe(false);
      }
      if (m.home === 'B' || m.away === 'B') expect(m.home === 'B' ? m.versions.home : m.versions.away).toBe(2);
      if (m.home === 'C' || m.away === 'C') expect(m.home === 'C' ? m.versions.home : m.versions.away).toBeNull();
    }
    expect(md.standings).toHaveLength(4);
    // Ratings after this matchday, one per team, for the viewer's plot; C lost by forfeit to B, so B rates above C.
    expect(md.ratings.map((r: { team: string }) => r.team).sort()).toEqual(['A', 'B', 'C', 'D']);
    const rating = (t: string) => md.ratings.find((r: { team: string; rating: number }) => r.team === t).rating;
    expect(rating('B')).toBeGreaterThan(rating('C'));
    for (const m of st.matchdays) expect(m.ratings === null).toBe(m.state !== 'played');
    // Matchday 1 of a 4-team league (Berger tables) is A v D and C v B: one match played, one forfeit.
    expect(md.matches.map((m: { home: string; away: string; replay: boolean }) => [m.home, m.away, m.replay])).toEqual([['A', 'D', true], ['C', 'B', false]]);
    expect(md.matches[1].score).toEqual([0, 3]);
    expect(md.matches[1].forfeit.home).toMatch(/no valid submission/);
    const played = md.matches.filter((m: { replay: boolean }) => m.replay);
    for (const m of played) {
      const red = await app.inject({ method: 'GET', url: `/api/v1/matches/${m.id}/replay` });
      expect(red.statusCode).toBe(200);
      const reader = new ReplayReader(red.rawPayload, 'redacted');
      for (const t of reader.header.teams) {
        expect(t.source).not.toContain('console.log');
        expect(t.source).toContain(t.sha256);
      }
      for (let i = 0; i < reader.segmentCount; i++) for (const f of reader.frames(i)) expect(f.debug).toEqual([null, null]);
      const fullByTeam = await app.inject({ method: 'GET', url: `/api/v1/matches/${m.id}/replay/full`, headers: auth(tok('A')) });
      expect(fullByTeam.statusCode).toBe(403);
      const full = await app.inject({ method: 'GET', url: `/api/v1/matches/${m.id}/replay/full`, headers: auth(season.tokens.admin) });
      const fr = new ReplayReader(full.rawPayload, 'full');
      expect(fr.footer.hash).toBe(reader.footer.hash);
      expect(fr.header.teams.some((t) => t.source.includes('console.log'))).toBe(true);
      // Shown live under its API id, redacted the same way: the frames of the full replay, no source, no debug output.
      const live = liveBlobs.get(m.id);
      expect(live?.ended, `live blobs of ${m.id}`).toBe(true);
      expect(live!.label).toBe(`matchday 1: ${m.home} v ${m.away}`);
      const frames: Frame[] = [];
      for (const blob of live!.blobs) {
        const d = decodeBlob(blob, 'live');
        if (d.kind === 'header') for (const t of d.header.teams) expect(t.source).toBe(`// redacted during the season; sha256 ${t.sha256}\n`);
        if (d.kind === 'segment') frames.push(...d.segment.frames);
        if (d.kind === 'footer') expect(d.footer.hash).toBe(fr.footer.hash);
      }
      const fullFrames = Array.from({ length: fr.segmentCount }, (_, i) => fr.frames(i)).flat();
      expect(fullFrames.some((f) => f.debug[0] !== null || f.debug[1] !== null)).toBe(true);
      expect(frames.map((f) => f.debug)).toEqual(fullFrames.map(() => [null, null]));
      expect(frames.map(({ debug: _d, ...rest }) => rest)).toEqual(fullFrames.map(({ debug: _d, ...rest }) => rest));
    }
    // A team that played the match gets its own debug output in its copy (to see its marks), never the opponent's;
    // a team that did not play it gets the public copy.
    const [m1] = played as Array<{ id: string; home: string; away: string }>;
    const side = (team: string) => (m1!.home === team ? 0 : 1);
    const copyFor = async (team: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/v1/matches/${m1!.id}/replay`, headers: auth(tok(team)) });
      expect(r.statusCode).toBe(200);
      const rd = new ReplayReader(r.rawPayload, `copy for ${team}`);
      return Array.from({ length: rd.segmentCount }, (_, i) => rd.frames(i)).flat();
    };
    const own = await copyFor(m1!.home);
    expect(own.some((f) => f.debug[side(m1!.home)] !== null)).toBe(true);
    expect(own.every((f) => f.debug[1 - side(m1!.home)] === null)).toBe(true);
    const other = await copyFor(m1!.away);
    expect(other.some((f) => f.debug[side(m1!.away)] !== null)).toBe(true);
    expect(other.every((f) => f.debug[1 - side(m1!.away)] === null)).toBe(true);
    const outsider = ['A', 'B', 'C', 'D'].find((t) => t !== m1!.home && t !== m1!.away)!;
    expect((await copyFor(outsider)).every((f) => f.debug[0] === null && f.debug[1] === null)).toBe(true);
    // A forfeit is never played, so never shown live.
    expect(liveBlobs.has(md.matches[1].id)).toBe(false);
  }, 120_000);

  it('gives a team only its own side of the logs', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/teams/A/logs?matchday=1', headers: auth(tok('A')) });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const text = JSON.stringify(body);
    expect(body.matches).toHaveLength(1);
    expect(body.matches[0]).toMatchObject({ matchId: 'MD1-1', side: 'home', opponent: 'D' });
    expect(text).toContain('alpha at 50');
    expect(body.matches[0].budget.max).toBeGreaterThan(0);
    // D's lines are in the same replay; none of them reaches A.
    expect(text).not.toContain('delta at');
    const d = (await app.inject({ method: 'GET', url: '/api/v1/teams/D/logs', headers: auth(tok('D')) })).json();
    expect(JSON.stringify(d)).toContain('delta at 50');
    expect(JSON.stringify(d)).not.toContain('alpha at');
  });

  it('rotates a team token: the old one stops working at once', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/admin/teams/D/token', headers: auth(season.tokens.admin) });
    const fresh = r.json().token as string;
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(tok('D')) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(fresh) })).json()).toEqual({ role: 'team', team: 'D' });
    // The organizer's tokens.json follows, still readable by its owner only.
    expect(JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8')).teams.D).toBe(fresh);
    expect(statSync(join(dir, 'tokens.json')).mode & 0o777).toBe(0o600);
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/teams/{team}/submissions', '/api/v1/teams/{team}/notebook', '/api/v1/admin/advance']));
    expect(JSON.stringify(doc.paths['/api/v1/teams/{team}/submissions'].post.requestBody)).toContain('filename');
  });
});
