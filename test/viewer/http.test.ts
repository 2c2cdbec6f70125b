// The one HTTP stack's guards: which origins and hosts may use the server (over HTTP and WebSocket), the
// per-connection message rate, the --allow-origin flag, and the build stamp that tells serve its client is stale.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildState, sourcesHash, STAMP_FILE } from '../../viewer/build/stamp.js';
import { CLIENT, CLOSE_TOO_MANY, MESSAGE_BURST, MESSAGE_RATE_PER_S, SERVER } from '../../viewer/protocol.js';
import { ensureClientBuilt } from '../../viewer/server/client-build.js';
import { isLoopbackHost, originPolicy, parseOrigin } from '../../viewer/server/http/origins.js';
import { MessageRate } from '../../viewer/server/http/rate.js';
import { startHttpApp, startServer, type ViewerServer } from '../../viewer/server/index.js';
import { UserError } from '../../tournament/errors.js';
import { Client, recordMatch } from '../helpers/viewer-server.js';

const REPO = join(__dirname, '../..');
let tmp: string;
let distDir: string;
let server: ViewerServer;
const clients: Client[] = [];

async function connect(url: string, headers?: Record<string, string>): Promise<Client> {
  const c = await Client.connect(url, headers);
  clients.push(c);
  return c;
}

/** What the server answers a WebSocket upgrade with these headers: 'open', or the error ws reports. */
async function upgrade(url: string, headers: Record<string, string>): Promise<string> {
  try {
    const c = await connect(url, headers);
    c.close();
    return 'open';
  } catch (e) {
    return (e as Error).message;
  }
}

function httpGet(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'matchday-http-'));
  distDir = join(tmp, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
  const rec = await recordMatch('possession', 'chaser', { seed: 4, halfTicks: 100 });
  writeFileSync(join(tmp, 'm.mdr'), rec.file);
  server = await startServer({ root: join(tmp, 'm.mdr'), port: 0, host: '127.0.0.1', distDir, allowOrigins: ['https://season.example'] });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('origin policy', () => {
  it('knows loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.8.9.1', '::1', '[::1]', '::ffff:127.0.0.1', 'app.localhost']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '10.0.0.5', 'example.org', '::', '128.0.0.1', 'localhost.example.org']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('listening on loopback: loopback pages and allowed origins only, and only through a loopback Host', () => {
    const p = originPolicy('127.0.0.1', ['https://season.example']);
    expect(p.refuse(undefined, '127.0.0.1:8080')).toBeNull();
    expect(p.refuse('http://localhost:5173', 'localhost:8080')).toBeNull();
    expect(p.refuse('http://127.0.0.1:8080', '127.0.0.1:8080')).toBeNull();
    expect(p.refuse('https://season.example', '127.0.0.1:8080')).toBeNull();
    expect(p.refuse('https://evil.example', '127.0.0.1:8080')).toMatch(/origin https:\/\/evil\.example refused: allow it with --allow-origin https:\/\/evil\.example/);
    expect(p.refuse('null', '127.0.0.1:8080')).toMatch(/refused/);
    // DNS rebinding: a foreign name resolving to 127.0.0.1, same-origin to its own page.
    expect(p.refuse('http://evil.example:8080', 'evil.example:8080')).toMatch(/refused/);
    expect(p.refuse(undefined, 'evil.example:8080')).toMatch(/host "evil\.example:8080" refused: this server listens on loopback only/);
  });

  it('listening beyond loopback: also the page the server itself serves, never another site', () => {
    const p = originPolicy('0.0.0.0');
    expect(p.refuse('http://10.0.0.5:8080', '10.0.0.5:8080')).toBeNull();
    expect(p.refuse('http://box.lan:8080', 'box.lan:8080')).toBeNull();
    expect(p.refuse(undefined, 'box.lan:8080')).toBeNull();
    expect(p.refuse('http://localhost:3000', 'box.lan:8080')).toBeNull();
    expect(p.refuse('http://box.lan:9999', 'box.lan:8080')).toMatch(/refused/);
    expect(p.refuse('https://evil.example', 'box.lan:8080')).toMatch(/allow it with --allow-origin https:\/\/evil\.example/);
  });

  it('parses --allow-origin values and names a bad one', () => {
    expect(parseOrigin('https://Season.Example:443/')).toBe('https://season.example');
    expect(parseOrigin('http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080');
    expect(() => parseOrigin('season.example')).toThrow(/--allow-origin "season\.example": not an origin/);
    expect(() => parseOrigin('https://season.example/app')).toThrow(/only scheme, host and port/);
    expect(() => parseOrigin('ftp://season.example')).toThrow(/only scheme, host and port/);
  });
});

describe('origins on the real server', () => {
  it('refuses a WebSocket upgrade from a foreign page with 403, accepts loopback, allowed and origin-less clients', async () => {
    expect(await upgrade(server.wsUrl, { origin: 'https://evil.example' })).toMatch(/403/);
    expect(await upgrade(server.wsUrl, { origin: 'http://evil.example:1', host: 'evil.example:1' })).toMatch(/403/);
    expect(await upgrade(server.wsUrl, { origin: `http://127.0.0.1:${server.port}` })).toBe('open');
    expect(await upgrade(server.wsUrl, { origin: 'https://season.example' })).toBe('open');
    expect(await upgrade(server.wsUrl, {})).toBe('open');
  });

  it('refuses HTTP requests from a foreign page or through a foreign Host, saying how to allow them', async () => {
    const evil = await httpGet(server.port, '/', { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body).toContain('--allow-origin https://evil.example');
    expect(evil.body).not.toContain('root');
    expect((await httpGet(server.port, '/', { host: 'rebound.example' })).status).toBe(403);
    expect((await httpGet(server.port, '/', { origin: 'https://season.example' })).status).toBe(200);
    expect((await httpGet(server.port, '/', {})).status).toBe(200);
  });

  it('beyond loopback, the served page connects by the address it was opened at; other sites do not', async () => {
    const wide = await startServer({ root: join(tmp, 'm.mdr'), port: 0, host: '0.0.0.0', distDir });
    try {
      const url = `ws://127.0.0.1:${wide.port}/ws`;
      expect(await upgrade(url, { origin: `http://192.0.2.7:${wide.port}`, host: `192.0.2.7:${wide.port}` })).toBe('open');
      expect(await upgrade(url, { origin: 'https://evil.example', host: `192.0.2.7:${wide.port}` })).toMatch(/403/);
      expect((await httpGet(wide.port, '/', { host: 'box.lan' })).status).toBe(200);
    } finally {
      await wide.close();
    }
  });

  it('matchday serve refuses a malformed --allow-origin with one clear line', () => {
    const r = spawnSync(process.execPath, ['bin/matchday.mjs', 'serve', join(tmp, 'm.mdr'), '--allow-origin', 'not an origin', '--no-build'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--allow-origin "not an origin": not an origin like https:\/\/example\.org/);
  });
});

describe('the app with plugins only (a season host)', () => {
  it('lists the mounted APIs, serves the plugin, and the viewer socket answers over its own live hub', async () => {
    const app = await startHttpApp({
      port: 0, distDir, name: 'a season',
      plugins: [{ plugin: async (a: FastifyInstance) => void a.get('/season', async () => ({ ok: true })), options: { prefix: '/api/v1' } }],
    });
    try {
      expect(await (await fetch(`${app.url}api/index.json`)).json()).toEqual({ apis: ['/api/v1'] });
      expect(await (await fetch(`${app.url}api/v1/season`)).json()).toEqual({ ok: true });
      expect((await fetch(`${app.url}api/v1/nothing`)).status).toBe(404);
      const rec = await recordMatch('possession', 'chaser', { seed: 1, halfTicks: 50 });
      app.live.begin('md1-A-B', rec.blobs[0]!.bytes);
      const c = await connect(app.wsUrl);
      c.send({ type: CLIENT.list });
      const { served } = await c.next(SERVER.list);
      expect(served.name).toBe('a season');
      expect(served.matches.map((m) => [m.id, m.status])).toEqual([['md1-A-B', 'live']]);
    } finally {
      await app.close();
    }
  });

  it('a plain viewer mounts no API, and says so with a 200', async () => {
    expect(await (await fetch(`${server.url}api/index.json`)).json()).toEqual({ apis: [] });
  });

  it('a bad --allow-origin is one plain line before anything listens', async () => {
    const err = await startHttpApp({ port: 0, allowOrigins: ['nope'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/--allow-origin "nope": not an origin/);
  });
});

describe('message rate per connection', () => {
  it('a token bucket: a burst, then the sustained rate', () => {
    let t = 0;
    const r = new MessageRate(5, 2, () => t);
    for (let i = 0; i < 5; i++) expect(r.admit()).toBe(true);
    expect(r.admit()).toBe(false);
    t += 500; // one message's worth at 2 per second
    expect(r.admit()).toBe(true);
    expect(r.admit()).toBe(false);
    t += 60_000; // never more than the burst saved up
    for (let i = 0; i < 5; i++) expect(r.admit()).toBe(true);
    expect(r.admit()).toBe(false);
  });

  it('a client within the burst gets an answer to every message; one over it is closed with the reason, alone', async () => {
    const calm = await connect(server.wsUrl);
    const flood = await connect(server.wsUrl);
    const other = await connect(server.wsUrl);
    const closed = new Promise<[number, string]>((done) => flood.ws.once('close', (code, reason) => done([code, reason.toString()])));
    for (let i = 0; i < MESSAGE_BURST + 50; i++) flood.sendRaw('{"type":');
    const [code, reason] = await closed;
    expect(code).toBe(CLOSE_TOO_MANY);
    expect(reason).toBe(`too many messages: over ${MESSAGE_BURST} at once or ${MESSAGE_RATE_PER_S} per second`);
    // It was answered until it went over, and only then closed.
    expect(flood.messages.filter((m) => m.type === SERVER.error).length).toBeGreaterThanOrEqual(MESSAGE_BURST);
    expect(flood.messages.filter((m) => m.type === SERVER.error).length).toBeLessThan(MESSAGE_BURST + 50);
    for (let i = 0; i < MESSAGE_BURST / 2; i++) calm.sendRaw('[]');
    calm.send({ type: CLIENT.list, requestId: 'still here' });
    expect((await calm.next(SERVER.list)).requestId).toBe('still here');
    expect(calm.messages.filter((m) => m.type === SERVER.error).length).toBe(MESSAGE_BURST / 2);
    other.send({ type: CLIENT.open, matchId: 'm' });
    expect((await other.stream('m')).at(-1)!.kind).toBe('footer');
  });
});

describe('build stamp', () => {
  it('the sources hash follows the content of the client sources', () => {
    const root = join(tmp, 'repo');
    mkdirSync(join(root, 'viewer', 'client'), { recursive: true });
    writeFileSync(join(root, 'viewer', 'client', 'App.tsx'), 'export const a = 1;');
    const a = sourcesHash(root);
    expect(sourcesHash(root)).toBe(a);
    writeFileSync(join(root, 'viewer', 'client', 'App.tsx'), 'export const a = 2;');
    expect(sourcesHash(root)).not.toBe(a);
    writeFileSync(join(root, 'unrelated.md'), 'x');
    mkdirSync(join(root, 'engine'));
    writeFileSync(join(root, 'engine', 'step.ts'), 'x');
    expect(sourcesHash(root)).not.toBe(a);
  });

  it('tells a missing, unstamped, stale and fresh build apart', () => {
    const dist = join(tmp, 'stamped');
    expect(buildState(dist)).toBe('missing');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    expect(buildState(dist)).toBe('unstamped');
    writeFileSync(join(dist, STAMP_FILE), JSON.stringify({ sources: '0'.repeat(64) }));
    expect(buildState(dist)).toBe('stale');
    writeFileSync(join(dist, STAMP_FILE), JSON.stringify({ sources: sourcesHash() }));
    expect(buildState(dist)).toBe('fresh');
  });

  it('a stale build is rebuilt with vite before serving, and the new one is stamped fresh', async () => {
    const dist = join(tmp, 'rebuilt');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), 'an old build');
    writeFileSync(join(dist, STAMP_FILE), JSON.stringify({ sources: 'old' }));
    const lines: string[] = [];
    expect(await ensureClientBuilt((l) => lines.push(l), dist)).toBe('fresh');
    expect(lines[0]).toMatch(/built from other sources than this checkout \(e\.g\. before a git pull\); building it now/);
    expect(lines[1]).toBe('viewer built');
    expect(buildState(dist)).toBe('fresh');
    const s = await startServer({ root: join(tmp, 'm.mdr'), port: 0, distDir: dist });
    try {
      const page = await httpGet(s.port, '/', {});
      expect(page.body).toContain('<div id="root">');
      expect(page.body).not.toContain('an old build');
    } finally {
      await s.close();
    }
    // Fresh: nothing to do, nothing said.
    lines.length = 0;
    expect(await ensureClientBuilt((l) => lines.push(l), dist)).toBe('fresh');
    expect(lines).toEqual([]);
  });
});
