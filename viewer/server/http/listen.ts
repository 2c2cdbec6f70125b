// Starts a Fastify app listening, turning the usual failures into one line a person can act on.
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { UserError } from '../../../tournament/errors.js';

/** Listens and resolves with the port actually bound (port 0 picks a free one). */
export async function listen(app: FastifyInstance, port: number, host: string): Promise<number> {
  try {
    await app.listen({ port, host, listenTextResolver: () => '' });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new UserError(`port ${port} on ${host} is already in use; pick another with --port N, or --port 0 for any free port`);
    if (e.code === 'EACCES') throw new UserError(`not allowed to listen on port ${port} on ${host}; use a port above 1023`);
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') throw new UserError(`cannot listen on host ${host}: no such local address`);
    throw e;
  }
  return (app.server.address() as AddressInfo).port;
}

/** A host as it goes in a URL: IPv6 addresses in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
