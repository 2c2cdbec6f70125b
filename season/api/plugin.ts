// The season's JSON API as a Fastify plugin (mounted under /api/v1): bearer-token auth, per-token rate limits,
// zod-validated bodies and an OpenAPI document generated from the same schemas.
import { readFileSync } from 'node:fs';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal, SeasonService } from '../service.js';
import { tokenHash } from '../tokens.js';
import { UploadError } from '../upload.js';
import * as S from './schemas.js';

export interface SeasonApiOptions {
  /** Requests per token (or per client address without a token) per window. [default: 120 a minute] */
  rateLimit?: { max: number; timeWindowMs: number };
  /**
   * Take a tokenless client's address from the first X-Forwarded-For entry (behind a reverse proxy you run).
   * Off by default: anyone can send that header, so trusting it unasked would let a client pick its own key.
   */
  trustProxy?: boolean;
}

/** The client address a tokenless request is limited by. */
function clientAddress(req: FastifyRequest, trustProxy: boolean): string {
  const fwd = req.headers['x-forwarded-for'];
  if (trustProxy && typeof fwd === 'string' && fwd.trim() !== '') return fwd.split(',')[0]!.trim().slice(0, 64);
  return req.socket.remoteAddress ?? 'unknown';
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{1,200})$/;

/** The bearer token of a request: undefined when none was sent, null when the header is malformed. */
function bearer(req: FastifyRequest): string | null | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  return BEARER.exec(h)?.[1] ?? null;
}

function deny(reply: FastifyReply, status: 401 | 403 | 404, error: string): FastifyReply {
  return reply.code(status).send({ error });
}

/** Registers the season's routes on `app` (a scope of its own: mount it with `{ prefix: '/api/v1' }`). */
export function seasonApi(service: SeasonService, opts: SeasonApiOptions = {}) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.decorateRequest('principal', null);

    await app.register(swagger, {
      openapi: {
        info: { title: 'matchday season API', version: '1' },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      },
      transform: jsonSchemaTransform,
    });
    // Before the routes run, so a flood of wrong tokens is limited too. A valid token has a bucket of its own,
    // keyed by its hash (never the token); anything else (no token, a malformed or a wrong one) shares its
    // client address's bucket, or a guesser could take a fresh bucket with every guess.
    await app.register(rateLimit, {
      global: true,
      max: opts.rateLimit?.max ?? 120,
      timeWindow: opts.rateLimit?.timeWindowMs ?? 60_000,
      keyGenerator: (req) => {
        const t = bearer(req);
        if (typeof t === 'string' && service.authenticate(t)) return `t:${tokenHash(t)}`;
        return `ip:${clientAddress(req, opts.trustProxy === true)}`;
      },
    });

    // After the rate limit (a route-level onRequest hook, which runs after instance-level ones), before body validation.
    app.addHook('preValidation', async (req, reply) => {
      const t = bearer(req);
      if (t === undefined) return;
      const p = t === null ? null : service.authenticate(t);
      if (!p) return deny(reply, 401, 'unauthorized');
      req.principal = p;
    });

    app.setErrorHandler((err: unknown, _req, reply) => {
      if (err instanceof UploadError) return reply.code(err.status).send({ error: err.message });
      const e = err as { statusCode?: number; message?: string; validation?: unknown };
      const status = typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
      if (status >= 500) app.log.error(err);
      return reply.code(status).send({ error: status >= 500 ? 'internal error' : String(e.message ?? 'bad request').slice(0, 500) });
    });

    const r = app.withTypeProvider<ZodTypeProvider>();
    const security = [{ bearer: [] }];

    /** The team route's access rule: its own team or the admin; 401 with no token, 403 for another team. */
    const ownOrAdmin = (req: FastifyRequest, reply: FastifyReply, team: string, adminToo = true): boolean => {
      const p = req.principal;
      if (!p) return (deny(reply, 401, 'unauthorized'), false);
      if (p.role === 'admin' ? !adminToo : p.team !== team) return (deny(reply, 403, 'forbidden'), false);
      if (!service.hasTeam(team)) return (deny(reply, 404, 'no such team'), false);
      return true;
    };
    const adminOnly = (req: FastifyRequest, reply: FastifyReply): boolean => {
      if (!req.principal) return (deny(reply, 401, 'unauthorized'), false);
      if (req.principal.role !== 'admin') return (deny(reply, 403, 'forbidden'), false);
      return true;
    };

    r.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

    r.get('/season', { schema: { summary: 'fixtures, results, versions used, standings and ratings per matchday', response: { 200: S.seasonReply } } }, async () => service.status());

    r.get('/me', { schema: { security, response: { 200: S.meReply, 401: S.errorReply } } }, async (req, reply) => {
      const p = req.principal;
      if (!p) return deny(reply, 401, 'unauthorized');
      return { role: p.role, team: p.role === 'team' ? p.team : null };
    });

    r.get('/teams/:team/submissions', { schema: { params: S.teamParams, response: { 200: z.array(S.submissionInfo), 404: S.errorReply } } }, async (req, reply) => {
      if (!service.hasTeam(req.params.team)) return deny(reply, 404, 'no such team');
      return service.submissions(req.params.team);
    });

    r.post(
      '/teams/:team/submissions',
      {
        // base64 takes 4 bytes per 3; a body past this is refused by Fastify (413) before it is read whole.
        bodyLimit: Math.ceil((service.config.maxSubmissionBytes * 4) / 3) + 4096,
        schema: { security, params: S.teamParams, body: S.submitBody, response: { 200: S.submitReply, 422: S.submitReply } },
      },
      async (req, reply) => {
        if (!ownOrAdmin(req, reply, req.params.team, false)) return reply;
        const bytes = Buffer.from(req.body.content, 'base64');
        const out = await service.submit(req.params.team, req.body.filename, bytes);
        return reply.code(out.status === 'valid' ? 200 : 422).send(out);
      },
    );

    r.get('/teams/:team/submissions/:version', { schema: { security, params: S.versionParams, response: { 200: S.submissionInfo.extend({ report: z.unknown() }) } } }, async (req, reply) => {
      if (!ownOrAdmin(req, reply, req.params.team)) return reply;
      const s = service.submissionReport(req.params.team, req.params.version);
      return s ?? deny(reply, 404, 'no such submission');
    });

    r.get('/teams/:team/notebook', { schema: { security, params: S.teamParams, querystring: S.matchdayQuery, response: { 200: S.notebookReply } } }, async (req, reply) => {
      if (!ownOrAdmin(req, reply, req.params.team)) return reply;
      const nb = service.notebookGet(req.params.team, req.query.matchday);
      return { team: req.params.team, matchday: nb?.matchday ?? null, text: nb?.text ?? '', updated: nb?.updated ?? null };
    });

    r.put(
      '/teams/:team/notebook',
      {
        bodyLimit: service.config.maxNotebookBytes * 6 + 1024,
        schema: { security, params: S.teamParams, body: S.notebookBody, response: { 200: S.notebookPutReply } },
      },
      async (req, reply) => {
        if (!ownOrAdmin(req, reply, req.params.team, false)) return reply;
        return service.notebookPut(req.params.team, req.body.text);
      },
    );

    r.get('/teams/:team/logs', { schema: { security, params: S.teamParams, querystring: S.matchdayQuery, response: { 200: S.logsReply } } }, async (req, reply) => {
      if (!ownOrAdmin(req, reply, req.params.team)) return reply;
      const n = req.query.matchday ?? service.lastPlayed();
      if (n === null) return deny(reply, 404, 'no matchday has been played yet');
      const logs = service.logs(req.params.team, n);
      return logs === null ? deny(reply, 404, `matchday ${n} has not been played`) : { team: req.params.team, matchday: n, matches: logs };
    });

    r.get('/matches/:id/replay', { schema: { params: S.matchParams } }, async (req, reply) => {
      // With the token of a team that played it: that team's own debug output is kept in its copy.
      const f = service.replayFile(req.params.id, false, req.principal);
      if (!f) return deny(reply, 404, 'no replay for this match');
      return reply.type('application/octet-stream').send(readFileSync(f));
    });

    r.get('/matches/:id/replay/full', { schema: { security, params: S.matchParams } }, async (req, reply) => {
      if (!service.fullReplaysPublic() && !adminOnly(req, reply)) return reply;
      const f = service.replayFile(req.params.id, true);
      if (!f) return deny(reply, 404, 'no replay for this match');
      return reply.type('application/octet-stream').send(readFileSync(f));
    });

    r.post('/admin/advance', { schema: { security, response: { 202: S.advanceReply } } }, async (req, reply) => {
      if (!adminOnly(req, reply)) return reply;
      const current = service.status().current;
      // Played in the background: the client follows progress on GET /season.
      service.advance().catch((e: unknown) => app.log.error(e));
      return reply.code(202).send({ matchday: current, started: current !== null });
    });

    r.post('/admin/teams/:team/token', { schema: { security, params: S.teamParams, response: { 200: S.tokenReply } } }, async (req, reply) => {
      if (!adminOnly(req, reply)) return reply;
      if (!service.hasTeam(req.params.team)) return deny(reply, 404, 'no such team');
      return { team: req.params.team, token: service.rotateToken(req.params.team) };
    });
  };
}
