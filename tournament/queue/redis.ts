// Redis connections for the queue: one URL (redis:// or rediss:// for TLS, with a password when given),
// checked for reachability within seconds so a wrong URL fails with one plain line instead of a hang.
import { Redis, type RedisOptions } from 'ioredis';

/** How long the first connection may take before the URL is declared unreachable. */
export const CONNECT_TIMEOUT_MS = 4000;

/** The URL with its password (and user) hidden: what messages may print. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/** Checks the URL's form; throws an Error saying what is wrong. */
export function checkRedisUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--redis must be a URL such as redis://host:6379 or rediss://:password@host:6380, got '${url.slice(0, 200)}'`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`--redis must start with redis:// or rediss:// (TLS), got '${u.protocol}//'`);
  if (!u.hostname) throw new Error(`--redis has no host: '${redactUrl(url)}'`);
}

/**
 * A client for BullMQ (it needs maxRetriesPerRequest null); errors after the first connection are
 * reported through `onError` once per kind, since ioredis retries on its own.
 */
export function redisClient(url: string, onError: (message: string) => void = () => undefined): Redis {
  const seen = new Set<string>();
  const opts: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, connectTimeout: CONNECT_TIMEOUT_MS };
  const client = new Redis(url, opts);
  client.on('error', (e: Error) => {
    const key = (e as NodeJS.ErrnoException).code ?? e.message;
    if (seen.has(key)) return;
    seen.add(key);
    onError(`redis ${redactUrl(url)}: ${e.message}`);
  });
  return client;
}

/** Connects once and pings; rejects within about CONNECT_TIMEOUT_MS with a plain message when Redis cannot be reached. */
export async function probeRedis(url: string): Promise<void> {
  checkRedisUrl(url);
  const client = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let last = '';
  client.on('error', (e: Error) => {
    last = e.message;
  });
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), CONNECT_TIMEOUT_MS + 500).unref());
  try {
    await Promise.race([client.connect().then(() => client.ping()), timer]);
  } catch (e) {
    const why = last || (e instanceof Error ? e.message : String(e));
    throw new Error(`cannot reach Redis at ${redactUrl(url)}: ${why}`);
  } finally {
    client.disconnect();
  }
}
