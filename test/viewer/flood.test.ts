// Load and abuse on loopback, bounded in count: 200 WebSocket clients follow one live match while 10,000
// malformed messages arrive among them, and one client floods past its message rate. Every client still
// gets the whole match in order, the flooder alone is closed, the server answers a new client afterwards,
// and its memory stays bounded (rss before and after, a generous bound). Time is not asserted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLIENT, CLOSE_TOO_MANY, MESSAGE_BURST, SERVER } from '../../viewer/protocol.js';
import { LiveHub, startServer, type ViewerServer } from '../../viewer/server/index.js';
import { Client, recordMatch, type Recorded } from '../helpers/viewer-server.js';

const CLIENTS = 200;
const MALFORMED = 10_000;
/** Malformed messages per client, in bursts within its message rate (MESSAGE_BURST at once). */
const PER_CLIENT = MALFORMED / CLIENTS;
/** rss may grow by at most this much across the whole run (200 clients' socket buffers included). */
const RSS_BOUND_MB = 256;

let server: ViewerServer;
let hub: LiveHub;
let rec: Recorded;

// A mix of what a broken or hostile client sends: every kind of refusal the session has.
const BAD: readonly string[] = [
  '{"type": "open"',
  '[1,2,3]',
  '"just a string"',
  '{"type": "delete", "requestId": 1}',
  '{"type": "open", "matchId": 5}',
  '{"type": "list", "admin": true}',
  '{"type": "open", "matchId": "../../etc/passwd"}',
  JSON.stringify({ type: 'list', pad: 'x'.repeat(5000) }),
  'null',
  '{"requestId": {"nested": [1, 2]}}',
];

beforeAll(async () => {
  rec = await recordMatch('possession', 'chaser', { seed: 21, halfTicks: 1000 });
  hub = new LiveHub();
  server = await startServer({ port: 0, host: '127.0.0.1', live: hub, name: 'flood', distDir: '/nonexistent-matchday-dist' });
});

afterAll(async () => {
  await server?.close();
});

it(`${CLIENTS} clients on one live match and ${MALFORMED} malformed messages: every client served, the flooder alone closed, memory bounded`, async () => {
  expect(PER_CLIENT).toBeLessThanOrEqual(MESSAGE_BURST);
  const rssBefore = process.memoryUsage().rss;
  const [header, ...rest] = rec.blobs;
  const segments = rest.filter((b) => b.kind === 'segment');
  const footer = rest[rest.length - 1]!;
  hub.begin('LIVE', header!.bytes, { label: 'the match everyone watches' });
  for (const s of segments.slice(0, 5)) hub.segment('LIVE', s.bytes);

  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => Client.connect(server.wsUrl)));
  const flooder = await Client.connect(server.wsUrl);
  try {
    for (const c of clients) c.send({ type: CLIENT.open, matchId: 'LIVE' });
    const flooderClosed = new Promise<number>((done) => flooder.ws.once('close', (code) => done(code)));
    // The match goes on while the garbage arrives, one segment per round of bad messages.
    let next = 5;
    for (let k = 0; k < PER_CLIENT; k++) {
      clients.forEach((c, i) => c.sendRaw(BAD[(i + k) % BAD.length]!));
      for (let j = 0; j < 20; j++) flooder.sendRaw(BAD[j % BAD.length]!);
      if (next < segments.length && k % 2 === 0) hub.segment('LIVE', segments[next++]!.bytes);
      await new Promise((r) => setImmediate(r));
    }
    while (next < segments.length) hub.segment('LIVE', segments[next++]!.bytes);
    hub.end('LIVE', footer.bytes);

    expect(await flooderClosed).toBe(CLOSE_TOO_MANY);
    const streams = await Promise.all(clients.map((c) => c.stream('LIVE')));
    const expected = rec.blobs.map((b) => Buffer.from(b.bytes));
    streams.forEach((frames, k) => {
      expect(frames.length).toBe(expected.length);
      frames.forEach((f, i) => {
        if (!Buffer.from(f.blob).equals(expected[i]!)) throw new Error(`client ${k}: blob ${i} differs from the recording`);
      });
    });
    // Each malformed message was answered with an error, to its sender only; no client was closed.
    await Promise.all(clients.map((c) => c.until(() => c.messages.filter((m) => m.type === SERVER.error).length >= PER_CLIENT || undefined, 60_000, 'all errors')));
    const errors = clients.reduce((n, c) => n + c.messages.filter((m) => m.type === SERVER.error).length, 0);
    expect(errors).toBe(MALFORMED);
    expect(clients.every((c) => !c.closed)).toBe(true);

    // Still serving: a new client lists the match as done.
    const late = await Client.connect(server.wsUrl);
    late.send({ type: CLIENT.list, requestId: 'after' });
    expect((await late.next(SERVER.list)).served.matches).toMatchObject([{ id: 'LIVE', status: 'done' }]);
    late.close();
  } finally {
    for (const c of [...clients, flooder]) c.close();
  }
  await new Promise((r) => setTimeout(r, 200));
  const grewMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  console.log(`flood: rss grew ${grewMb.toFixed(1)} MB over ${CLIENTS} clients and ${MALFORMED} malformed messages`);
  expect(grewMb).toBeLessThan(RSS_BOUND_MB);
}, 300_000);
