// Viewer server fixtures: replays recorded in-process, a small real cup folder, and a WebSocket client
// that collects what the server sends. The server tests, the load test and the bench
// (test/bench/viewer-server.ts) share them, so the tests exercise exactly what the bench measures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { makeReplayHeader } from '../../engine/replay/header.js';
import { ReplayWriter } from '../../engine/replay/writer.js';
import { defaultConfig } from '../../engine/setup.js';
import type { MatchConfig } from '../../engine/state.js';
import type { CupConfig } from '../../tournament/config.js';
import { cupConfigSchema } from '../../tournament/config.js';
import { fromEngineResult } from '../../tournament/engine-result.js';
import { runCup } from '../../tournament/scheduler.js';
import type { PlayFn } from '../../tournament/types.js';
import { decodeStreamFrame, type ClientMessage, type ServerMessage, type StreamFrame } from '../../viewer/protocol.js';

const policies = new Map<string, PolicyModule>();
async function policy(name: string): Promise<PolicyModule> {
  let p = policies.get(name);
  if (!p) {
    p = (await import(`../../policies/${name}.js`)) as PolicyModule;
    policies.set(name, p);
  }
  return p;
}

export interface Recorded {
  /** The whole replay file. */
  file: Uint8Array;
  /** Each blob as the writer's streaming sink emitted it: what a live match publishes. */
  blobs: Array<{ kind: 'header' | 'segment' | 'footer'; bytes: Uint8Array }>;
  result: ReturnType<typeof runMatch>;
}

/** One match played in-process with the replay writer, as `matchday play --out` records it (minus the sandbox). */
export async function recordMatch(home: string, away: string, config: Partial<MatchConfig> & { seed: number }): Promise<Recorded> {
  const cfg = defaultConfig({ homeName: home, awayName: away, ...config });
  const team = (name: string) => ({ name, spec: `builtin:${name}`, file: `${name}.js`, sha256: '0'.repeat(64), source: '' });
  const header = makeReplayHeader(cfg, { runtime: { node: process.version, v8: process.versions.v8, isolatedVm: null }, budget: null, teams: [team(home), team(away)] });
  const blobs: Recorded['blobs'] = [];
  const writer = new ReplayWriter(header, (kind, blob) => blobs.push({ kind, bytes: blob.slice() }));
  const result = runMatch(cfg, [inProcessController(await policy(home)), inProcessController(await policy(away))], { listeners: [writer] });
  return { file: writer.file(), blobs, result };
}

const POLICIES = ['possession', 'chaser', 'direct', 'deepblock'];

/** A finished World-Cup-format cup of 8 teams (16 short matches) played by the real scheduler, replays included. */
export async function makeCupFolder(dir: string, halfTicks = 60): Promise<CupConfig> {
  const config = cupConfigSchema.parse({
    name: 'viewer test cup',
    seed: 5,
    format: { type: 'worldcup' },
    teams: Array.from({ length: 8 }, (_, i) => ({ id: `t${i + 1}`, name: `Team ${i + 1}`, policy: `builtin:${POLICIES[i % POLICIES.length]}` })),
    match: { halfTicks, extraTime: true, extraTimeTicks: 20, shootout: true },
  });
  const play: PlayFn = async (job) => {
    const rec = await recordMatch(job.home.policy.slice(8), job.away.policy.slice(8), {
      seed: job.seed, halfTicks: job.settings.halfTicks, extraTime: job.settings.extraTime, extraTimeTicks: job.settings.extraTimeTicks, shootout: job.settings.shootout,
    });
    mkdirSync(join(dir, 'replays'), { recursive: true });
    writeFileSync(join(dir, 'replays', `${job.matchId}.mdr`), rec.file);
    return fromEngineResult(job, rec.result);
  };
  await runCup({ config, outDir: dir, play, workers: 1 });
  return config;
}

/** A WebSocket client that keeps every JSON message and stream frame, and waits for what a test expects. */
export class Client {
  readonly messages: ServerMessage[] = [];
  readonly frames: StreamFrame[] = [];
  /** Messages and frames together, in the order they arrived. */
  readonly received: Array<ServerMessage | StreamFrame> = [];
  private waiters: Array<() => void> = [];
  closed = false;
  closeCode = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const buf = data as Buffer;
      if (isBinary) {
        const f = decodeStreamFrame(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
        this.frames.push(f);
        this.received.push(f);
      } else {
        const m = JSON.parse(buf.toString('utf8')) as ServerMessage;
        this.messages.push(m);
        this.received.push(m);
      }
      this.wake();
    });
    ws.on('close', (code) => {
      this.closed = true;
      this.closeCode = code;
      this.wake();
    });
  }

  /** `headers` go with the upgrade request (an Origin, a Host), as a browser would send them. */
  static connect(url: string, headers?: Record<string, string>): Promise<Client> {
    return new Promise((done, fail) => {
      const ws = new WebSocket(url, headers ? { headers } : undefined);
      const c = new Client(ws);
      ws.once('open', () => done(c));
      ws.once('error', fail);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  send(msg: ClientMessage | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(msg));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Resolves once `ready()` holds; rejects after `ms` with what was received, so a failing test says why. */
  until<T>(ready: () => T | undefined | false, ms = 20_000, what = 'a condition'): Promise<T> {
    return new Promise((done, fail) => {
      const check = (): boolean => {
        const v = ready();
        if (v) {
          clearTimeout(timer);
          done(v);
          return true;
        }
        if (this.closed) {
          clearTimeout(timer);
          fail(new Error(`socket closed while waiting for ${what}; messages: ${JSON.stringify(this.messages).slice(0, 500)}`));
          return true;
        }
        this.waiters.push(check);
        return false;
      };
      const timer = setTimeout(() => fail(new Error(`timed out waiting for ${what}; messages: ${JSON.stringify(this.messages).slice(0, 500)}; frames: ${this.frames.length}`)), ms);
      check();
    });
  }

  /** The next JSON message of `type` (after `after` messages), e.g. the answer to a request. */
  next<T extends ServerMessage['type']>(type: T, after = 0): Promise<Extract<ServerMessage, { type: T }>> {
    return this.until(() => this.messages.slice(after).find((m) => m.type === type) as Extract<ServerMessage, { type: T }> | undefined, 20_000, `a ${type} message`);
  }

  /** Waits for the footer frame of `matchId` and returns that match's frames. */
  async stream(matchId: string): Promise<StreamFrame[]> {
    await this.until(() => this.frames.some((f) => f.matchId === matchId && f.kind === 'footer'), 60_000, `the footer of ${matchId}`);
    return this.frames.filter((f) => f.matchId === matchId);
  }

  close(): void {
    this.ws.close();
  }
}
