// The viewer server against a real cup folder (8 teams, 16 short matches played by the scheduler with
// the replay writer): list, streaming every blob in order, live matches through the LiveHub, every bad
// input answered to its client only, static files, path traversal, and the port-in-use message.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeBlob } from '../../engine/replay/live.js';
import { ReplayReader } from '../../engine/replay/reader.js';
import { decodeSegment } from '../../engine/replay/segment.js';
import type { Frame } from '../../engine/replay/types.js';
import { UserError } from '../../tournament/errors.js';
import type { CupReport } from '../../tournament/report.js';
import { CLIENT, MAX_INBOUND_BYTES, MAX_PAYLOAD_BYTES, SERVER, type ServerMessage, type StreamFrame } from '../../viewer/protocol.js';
import { LiveHub, startServer, type ViewerServer } from '../../viewer/server/index.js';
import { Client, makeCupFolder, recordMatch, type Recorded } from '../helpers/viewer-server.js';

let tmp: string;
let cupDir: string;
let distDir: string;
let server: ViewerServer;
let report: CupReport;
const clients: Client[] = [];

async function connect(url = server.wsUrl): Promise<Client> {
  const c = await Client.connect(url);
  clients.push(c);
  return c;
}

function isFrame(x: ServerMessage | StreamFrame): x is StreamFrame {
  return 'blob' in x;
}

/** Every blob of a replay file in stream order, as the reader splits it. */
function fileBlobs(bytes: Uint8Array): Uint8Array[] {
  const r = new ReplayReader(bytes, 'x.mdr');
  return [r.headerBlob(), ...Array.from({ length: r.segmentCount }, (_, i) => r.segmentBlob(i)), r.footerBlob()];
}

/** Checks a match's frames are header, segments 0..n-1, footer, and decode to exactly the file's frames. */
function expectWholeReplay(frames: StreamFrame[], file: Uint8Array): void {
  const reader = new ReplayReader(file, 'x.mdr');
  expect(frames.map((f) => f.kind)).toEqual(['header', ...Array.from({ length: reader.segmentCount }, () => 'segment'), 'footer']);
  expect(frames.filter((f) => f.kind === 'segment').map((f) => f.index)).toEqual(Array.from({ length: reader.segmentCount }, (_, i) => i));
  const head = decodeBlob(frames[0]!.blob);
  expect(head.kind === 'header' && head.header).toEqual(reader.header);
  const decoded: Frame[] = [];
  for (const f of frames.slice(1, -1)) {
    const seg = decodeSegment(f.blob);
    expect(seg.index).toBe(f.index);
    decoded.push(...seg.frames);
  }
  expect(decoded.length).toBe(reader.lastTick + 1);
  for (const t of [0, 1, 99, 100, Math.floor(reader.lastTick / 2), reader.lastTick]) expect(decoded[t]).toEqual(reader.frameAt(t));
  const foot = decodeBlob(frames[frames.length - 1]!.blob);
  expect(foot.kind === 'footer' && foot.footer).toEqual(reader.footer);
  // Byte for byte the blobs of the file.
  expect(frames.map((f) => Buffer.from(f.blob).toString('base64'))).toEqual(fileBlobs(file).map((b) => Buffer.from(b).toString('base64')));
}

function httpGet(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    // node's http client sends `path` as given, so '..' reaches the server un-normalised.
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'matchday-viewer-server-'));
  cupDir = join(tmp, 'cup');
  await makeCupFolder(cupDir);
  report = JSON.parse(readFileSync(join(cupDir, 'report.json'), 'utf8')) as CupReport;
  // A corrupt replay and a truncated one, served like any other match.
  const good = readFileSync(join(cupDir, 'replays', 'F.mdr'));
  const flipped = Buffer.from(good);
  flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
  writeFileSync(join(cupDir, 'replays', 'broken.mdr'), flipped);
  writeFileSync(join(cupDir, 'replays', 'cut.mdr'), good.subarray(0, Math.floor(good.length / 3)));
  // A built client, and a secret next to it that no request may reach.
  distDir = join(tmp, 'dist');
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>viewer</title><div id="root"></div>');
  writeFileSync(join(distDir, 'assets', 'app-1234.js'), 'console.log("app")');
  writeFileSync(join(distDir, 'assets', 'app-1234.css'), 'body{}');
  writeFileSync(join(tmp, 'secret.txt'), 'SECRET');
  symlinkSync(join(tmp, 'secret.txt'), join(distDir, 'link.txt'));
  server = await startServer({ root: cupDir, port: 0, host: '127.0.0.1', distDir });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('list', () => {
  it('lists the cup: groups with tables, the bracket, every match done with its score, ratings, the champion', async () => {
    const c = await connect();
    c.send({ type: CLIENT.list, requestId: 7 });
    const { served, requestId } = await c.next(SERVER.list);
    expect(requestId).toBe(7);
    expect(served.kind).toBe('cup');
    expect(served.name).toBe('viewer test cup');
    expect(served.teams.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8']);
    expect(served.groups.map((g) => [g.name, g.table.length, g.complete])).toEqual([['A', 4, true], ['B', 4, true]]);
    expect(served.groups[0]!.table.reduce((n, r) => n + r.played, 0)).toBe(12);
    expect(served.bracket.map((t) => t.id)).toEqual(report.summary.bracket!.map((t) => t.id));
    expect(served.bracket.every((t) => t.winner !== null)).toBe(true);
    expect(served.champion).toBe(report.champion);
    expect(served.ratings.length).toBe(8);
    expect(served.matches.map((m) => m.id)).toEqual(report.results.map((r) => r.id));
    for (const m of served.matches) {
      const r = report.results.find((x) => x.id === m.id)!;
      expect(m).toMatchObject({ status: 'done', streamable: true, home: r.home, away: r.away, score: r.score, winner: r.winner });
    }
  });

  it('lists a cup still running from its config and results: unplayed matches are scheduled, not streamable', async () => {
    const dir = join(tmp, 'running');
    cpSync(cupDir, dir, { recursive: true });
    rmSync(join(dir, 'report.json'));
    for (const id of ['SF1', 'SF2', 'F']) {
      rmSync(join(dir, 'results', `${id}.json`));
      rmSync(join(dir, 'replays', `${id}.mdr`));
    }
    const s = await startServer({ root: dir, port: 0, distDir });
    try {
      const c = await connect(s.wsUrl);
      c.send({ type: CLIENT.list });
      const { served } = await c.next(SERVER.list);
      expect(served.groups.every((g) => g.complete)).toBe(true);
      expect(served.champion).toBeNull();
      const sf1 = served.matches.find((m) => m.id === 'SF1');
      expect(sf1).toMatchObject({ status: 'scheduled', score: null, streamable: false });
      expect(served.matches.filter((m) => m.status === 'done').length).toBe(12);
      c.send({ type: CLIENT.open, matchId: 'SF2', requestId: 'x' });
      const err = await c.next(SERVER.error);
      expect(err).toMatchObject({ code: 'not_streamable', requestId: 'x', matchId: 'SF2' });
    } finally {
      await s.close();
    }
  });
});

describe('streaming a replay', () => {
  it('sends opened, the header, every segment in order and the footer, exactly the file and decodable', async () => {
    const c = await connect();
    c.send({ type: CLIENT.open, matchId: 'G-A-md1-1', requestId: 1 });
    const frames = await c.stream('G-A-md1-1');
    expect(c.received[0]).toMatchObject({ type: SERVER.opened, matchId: 'G-A-md1-1', status: 'done', requestId: 1 });
    expectWholeReplay(frames, readFileSync(join(cupDir, 'replays', 'G-A-md1-1.mdr')));
  });

  it('streams two matches on one socket at once, each in order', async () => {
    const c = await connect();
    c.send({ type: CLIENT.open, matchId: 'SF1' });
    c.send({ type: CLIENT.open, matchId: 'F' });
    expectWholeReplay(await c.stream('SF1'), readFileSync(join(cupDir, 'replays', 'SF1.mdr')));
    expectWholeReplay(await c.stream('F'), readFileSync(join(cupDir, 'replays', 'F.mdr')));
  });

  it('close stops a stream: nothing for that match arrives after closed', async () => {
    const c = await connect();
    c.send({ type: CLIENT.open, matchId: 'G-B-md1-1' });
    c.send({ type: CLIENT.close, matchId: 'G-B-md1-1', requestId: 2 });
    c.send({ type: CLIENT.list, requestId: 3 });
    await c.until(() => c.messages.find((m) => m.type === SERVER.list), 20_000, 'list');
    const at = c.received.findIndex((m) => !isFrame(m) && m.type === SERVER.closed);
    expect(c.received[at]).toMatchObject({ type: SERVER.closed, matchId: 'G-B-md1-1', requestId: 2 });
    expect(c.received.slice(at).filter((m) => isFrame(m) && m.matchId === 'G-B-md1-1')).toEqual([]);
  });
});

describe('live matches', () => {
  let rec: Recorded;
  beforeAll(async () => {
    rec = await recordMatch('possession', 'chaser', { seed: 3, halfTicks: 400 });
  });

  it('a late joiner gets everything played so far, then each new segment, then the footer; everyone hears the status', async () => {
    const hub = server.live;
    const watcher = await connect();
    const [header, ...rest] = rec.blobs;
    const segments = rest.filter((b) => b.kind === 'segment');
    const footer = rest[rest.length - 1]!;
    hub.begin('LIVE-1', header!.bytes, { label: 'Live friendly', stage: 'friendly', home: 'possession', away: 'chaser' });
    const started = await watcher.until(() => watcher.messages.find((m) => m.type === SERVER.matchStatus && m.match.id === 'LIVE-1'), 20_000, 'matchStatus');
    expect(started).toMatchObject({ match: { status: 'live', streamable: true, label: 'Live friendly', score: [0, 0] } });
    for (const s of segments.slice(0, 3)) hub.segment('LIVE-1', s.bytes);

    const late = await connect();
    late.send({ type: CLIENT.list });
    const { served } = await late.next(SERVER.list);
    expect(served.matches.find((m) => m.id === 'LIVE-1')).toMatchObject({ status: 'live', home: 'possession', away: 'chaser' });
    late.send({ type: CLIENT.open, matchId: 'LIVE-1' });
    await late.until(() => late.frames.length === 4, 20_000, 'the header and 3 segments');
    expect(late.messages.find((m) => m.type === SERVER.opened)).toMatchObject({ status: 'live' });
    for (const s of segments.slice(3)) hub.segment('LIVE-1', s.bytes);
    hub.end('LIVE-1', footer.bytes);
    expectWholeReplay(await late.stream('LIVE-1'), rec.file);
    const ended = await watcher.until(() => watcher.messages.find((m) => m.type === SERVER.matchStatus && m.match.id === 'LIVE-1' && m.match.status === 'done'), 20_000, 'done');
    expect(ended).toMatchObject({ match: { score: rec.result.score } });
    // After the end it streams like a replay.
    const after = await connect();
    after.send({ type: CLIENT.open, matchId: 'LIVE-1' });
    expectWholeReplay(await after.stream('LIVE-1'), rec.file);
  });

  it('a restarted live match sends its header again; an aborted one is closed', async () => {
    const hub = server.live;
    const c = await connect();
    hub.begin('LIVE-2', rec.blobs[0]!.bytes);
    hub.segment('LIVE-2', rec.blobs[1]!.bytes);
    c.send({ type: CLIENT.open, matchId: 'LIVE-2' });
    await c.until(() => c.frames.length === 2, 20_000, 'two frames');
    hub.begin('LIVE-2', rec.blobs[0]!.bytes);
    await c.until(() => c.frames.length === 3, 20_000, 'the header again');
    expect(c.frames.map((f) => f.kind)).toEqual(['header', 'segment', 'header']);
    hub.abort('LIVE-2');
    await c.until(() => c.messages.find((m) => m.type === SERVER.closed && m.matchId === 'LIVE-2'), 20_000, 'closed');
    c.send({ type: CLIENT.open, matchId: 'LIVE-2' });
    expect(await c.next(SERVER.error)).toMatchObject({ code: 'unknown_match', matchId: 'LIVE-2' });
  });

  it('the hub refuses blobs out of order, before begin, or of the wrong kind', () => {
    const hub = new LiveHub();
    expect(() => hub.segment('m', rec.blobs[1]!.bytes)).toThrow(/before begin/);
    hub.begin('m', rec.blobs[0]!.bytes);
    expect(() => hub.segment('m', rec.blobs[2]!.bytes)).toThrow(/got segment 1, expected 0/);
    expect(() => hub.begin('m', rec.blobs[1]!.bytes)).toThrow(/header blob/);
    expect(() => hub.segment('m', new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('the hub takes the replay writer sink directly, and planned matches show as scheduled', async () => {
    const hub = new LiveHub();
    const s = await startServer({ port: 0, live: hub, name: 'live only', distDir });
    try {
      hub.plan([{ id: 'P1', label: 'Opening match', stage: 'group', home: 'a', away: 'b' }]);
      const sink = hub.sink('W1');
      for (const b of rec.blobs.slice(0, 4)) sink(b.kind, b.bytes);
      const c = await connect(s.wsUrl);
      c.send({ type: CLIENT.list });
      const { served } = await c.next(SERVER.list);
      expect(served.name).toBe('live only');
      expect(served.matches.map((m) => [m.id, m.status])).toEqual([['P1', 'scheduled'], ['W1', 'live']]);
      c.send({ type: CLIENT.open, matchId: 'W1' });
      await c.until(() => c.frames.length === 4, 20_000, 'four frames');
      for (const b of rec.blobs.slice(4)) sink(b.kind, b.bytes);
      expectWholeReplay(await c.stream('W1'), rec.file);
    } finally {
      await s.close();
    }
  });
});

describe('bad input: an error to that client only, and the server keeps serving', () => {
  const cases: Array<[string, (c: Client) => void, string, RegExp]> = [
    ['an unknown match id', (c) => c.send({ type: CLIENT.open, matchId: 'nope', requestId: 'r1' }), 'unknown_match', /no match nope/],
    ['a match id that leaves the folder', (c) => c.send({ type: CLIENT.open, matchId: '../report', requestId: 'r2' }), 'bad_match_id', /not a match id/],
    ['an absolute path as match id', (c) => c.send({ type: CLIENT.open, matchId: '/etc/passwd' }), 'bad_match_id', /never a path/],
    ['a corrupt replay', (c) => c.send({ type: CLIENT.open, matchId: 'broken' }), 'corrupt_replay', /replays\/broken\.mdr: corrupt/],
    ['a truncated replay', (c) => c.send({ type: CLIENT.open, matchId: 'cut' }), 'corrupt_replay', /replays\/cut\.mdr: truncated/],
    ['malformed JSON', (c) => c.sendRaw('{"type": "list"'), 'bad_json', /not valid JSON/],
    ['a JSON value that is not a message', (c) => c.sendRaw('[1,2]'), 'bad_message', /JSON object/],
    ['an unknown message type', (c) => c.send({ type: 'delete', requestId: 9 }), 'unknown_type', /unknown message type "delete"/],
    ['a message with a bad field', (c) => c.send({ type: CLIENT.open, matchId: 5 }), 'bad_message', /invalid open message: matchId/],
    ['a message with an extra field', (c) => c.send({ type: CLIENT.list, admin: true }), 'bad_message', /invalid list message/],
    ['an oversized message', (c) => c.send({ type: CLIENT.list, pad: 'x'.repeat(MAX_INBOUND_BYTES) }), 'too_large', /limit is 4096/],
    ['a binary message', (c) => c.sendRaw(Buffer.from([1, 2, 3])), 'bad_message', /binary messages are not accepted/],
  ];

  it.each(cases)('%s', async (_name, sendBad, code, message) => {
    const bad = await connect();
    const other = await connect();
    sendBad(bad);
    const err = await bad.next(SERVER.error);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    // The same client can go on; another client never saw the error and is still served.
    bad.send({ type: CLIENT.list, requestId: 'again' });
    expect((await bad.next(SERVER.list)).requestId).toBe('again');
    other.send({ type: CLIENT.open, matchId: 'G-A-md2-1' });
    expectWholeReplay(await other.stream('G-A-md2-1'), readFileSync(join(cupDir, 'replays', 'G-A-md2-1.mdr')));
    expect(other.messages.filter((m) => m.type === SERVER.error)).toEqual([]);
  });

  it('echoes the requestId of a request it refuses', async () => {
    const c = await connect();
    c.send({ type: 'nonsense', requestId: 'abc' });
    expect(await c.next(SERVER.error)).toMatchObject({ code: 'unknown_type', requestId: 'abc' });
  });

  it('a message beyond the WebSocket payload limit closes only that connection', async () => {
    const bad = await connect();
    const other = await connect();
    const closed = new Promise<number>((done) => bad.ws.once('close', (code) => done(code)));
    bad.sendRaw('x'.repeat(MAX_PAYLOAD_BYTES + 1));
    expect(await closed).toBe(1009);
    other.send({ type: CLIENT.list });
    await other.next(SERVER.list);
  });

  it('refuses a WebSocket upgrade on any path but /ws', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/other`);
    await expect(new Promise((done, fail) => (ws.once('open', done), ws.once('error', fail)))).rejects.toThrow(/404/);
  });
});

describe('static files', () => {
  it('serves index.html, assets with their MIME types, and index.html for client routes', async () => {
    const index = await httpGet(server.port, '/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.body).toContain('<div id="root">');
    expect(await httpGet(server.port, '/assets/app-1234.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log("app")' });
    expect(await httpGet(server.port, '/assets/app-1234.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect((await httpGet(server.port, '/cup/match/G-A-md1-1?tick=40')).body).toContain('<div id="root">');
    expect((await httpGet(server.port, '/assets/missing.js')).status).toBe(404);
    expect((await httpGet(server.port, '/', 'POST')).status).toBe(405);
    const head = await httpGet(server.port, '/assets/app-1234.js', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/link.txt', '/%00'])(
    'refuses %s',
    async (path) => {
      const r = await httpGet(server.port, path);
      expect([400, 403, 404]).toContain(r.status);
      expect(r.body).not.toContain('SECRET');
    },
  );

  it('without a build, says how to make one', async () => {
    const s = await startServer({ root: cupDir, port: 0, distDir: join(tmp, 'no-dist') });
    try {
      const r = await httpGet(s.port, '/');
      expect(r.status).toBe(503);
      expect(r.body).toContain('npm run build:viewer');
      // The WebSocket still works.
      const c = await connect(s.wsUrl);
      c.send({ type: CLIENT.list });
      await c.next(SERVER.list);
    } finally {
      await s.close();
    }
  });
});

describe('sources and startup', () => {
  it('serves one replay file as a single match named after the file', async () => {
    const file = join(tmp, 'my replay.mdr');
    copyFileSync(join(cupDir, 'replays', 'SF2.mdr'), file);
    const s = await startServer({ root: file, port: 0, distDir });
    try {
      const c = await connect(s.wsUrl);
      c.send({ type: CLIENT.list });
      const { served } = await c.next(SERVER.list);
      expect(served.kind).toBe('replay');
      expect(served.matches.map((m) => [m.id, m.status, m.streamable])).toEqual([['my-replay', 'done', true]]);
      c.send({ type: CLIENT.open, matchId: 'my-replay' });
      expectWholeReplay(await c.stream('my-replay'), readFileSync(file));
    } finally {
      await s.close();
    }
  });

  it('serves a scrim folder: its replays, named by its summary', async () => {
    const dir = join(tmp, 'scrim');
    mkdirSync(join(dir, 'replays'), { recursive: true });
    copyFileSync(join(cupDir, 'replays', 'SF1.mdr'), join(dir, 'replays', 'seed-1.mdr'));
    copyFileSync(join(cupDir, 'replays', 'SF2.mdr'), join(dir, 'replays', 'seed-2.mdr'));
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ name: 'my scrim' }));
    const s = await startServer({ root: dir, port: 0, distDir });
    try {
      const c = await connect(s.wsUrl);
      c.send({ type: CLIENT.list });
      const { served } = await c.next(SERVER.list);
      expect(served).toMatchObject({ kind: 'scrim', name: 'my scrim' });
      expect(served.matches.map((m) => m.id)).toEqual(['seed-1', 'seed-2']);
      const sf1 = report.results.find((r) => r.id === 'SF1')!;
      expect(served.matches[0]!.score).toEqual(sf1.score);
      c.send({ type: CLIENT.open, matchId: 'seed-2' });
      expectWholeReplay(await c.stream('seed-2'), readFileSync(join(dir, 'replays', 'seed-2.mdr')));
    } finally {
      await s.close();
    }
  });

  it('a port in use is a clear error naming the port', async () => {
    const err = await startServer({ root: cupDir, port: server.port, distDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(new RegExp(`port ${server.port} on 127\\.0\\.0\\.1 is already in use`));
    // The first server is unharmed.
    expect((await httpGet(server.port, '/')).status).toBe(200);
  });

  it('a folder a cup has only just made lists as an empty cup, then fills in as the cup writes', async () => {
    const dir = join(tmp, 'fresh');
    mkdirSync(dir);
    const s = await startServer({ root: dir, kind: 'cup', port: 0, distDir });
    try {
      const c = await connect(s.wsUrl);
      c.send({ type: CLIENT.list });
      expect((await c.next(SERVER.list)).served).toMatchObject({ kind: 'cup', name: 'fresh', matches: [] });
      cpSync(join(cupDir, 'cup.json'), join(dir, 'cup.json'));
      cpSync(join(cupDir, 'draw.json'), join(dir, 'draw.json'));
      const n = c.messages.length;
      c.send({ type: CLIENT.list });
      const { served } = await c.next(SERVER.list, n);
      expect(served.name).toBe('viewer test cup');
      expect(served.matches.length).toBe(12);
      expect(served.matches.every((m) => m.status === 'scheduled')).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('a missing path is a clear error', async () => {
    await expect(startServer({ root: join(tmp, 'nowhere'), port: 0 })).rejects.toThrow(/nowhere: no such file or folder/);
  });

  it('matchday serve prints the address, serves, and exits 1 with a clear message when the port is taken', async () => {
    const run = (args: string[]) => spawn(process.execPath, ['bin/matchday.mjs', 'serve', ...args], { cwd: join(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    const child = run([cupDir, '--port', '0']);
    try {
      let out = '';
      const url = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) done(m[1]!);
        });
        child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
      });
      const c = await connect(url.replace('http', 'ws') + 'ws');
      c.send({ type: CLIENT.list });
      expect((await c.next(SERVER.list)).served.name).toBe('viewer test cup');
    } finally {
      child.kill('SIGTERM');
    }
    const taken = run([cupDir, '--port', String(server.port)]);
    let err = '';
    taken.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((done) => taken.on('exit', done));
    expect(code).toBe(1);
    expect(err).toContain(`matchday: port ${server.port} on 127.0.0.1 is already in use`);
  });
});
