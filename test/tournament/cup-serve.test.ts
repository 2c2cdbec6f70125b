// `matchday cup --serve --pace`: a match is followed live over the WebSocket, and pacing changes nothing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeBlob } from '../../engine/replay/index.js';
import { decodeStreamFrame } from '../../viewer/protocol.js';

const dir = mkdtempSync(join(tmpdir(), 'matchday-serve-'));
const config = join(dir, 'final.json');
writeFileSync(
  config,
  JSON.stringify({
    name: 'one final',
    seed: 5,
    format: { type: 'knockout' },
    teams: [
      { id: 'a', name: 'A', policy: 'builtin:possession' },
      { id: 'b', name: 'B', policy: 'builtin:direct' },
    ],
    match: { halfTicks: 300, extraTimeTicks: 50 },
  }),
);

describe('matchday cup --serve', () => {
  it('streams a match live, paced, with the same result as an unpaced headless run', async () => {
    const out = join(dir, 'live');
    const cli = spawn('node', ['bin/matchday.mjs', 'cup', config, '--out', out, '--serve', '--port', '0', '--pace', '40'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        cli.stderr!.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /watch at (http:\/\/[\d.:]+)/.exec(err);
          if (m) resolve(m[1]!);
        });
        cli.on('exit', () => reject(new Error(`cup exited: ${err}`)));
      });
      const ws = new WebSocket(url.replace('http', 'ws') + '/ws');
      const kinds: string[] = [];
      const arrivals: number[] = [];
      let footerHash = '';
      await new Promise<void>((resolve, reject) => {
        let opened = false;
        ws.on('open', () => ws.send(JSON.stringify({ type: 'list' })));
        ws.on('message', (data, binary) => {
          if (binary) {
            const f = decodeStreamFrame(data as Buffer);
            const blob = decodeBlob(f.blob, 'live');
            kinds.push(blob.kind);
            arrivals.push(Date.now());
            if (blob.kind === 'footer') {
              footerHash = blob.footer.hash;
              resolve();
            }
            return;
          }
          const msg = JSON.parse(String(data)) as { type: string; served?: { matches: Array<{ id: string; status: string }> }; match?: { id: string; status: string } };
          const live = msg.type === 'list' ? msg.served?.matches.find((m) => m.status === 'live') : msg.type === 'matchStatus' && msg.match?.status === 'live' ? msg.match : undefined;
          if (live && !opened) {
            opened = true;
            ws.send(JSON.stringify({ type: 'open', matchId: live.id }));
          }
          if (msg.type === 'error') reject(new Error(String(data)));
        });
      });
      ws.close();
      expect(kinds[0]).toBe('header');
      expect(kinds.filter((k) => k === 'segment').length).toBeGreaterThanOrEqual(6);
      // Live, not a finished replay: the segments arrived spread out over time, at the pace.
      expect(arrivals[arrivals.length - 1]! - arrivals[1]!).toBeGreaterThan(500);
      // The result file is written just after the last blob goes out.
      let stored = { hash: '' };
      for (let i = 0; i < 100 && stored.hash === ''; i++) {
        try {
          stored = JSON.parse(readFileSync(join(out, 'results', 'F.json'), 'utf8')) as { hash: string };
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(footerHash).toBe(stored.hash);
      const headless = spawnSync('node', ['bin/matchday.mjs', 'cup', config, '--out', join(dir, 'headless'), '--json'], { encoding: 'utf8' });
      const again = JSON.parse(readFileSync(join(dir, 'headless', 'results', 'F.json'), 'utf8')) as { hash: string };
      expect(headless.status).toBe(0);
      expect(again.hash).toBe(stored.hash);
    } finally {
      cli.kill('SIGTERM');
    }
  });
});
