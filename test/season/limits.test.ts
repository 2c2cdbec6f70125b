// Floods: per-token rate limits answer 429, keyed by the token (or the client address, from a proxy header only when asked).
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiApp, openSeasonHost, type SeasonHost } from '../../season/host.js';
import { tempSeason } from './helpers.js';

let open: Array<{ app: FastifyInstance; host: SeasonHost }> = [];

async function server(trustProxy = false) {
  const s = tempSeason();
  const host = openSeasonHost(s.dir, { rateLimit: { max: 3, timeWindowMs: 60_000 }, trustProxy });
  const app = await apiApp(host);
  open.push({ app, host });
  return { app, tokens: s.season.tokens };
}

afterEach(async () => {
  for (const o of open) {
    await o.app.close();
    await o.host.close();
  }
  open = [];
});

describe('season API rate limits', () => {
  it('answers 429 past the limit of one token while another token is still served', async () => {
    const { app, tokens } = await server();
    const get = (t: string) => app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${t}` } });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await get(tokens.teams.A!)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    expect((await get(tokens.teams.B!)).statusCode).toBe(200);
    // Wrong tokens are limited too (before any token is checked), so guessing is slow.
    const wrong = [];
    for (let i = 0; i < 4; i++) wrong.push((await get('md_' + 'f'.repeat(64))).statusCode);
    expect(wrong).toEqual([401, 401, 401, 429]);
  });

  it('gives a guesser no fresh bucket per guess: every wrong token shares its address\'s limit', async () => {
    const { app, tokens } = await server();
    const get = (t: string) => app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${t}` } });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await get('md_' + String(i).repeat(64))).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    // A team's own valid token keeps its own bucket while its address is over the limit.
    expect((await get(tokens.teams.A!)).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For unless configured to trust it', async () => {
    const plain = await server(false);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await plain.app.inject({ method: 'GET', url: '/api/v1/season', headers: { 'x-forwarded-for': `10.0.0.${i}` } })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const proxied = await server(true);
    const codes2 = [];
    for (let i = 0; i < 4; i++) codes2.push((await proxied.app.inject({ method: 'GET', url: '/api/v1/season', headers: { 'x-forwarded-for': `10.0.0.${i}` } })).statusCode);
    expect(codes2).toEqual([200, 200, 200, 200]);
  });
});
