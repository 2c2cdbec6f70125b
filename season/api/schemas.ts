// The season API's request and response shapes, as zod schemas: they validate bodies and generate the OpenAPI document.
import { z } from 'zod';

export const teamParams = z.object({ team: z.string().min(1).max(40) });
export const versionParams = teamParams.extend({ version: z.coerce.number().int().min(1) });
export const matchParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/) });
export const matchdayQuery = z.object({ matchday: z.coerce.number().int().min(1).optional() });

/** A policy upload: its file name (the extension says the language) and its bytes in base64. */
export const submitBody = z
  .object({
    filename: z.string().min(1).max(200),
    content: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  })
  .strict();

export const notebookBody = z.object({ text: z.string() }).strict();

export const errorReply = z.object({ error: z.string() });

export const meReply = z.object({ role: z.enum(['admin', 'team']), team: z.string().nullable() });

export const submitReply = z.object({
  version: z.number().int(),
  sha256: z.string(),
  received: z.string(),
  status: z.enum(['valid', 'invalid']),
  report: z.object({ lines: z.array(z.string()), json: z.unknown() }),
});

export const submissionInfo = z.object({
  version: z.number().int(),
  received: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  language: z.string(),
  status: z.string(),
});

export const notebookReply = z.object({ team: z.string(), matchday: z.number().int().nullable(), text: z.string(), updated: z.string().nullable() });
export const notebookPutReply = z.object({ matchday: z.number().int(), bytes: z.number().int() });
export const advanceReply = z.object({ matchday: z.number().int().nullable(), started: z.boolean() });
export const tokenReply = z.object({ team: z.string(), token: z.string() });
