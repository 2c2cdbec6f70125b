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

const pair = z.tuple([z.number(), z.number()]);
const n = z.number();
/** A table row, as tournament/standings.ts computes it (league tie-breakers). */
const standingRow = z.object({
  team: z.string(), played: n, won: n, drawn: n, lost: n, gf: n, ga: n, gd: n, pts: n, conduct: n, separatedBy: z.string().optional(),
});
const rating = z.object({ team: z.string(), rating: n, low: n.optional(), high: n.optional(), games: n });
const forfeit = z.object({ home: z.string().nullable(), away: z.string().nullable() });

/** GET /season: everything public about the season. */
export const seasonReply = z.object({
  name: z.string(),
  format: z.string(),
  teams: z.array(z.string()),
  manual: z.boolean(),
  ended: z.boolean(),
  current: z.number().int().nullable(),
  progress: z.object({ matchday: z.number().int(), done: z.number().int(), total: z.number().int(), error: z.string().nullable() }).nullable(),
  matchdays: z.array(
    z.object({
      n: z.number().int(),
      deadline: z.string().nullable(),
      state: z.enum(['open', 'locked', 'played']),
      matches: z.array(
        z.object({
          id: z.string(), home: z.string(), away: z.string(), seed: z.number().int(),
          versions: z.object({ home: z.number().int().nullable(), away: z.number().int().nullable() }),
          score: pair.nullable(), shootout: pair.nullable(), forfeit: forfeit.nullable(), hash: z.string().nullable(), replay: z.boolean(),
        }),
      ),
      /** Every team's table after this matchday: null until it is played, and after a knockout round. */
      standings: z.array(standingRow).nullable(),
      /** Ratings from every result up to and including this matchday, once it is played: the viewer plots them. */
      ratings: z.array(rating).nullable(),
    }),
  ),
  standings: z.array(standingRow),
  ratings: z.array(rating),
  /** A World-Cup season's groups (null for other formats). */
  groups: z.array(z.object({ name: z.string(), teams: z.array(z.string()), table: z.array(standingRow), complete: z.boolean() })).nullable(),
  /** The knockout ties of a knockout or World-Cup season, sides null until known (null for other formats). */
  bracket: z
    .array(
      z.object({
        id: z.string(), label: z.string(), home: z.string().nullable(), away: z.string().nullable(), matches: z.array(z.string()),
        winner: z.string().nullable(), decidedBy: z.enum(['match', 'lot']).nullable(),
      }),
    )
    .nullable(),
  /** The winner once a knockout or World-Cup season is decided. */
  champion: z.string().nullable(),
});

/** GET /teams/{team}/logs: the team's own side of each of its matches on one matchday. */
export const logsReply = z.object({
  team: z.string(),
  matchday: z.number().int(),
  matches: z.array(
    z.object({
      matchId: z.string(),
      side: z.enum(['home', 'away']),
      opponent: z.string(),
      ticks: z.array(
        z.object({
          tick: z.number().int(), logs: z.array(z.string()), marks: z.array(z.unknown()),
          // engine/controller.ts's Fault: the client shows kind and message (test/types/season-api-contract.ts).
          faults: z.array(z.object({ tick: z.number().int(), kind: z.string(), message: z.string(), line: z.number().int().optional(), fatal: z.boolean().optional() })),
        }),
      ),
      budget: z.object({ median: z.number(), p99: z.number(), max: z.number() }).nullable(),
      overBudgetTicks: z.number().int(),
      errorTicks: z.number().int(),
      faultCount: z.number().int(),
      warnings: z.number().int(),
      warningSamples: z.array(z.string()),
      frozenFrom: z.number().int().nullable(),
    }),
  ),
});
