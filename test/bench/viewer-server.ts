// The viewer server bench: 50 WebSocket clients stream one default-length replay from a server on loopback.
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT } from '../../viewer/protocol.js';
import { startServer } from '../../viewer/server/index.js';
import { Client, recordMatch } from '../helpers/viewer-server.js';

/** 50 clients stream one default-length replay at once from a server on loopback. */
export async function viewerServerBench(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'matchday-viewer-bench-'));
  try {
    const rec = await recordMatch('possession', 'chaser', { seed: 1 });
    writeFileSync(join(dir, 'bench.mdr'), rec.file);
    const server = await startServer({ root: join(dir, 'bench.mdr'), port: 0, host: '127.0.0.1' });
    try {
      const clients = await Promise.all(Array.from({ length: 50 }, () => Client.connect(server.wsUrl)));
      const t0 = performance.now();
      const firstFrame: number[] = [];
      await Promise.all(
        clients.map(async (c) => {
          c.send({ type: CLIENT.open, matchId: 'bench' });
          await c.until(() => c.frames.length > 0, 60_000, 'the first frame');
          firstFrame.push(performance.now() - t0);
          await c.stream('bench');
        }),
      );
      const streamMs = performance.now() - t0;
      const l0 = performance.now();
      clients[0]!.send({ type: CLIENT.list });
      await clients[0]!.next('list');
      const listMs = performance.now() - l0;
      for (const c of clients) c.close();
      firstFrame.sort((a, b) => a - b);
      return {
        ws50_stream_ms: Math.round(streamMs),
        ws50_first_blob_p95_ms: Math.round(firstFrame[Math.floor(firstFrame.length * 0.95)]! * 10) / 10,
        ws_list_ms: Math.round(listMs * 10) / 10,
        ws50_replay_kb: Math.round(rec.file.length / 102.4) / 10,
      };
    } finally {
      await server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
