// A private Redis for a test or a bench: Debian's redis-server on a free loopback port, in its own
// temporary folder with AOF on, stopped (and its folder removed) by stop(). Never touches another Redis.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRedis {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** The server's folder (the AOF lives here). */
  dir: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

/** The redis-server binary, or an Error naming the package to install. */
export function redisServerBinary(): string {
  const found = CANDIDATES.find((p) => existsSync(p)) ?? (spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim() || null);
  if (!found) {
    throw new Error("redis-server not found: install Debian's 'redis-server' package (apt-get install redis-server; it is listed in .ci/packages.txt)");
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    let got = '';
    c.setTimeout(500, () => {
      c.destroy();
      resolve(false);
    });
    c.on('connect', () => c.write('PING\r\n'));
    c.on('data', (d) => {
      got += d.toString();
      if (got.includes('\r\n')) {
        c.destroy();
        // +PONG, or -NOAUTH when a password is set: either way the server is listening.
        resolve(got.startsWith('+PONG') || got.startsWith('-NOAUTH'));
      }
    });
    c.on('error', () => resolve(false));
  });
}

/** Starts a private redis-server; `extra` are more `--option value` arguments (e.g. a password). */
export async function startRedis(extra: string[] = []): Promise<TestRedis> {
  const bin = redisServerBinary();
  const dir = mkdtempSync(join(tmpdir(), 'matchday-redis-'));
  for (let tries = 0; tries < 5; tries++) {
    const port = await freePort();
    const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--logfile', join(dir, 'redis.log'), ...extra], {
      stdio: 'ignore',
    });
    let exited = false;
    proc.once('exit', () => {
      exited = true;
    });
    const t0 = Date.now();
    let up = false;
    while (!exited && Date.now() - t0 < 10_000) {
      if (await answersPing(port)) {
        up = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!up) {
      proc.kill('SIGKILL');
      continue; // the port was taken between the probe and the start: try another
    }
    const stop = async (): Promise<void> => {
      if (!exited) {
        const gone = new Promise<void>((r) => proc.once('exit', () => r()));
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    };
    return { url: `redis://127.0.0.1:${port}`, port, dir, proc, stop };
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`redis-server (${bin}) did not start in ${dir}`);
}
