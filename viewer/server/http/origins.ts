// Which web pages may talk to this server. A browser sends Origin with every WebSocket upgrade and with
// cross-site requests; the server refuses (403) an origin it does not allow, over HTTP and WebSocket alike.
//   - Loopback pages (http://localhost:*, 127.x, [::1]) are always allowed, and so is any origin given
//     with --allow-origin.
//   - Listening on loopback only, nothing else is: and the Host header must name loopback (or an allowed
//     origin's host), so a foreign site cannot reach the server by rebinding its DNS name to 127.0.0.1.
//   - Listening beyond loopback (--host 0.0.0.0), the page this server itself serves is allowed too (its
//     Origin equals the Host it was reached by): people on other machines open the printed address.
// A request without Origin (a plain navigation, curl, the CLI) is not a page acting on a visitor's behalf
// and passes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isIP } from 'node:net';

/** True for localhost and loopback addresses (127.0.0.0/8, ::1, and IPv4-mapped 127.x). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** `https://example.org:8443` from what a person typed; throws a message naming the value when it is not one. */
export function parseOrigin(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`--allow-origin ${JSON.stringify(value)}: not an origin like https://example.org or http://10.0.0.5:8080`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) {
    throw new Error(`--allow-origin ${JSON.stringify(value)}: give only scheme, host and port, like https://example.org or http://10.0.0.5:8080`);
  }
  return u.origin;
}

export interface OriginPolicy {
  /** Why a request is refused, or null when it may proceed. */
  refuse(origin: string | undefined, hostHeader: string | undefined): string | null;
}

/** The hostname of a Host header value (`a.b:8080`, `[::1]:80`), lowercased. */
function hostnameOf(hostHeader: string): string {
  const m = /^\[([^\]]*)\](?::\d+)?$/.exec(hostHeader);
  if (m) return m[1]!.toLowerCase();
  return hostHeader.replace(/:\d+$/, '').toLowerCase();
}

/** True when the page's origin is the address this request was sent to (the page this server serves). */
function sameHost(origin: URL, hostHeader: string): boolean {
  try {
    return origin.host === new URL(`${origin.protocol}//${hostHeader}`).host;
  } catch {
    return false;
  }
}

export function originPolicy(listenHost: string, allowOrigins: readonly string[] = []): OriginPolicy {
  const allowed = new Set(allowOrigins.map(parseOrigin));
  const allowedHosts = new Set([...allowed].map((o) => new URL(o).hostname.replace(/^\[|\]$/g, '').toLowerCase()));
  const loopbackOnly = isLoopbackHost(listenHost);
  return {
    refuse(origin, hostHeader) {
      if (loopbackOnly && hostHeader !== undefined) {
        const name = hostnameOf(hostHeader);
        if (!isLoopbackHost(name) && !allowedHosts.has(name)) {
          return `host ${JSON.stringify(hostHeader.slice(0, 100))} refused: this server listens on loopback only (${listenHost}); reach it as localhost or 127.0.0.1`;
        }
      }
      if (origin === undefined) return null;
      let o: URL;
      try {
        o = new URL(origin);
      } catch {
        return `origin ${JSON.stringify(origin.slice(0, 100))} refused: not an origin`;
      }
      if (allowed.has(o.origin) || isLoopbackHost(o.hostname)) return null;
      if (!loopbackOnly && hostHeader !== undefined && sameHost(o, hostHeader)) return null;
      return `origin ${o.origin} refused: allow it with --allow-origin ${o.origin}`;
    },
  };
}

/** An onRequest hook that answers 403 with the reason to every request the policy refuses (WebSocket upgrades included). */
export function originGuard(policy: OriginPolicy) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const origin = req.headers.origin;
    const why = policy.refuse(typeof origin === 'string' ? origin : undefined, req.headers.host);
    if (why !== null) await reply.code(403).type('text/plain; charset=utf-8').send(`forbidden: ${why}\n`);
  };
}
