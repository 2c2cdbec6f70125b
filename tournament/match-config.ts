// The match config file (`matchday play --config FILE`, and what a cup writes beside each match), validated at the boundary.
import { z } from 'zod';
import { DEFAULT_EXTRA_TIME_TICKS, DEFAULT_HALF_TICKS } from '../engine/constants.js';

export const MatchConfigFileSchema = z
  .object({
    /** Overrides --seed when present, so one file reproduces one match exactly. */
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    /** Team names as the match was played: they key the teams' random streams, so they are part of a match's identity. */
    homeName: z.string().min(1).max(100).optional(),
    awayName: z.string().min(1).max(100).optional(),
    halfTicks: z.number().int().min(10).max(1_000_000).default(DEFAULT_HALF_TICKS),
    extraTime: z.boolean().default(false),
    extraTimeTicks: z.number().int().min(10).max(1_000_000).default(DEFAULT_EXTRA_TIME_TICKS),
    shootout: z.boolean().default(false),
  })
  .strict();

export type MatchConfigFile = z.infer<typeof MatchConfigFileSchema>;

/** Validates parsed JSON; the error message names the field and the problem. */
export function parseMatchConfigFile(raw: unknown, source: string): MatchConfigFile {
  const r = MatchConfigFileSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  throw new Error(`${source}: ${field}: ${issue.message}`);
}
