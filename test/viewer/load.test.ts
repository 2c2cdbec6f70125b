// Load on loopback, bounded in count and time: 50 WebSocket clients stream the same default-length
// replay at once; each must receive every blob in order, and a list request made during the load must
// be answered. How long it takes is the bench's business (test/bench/viewer-server.ts), not asserted here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ReplayReader } from '../../engine/replay/reader.js';
import { decodeSegment } from '../../engine/replay/segment.js';
import { CLIENT, SERVER } from '../../viewer/protocol.js';
import { startServer, type ViewerServer } from '../../viewer/server/index.js';
import { Client, recordMatch } from '../helpers/viewer-server.js';

const CLIENTS = 50;
let tmp: string;
let server: ViewerServer;
let file: Uint8Array;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'matchday-viewer-load-'));
  // Default length: 2 x 3,000 ticks, 61 segments.
  file = (await recordMatch('possession', 'chaser', { seed: 11 })).file;
  writeFileSync(join(tmp, 'final.mdr'), file);
  server = await startServer({ root: tmp, port: 0, host: '127.0.0.1', distDir: join(tmp, 'no-dist') });
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

it(`${CLIENTS} clients stream one replay at once, each gets every segment in order, and a list is answered meanwhile`, async () => {
  const reader = new ReplayReader(file, 'final.mdr');
  const expected = [reader.headerBlob(), ...Array.from({ length: reader.segmentCount }, (_, i) => reader.segmentBlob(i)), reader.footerBlob()].map((b) => Buffer.from(b));
  expect(reader.segmentCount).toBeGreaterThan(50);

  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => Client.connect(server.wsUrl)));
  const lister = await Client.connect(server.wsUrl);
  try {
    for (const c of clients) c.send({ type: CLIENT.open, matchId: 'final' });
    lister.send({ type: CLIENT.list, requestId: 'during-load' });
    const [list] = await Promise.all([lister.next(SERVER.list), ...clients.map((c) => c.stream('final'))]);
    expect(list).toMatchObject({ requestId: 'during-load', served: { kind: 'scrim', matches: [{ id: 'final', status: 'done' }] } });

    clients.forEach((c, k) => {
      expect(c.messages.filter((m) => m.type === SERVER.error)).toEqual([]);
      const frames = c.frames.filter((f) => f.matchId === 'final');
      expect(frames.map((f) => f.index)).toEqual([0, ...Array.from({ length: reader.segmentCount }, (_, i) => i), 0]);
      frames.forEach((f, i) => {
        if (!Buffer.from(f.blob).equals(expected[i]!)) throw new Error(`client ${k}: blob ${i} differs from the file`);
      });
    });
    // Equal bytes decode alike; decode one client's segments fully to be sure they are what the reader reads.
    const one = clients[CLIENTS - 1]!.frames.filter((f) => f.kind === 'segment');
    one.forEach((f, i) => expect(decodeSegment(f.blob).frames).toEqual(reader.frames(i)));
  } finally {
    for (const c of [...clients, lister]) c.close();
  }
}, 120_000);
