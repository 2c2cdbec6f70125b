// The cup config: a zod schema, and a loader whose every error names the file, the field and the problem.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { assignPots, drawProblem } from './draw.js';

const BUILTIN = /^builtin:[A-Za-z0-9_-]+(#[A-Za-z0-9_-]+)?$/;

const teamSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1-40 letters, digits, "_", "-" or "."'),
    name: z.string().min(1).max(80).optional(),
    policy: z
      .string()
      .min(1)
      .refine((s) => !s.startsWith('builtin:') || BUILTIN.test(s), 'a builtin policy looks like "builtin:<name>" or "builtin:<name>#<variant>"'),
    pot: z.number().int().min(1).max(8).optional(),
    /** Separation key, e.g. the model's maker: teams sharing it are kept apart in the draw. */
    separation: z.string().min(1).optional(),
  })
  .strict();

const formatSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('worldcup'),
      /** Most teams per group sharing a separation key, per key; default 1. */
      separationLimits: z.record(z.string(), z.number().int().min(1)).optional(),
    })
    .strict(),
  z.object({ type: z.literal('league'), double: z.boolean().default(false) }).strict(),
  z.object({ type: z.literal('knockout') }).strict(),
  z.object({ type: z.literal('swiss'), rounds: z.number().int().min(1) }).strict(),
]);

const matchSchema = z
  .object({
    halfTicks: z.number().int().min(10).max(100_000).default(3000),
    /** Extra time for a level knockout match (group, league and Swiss matches never get it). */
    extraTime: z.boolean().default(true),
    extraTimeTicks: z.number().int().min(10).max(100_000).default(1000),
    /** Knockout matches need a winner, so formats with knockout matches require this. */
    shootout: z.boolean().default(true),
  })
  .strict();

export const cupConfigSchema = z
  .object({
    name: z.string().min(1).max(120),
    seed: z.union([z.number().int().min(0).max(0xffffffff), z.string().min(1).max(200)]),
    format: formatSchema,
    teams: z.array(teamSchema).min(2),
    match: matchSchema.default({ halfTicks: 3000, extraTime: true, extraTimeTicks: 1000, shootout: true }),
    /** Each pairing played this many times, sides swapped every other leg. */
    repeats: z.number().int().min(1).max(100).default(1),
    workers: z.number().int().min(1).max(256).optional(),
    tieBreakers: z.enum(['2026', '2022']).default('2026'),
    thirdPlace: z.boolean().default(false),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const seen = new Map<string, number>();
    cfg.teams.forEach((t, i) => {
      const j = seen.get(t.id);
      if (j !== undefined) ctx.addIssue({ code: 'custom', path: ['teams', i, 'id'], message: `duplicate team id "${t.id}" (also teams[${j}])` });
      seen.set(t.id, i);
    });
    const n = cfg.teams.length;
    const f = cfg.format;
    const hasKnockout = f.type === 'worldcup' || f.type === 'knockout';
    if (hasKnockout && !cfg.match.shootout) {
      ctx.addIssue({ code: 'custom', path: ['match', 'shootout'], message: `must be true: ${f.type} matches need a winner` });
    }
    if (cfg.thirdPlace && !hasKnockout) {
      ctx.addIssue({ code: 'custom', path: ['thirdPlace'], message: `a ${f.type} has no third-place match` });
    }
    if (f.type === 'swiss' && f.rounds > n - 1) {
      ctx.addIssue({ code: 'custom', path: ['format', 'rounds'], message: `${f.rounds} rounds without rematches need at least ${f.rounds + 1} teams, there are ${n}` });
    }
    if (f.type === 'knockout' && cfg.thirdPlace && n < 4) {
      ctx.addIssue({ code: 'custom', path: ['thirdPlace'], message: 'a third-place match needs at least 4 teams' });
    }
    if (f.type === 'worldcup') {
      if (n !== 8 && n !== 16 && n !== 32) {
        ctx.addIssue({ code: 'custom', path: ['teams'], message: `the worldcup format takes 8, 16 or 32 teams, got ${n}` });
        return;
      }
      const withPot = cfg.teams.filter((t) => t.pot !== undefined).length;
      if (withPot !== 0 && withPot !== n) {
        const i = cfg.teams.findIndex((t) => t.pot === undefined);
        ctx.addIssue({ code: 'custom', path: ['teams', i, 'pot'], message: 'either every team names its pot or none does' });
        return;
      }
      const problem = drawProblem(assignPots(cfg.teams, n / 4), { groups: n / 4, defaultLimit: 1, limits: f.separationLimits ?? {} });
      if (problem) ctx.addIssue({ code: 'custom', path: ['teams'], message: `no legal draw: ${problem}` });
    }
  });

export type CupConfig = z.infer<typeof cupConfigSchema>;
export type TeamConfig = CupConfig['teams'][number];
export type FormatConfig = CupConfig['format'];

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(top level)' : out;
}

/** Raised for every bad cup config; the message names the file, and each field with its problem. */
export class CupConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Array<{ field: string; message: string }>,
  ) {
    super(`Bad cup config ${file}:\n` + problems.map((p) => `  ${p.field}: ${p.message}`).join('\n'));
    this.name = 'CupConfigError';
  }
}

/** Validate a parsed config; relative policy paths resolve against `baseDir` and must exist. */
export function parseCupConfig(raw: unknown, file: string, baseDir = dirname(resolve(file))): CupConfig {
  const parsed = cupConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CupConfigError(
      file,
      parsed.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message })),
    );
  }
  const cfg = parsed.data;
  const problems: Array<{ field: string; message: string }> = [];
  cfg.teams = cfg.teams.map((t, i) => {
    if (t.policy.startsWith('builtin:')) return t;
    const abs = resolve(baseDir, t.policy);
    if (!existsSync(abs)) problems.push({ field: `teams[${i}].policy`, message: `policy file not found: ${abs}` });
    return { ...t, policy: abs };
  });
  if (problems.length) throw new CupConfigError(file, problems);
  return cfg;
}

/** Read, parse and validate a cup config file. */
export function loadCupConfig(file: string): CupConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CupConfigError(file, [{ field: '(file)', message: code === 'ENOENT' ? 'file not found' : `cannot read: ${(e as Error).message}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CupConfigError(file, [{ field: '(file)', message: `invalid JSON: ${(e as Error).message}` }]);
  }
  return parseCupConfig(raw, file);
}

/** A team's display name (the id when none is given). */
export function teamName(t: TeamConfig): string {
  return t.name ?? t.id;
}
