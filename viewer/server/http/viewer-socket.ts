// The viewer's WebSocket endpoint (WS_PATH) as a Fastify route: one Session per client, each with its
// own message-rate gate, and match status changes pushed to every client so lists stay current.
import type { FastifyInstance } from 'fastify';
import { SERVER, WS_PATH } from '../../protocol.js';
import type { Catalog } from '../catalog.js';
import type { LiveHub } from '../live.js';
import { Session } from '../session.js';
import { MessageRate } from './rate.js';

export interface ViewerSocketOptions {
  catalog: Catalog;
  live: LiveHub;
}

export async function viewerSocket(app: FastifyInstance, opts: ViewerSocketOptions): Promise<void> {
  const { catalog, live } = opts;
  const sessions = new Set<Session>();

  app.get(WS_PATH, { websocket: true }, (ws) => {
    const s = new Session(ws, catalog, new MessageRate());
    sessions.add(s);
    ws.on('close', () => sessions.delete(s));
  });

  // Every client hears when a match is scheduled, starts, scores or ends, so lists stay current.
  // Changes are batched: a cup announcing 64 matches reads its folder once, not 64 times.
  const changed = new Set<string>();
  let flushing = false;
  let closed = false;
  const flushStatus = (): void => {
    const ids = [...changed];
    changed.clear();
    catalog
      .list()
      .then((served) => {
        for (const match of served.matches) {
          if (!ids.includes(match.id)) continue;
          for (const s of sessions) s.send({ type: SERVER.matchStatus, match });
        }
      })
      .catch(() => {
        /* the list cannot be read right now; the next list request reports why */
      })
      .finally(() => {
        flushing = false;
        if (changed.size > 0) schedule();
      });
  };
  const schedule = (): void => {
    if (flushing || closed) return;
    flushing = true;
    setImmediate(flushStatus);
  };
  const stopStatus = live.onStatus((matchId) => {
    changed.add(matchId);
    schedule();
  });

  app.addHook('preClose', async () => {
    closed = true;
    stopStatus();
    for (const s of sessions) s.dispose();
    sessions.clear();
  });
}
