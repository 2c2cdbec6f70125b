// A season's settings (season.json): teams, format, seed, deadlines and limits, checked with zod on every load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../tournament/errors.js';

/** Team names key each team's random stream and appear everywhere; never used as a file name. */
export const TEAM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export const seasonConfigSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1).max(120),
    seed: z.union([z.number().int().min(0).max(0xffffffff), z.string().min(1).max(200)]),
    teams: z.array(z.string().regex(TEAM_NAME)).min(2).max(256),
    format: z.discriminatedUnion('type', [
      z.object({ type: z.literal('league'), double: z.boolean().default(false) }).strict(),
      z.object({ type: z.literal('swiss'), rounds: z.number().int().min(1) }).strict(),
      z.object({ type: z.literal('knockout') }).strict(),
      // Groups of four from a seeded draw (pots by the order of `teams`), then the top two of each into a bracket.
      z.object({ type: z.literal('worldcup'), thirdPlace: z.boolean().default(true) }).strict(),
    ]),
    /** ISO time of the first deadline; null with manual deadlines. */
    start: z.string().datetime().nullable(),
    /** Milliseconds between deadlines; null with manual deadlines (the admin advances). */
    everyMs: z.number().int().min(1000).nullable(),
    halfTicks: z.number().int().min(10).max(100_000).default(3000),
    /** Half length of the validation match a submission plays (as `matchday validate --half-ticks`). */
    validateHalfTicks: z.number().int().min(10).max(100_000).default(300),
    /** Largest policy upload, in bytes. [default: 256 KiB] */
    maxSubmissionBytes: z.number().int().min(1).max(4 * 1024 * 1024).default(256 * 1024),
    /** Largest notebook, in bytes. [default: 64 KiB] */
    maxNotebookBytes: z.number().int().min(1).max(4 * 1024 * 1024).default(64 * 1024),
    /** Whether full replays become public once the season has ended. [default: true] */
    fullReplaysAfterEnd: z.boolean().default(true),
    /** SHA-256 of the admin token and of each team's first token (the database keeps the current ones). */
    tokenHashes: z.object({ admin: z.string().regex(/^[0-9a-f]{64}$/), teams: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) }),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (new Set(c.teams).size !== c.teams.length) ctx.addIssue({ code: 'custom', path: ['teams'], message: 'team names must differ' });
    if ((c.start === null) !== (c.everyMs === null)) ctx.addIssue({ code: 'custom', path: ['start'], message: 'start and everyMs go together (both null: manual)' });
    if (c.format.type === 'worldcup' && ![8, 16, 32].includes(c.teams.length)) {
      ctx.addIssue({ code: 'custom', path: ['teams'], message: `a worldcup season takes 8, 16 or 32 teams (groups of four), got ${c.teams.length}` });
    }
    for (const t of c.teams) if (!c.tokenHashes.teams[t]) ctx.addIssue({ code: 'custom', path: ['tokenHashes', 'teams'], message: `no token for team ${t}` });
  });

export type SeasonConfig = z.infer<typeof seasonConfigSchema>;
export type SeasonConfigInput = z.input<typeof seasonConfigSchema>;

export const SEASON_FILE = 'season.json';
export const TOKENS_FILE = 'tokens.json';
export const DB_FILE = 'season.sqlite';

/** Reads and checks `<dir>/season.json`; a UserError names the file and each problem. */
export function loadSeasonConfig(dir: string): SeasonConfig {
  const file = join(dir, SEASON_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: ${code === 'ENOENT' ? 'not found (run matchday season new first)' : `cannot read: ${(e as Error).message}`}`);
  }
  const r = seasonConfigSchema.safeParse(raw);
  if (!r.success) throw new UserError(`${file}: ${r.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`);
  return r.data;
}
