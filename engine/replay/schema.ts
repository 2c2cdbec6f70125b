// The shape and bounds of everything JSON in a replay (header, footer, per-tick extras), checked
// on read: a replay is input from whoever handed it over, so every field a reader, the viewer or
// `matchday verify` uses is typed and bounded here before anything trusts it.
import { z } from 'zod';
import { CHECKPOINT_EVERY, MAX_PERIOD_TICKS, MAX_TEAM_NAME_CHARS, MIN_PERIOD_TICKS } from '../constants.js';
import { emptyTeamStats, PLAYERS } from '../state.js';
import { LIMITS, POLICY_EXTENSIONS, SEGMENT_TICKS } from './format.js';

const u32 = z.number().int().min(0).max(0xffffffff);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const finite = z.number();
const text = (max: number) => z.string().max(max);
const hash16 = z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits');
const team = z.number().int().min(-1).max(1);
const player = z.number().int().min(-1).max(PLAYERS - 1);

/** Characters no name or label may hold: control characters move a terminal's cursor or hide text. */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A file name as the writer stores it: a base name with a policy extension, nothing a path is
 * made of. `verify` never uses it as a path anyway; this says such a name was not written by matchday.
 */
export function isPlainFileName(name: string): boolean {
  if (name.length === 0 || name.length > 255 || name === '.' || name === '..') return false;
  if (name.includes('/') || name.includes('\\') || CONTROL_CHARS.test(name)) return false;
  const dot = name.lastIndexOf('.');
  return dot > 0 && POLICY_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

const teamName = z.string().min(1).max(MAX_TEAM_NAME_CHARS);
const periodTicks = z.number().int().min(MIN_PERIOD_TICKS).max(MAX_PERIOD_TICKS);

/** A match config: the same fields and bounds `matchday play --config` accepts, all present (the writer stores them all). */
export const MatchConfigSchema = z
  .object({
    seed: u32,
    homeName: teamName,
    awayName: teamName,
    halfTicks: periodTicks,
    extraTime: z.boolean(),
    extraTimeTicks: periodTicks,
    shootout: z.boolean(),
  })
  .strict();

const TeamSourceSchema = z
  .object({
    name: teamName,
    spec: z.string().min(1).max(4096),
    file: z.string().refine(isPlainFileName, `must be a plain file name ending in ${POLICY_EXTENSIONS.join(', ')} (no folder, no control characters, at most 255 characters)`),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits'),
    source: text(LIMITS.sourceChars),
  })
  .strict();

export const HeaderSchema = z
  .object({
    format: z.number().int(),
    engine: text(64),
    runtime: z.object({ node: text(64), v8: text(64), isolatedVm: text(64).nullable() }).strict(),
    seed: u32,
    config: MatchConfigSchema,
    /** Opaque to the engine (the sandbox's settings); `verify` checks its keys and ranges against the sandbox's. */
    budget: z
      .record(text(64), finite)
      .refine((b) => Object.keys(b).length <= 32, 'has more than 32 entries')
      .nullable(),
    teams: z.tuple([TeamSourceSchema, TeamSourceSchema]),
    segmentTicks: z.literal(SEGMENT_TICKS),
    checkpointEvery: z.literal(CHECKPOINT_EVERY),
  })
  .strict()
  .refine((h) => h.seed === h.config.seed, { message: 'differs from config.seed', path: ['seed'] });

export const EventSchema = z
  .object({ tick: u32, minute: finite, type: text(64), team, player, x: finite, y: finite, detail: text(1000).optional() })
  .strict();

export const FaultSchema = z
  .object({
    tick: u32,
    kind: z.enum(['error', 'budget', 'invalid', 'memory', 'timeout', 'crash', 'setup']),
    message: text(10_000),
    line: count.optional(),
    fatal: z.boolean().optional(),
  })
  .strict();

const color = text(64);
const MarkSchema = z.union([
  z.object({ kind: z.literal('dot'), x: finite, y: finite, color }).strict(),
  z.object({ kind: z.literal('line'), x1: finite, y1: finite, x2: finite, y2: finite, color }).strict(),
  z.object({ kind: z.literal('text'), x: finite, y: finite, text: text(1000), color }).strict(),
]);
const TeamDebugSchema = z.object({ marks: z.array(MarkSchema).max(10_000), logs: z.array(text(10_000)).max(10_000) }).strict();

/** The non-numeric part of the frames of one segment (see segment.ts). */
export const ExtrasSchema = z
  .array(
    z
      .object({
        tick: u32,
        events: z.array(EventSchema).max(10_000).optional(),
        debug: z.tuple([TeamDebugSchema.nullable(), TeamDebugSchema.nullable()]).optional(),
        faults: z.tuple([z.array(FaultSchema).max(10_000), z.array(FaultSchema).max(10_000)]).optional(),
      })
      .strict(),
  )
  .max(SEGMENT_TICKS + 1);

const TeamReportSchema = z
  .object({
    faults: z.array(FaultSchema).max(10_000),
    warnings: count,
    warningSamples: z.array(text(10_000)).max(100),
    budget: z.object({ median: finite, p99: finite, max: finite, overBudgetTicks: z.array(u32) }).strict().nullable(),
    frozenFrom: u32.nullable(),
    memoryHighWater: finite.optional(),
    sanitisedTicks: count.optional(),
  })
  .strict();

const goals = z.number().int().min(0).max(1_000_000);
/** Every stat the engine keeps, each a number (the viewer's stats table reads them all). */
const TeamStatsSchema = z.object(Object.fromEntries(Object.keys(emptyTeamStats()).map((k) => [k, finite]))).strict();

export const FooterSchema = z
  .object({
    score: z.tuple([goals, goals]),
    shootout: z.tuple([goals, goals]).nullable(),
    winner: z.enum(['home', 'away', 'draw', 'none']),
    endReason: text(64),
    ticks: u32,
    hash: hash16,
    checkpoints: z.array(hash16),
    stats: z
      .object({
        teams: z.tuple([TeamStatsSchema, TeamStatsSchema]),
        ticksInPlay: count,
      })
      .strict(),
    events: z.array(EventSchema),
    teams: z.tuple([TeamReportSchema, TeamReportSchema]),
    forfeit: z.object({ home: text(10_000).nullable(), away: text(10_000).nullable() }).strict().nullable(),
    nonReproducible: z.boolean(),
  })
  .strict()
  .refine((f) => f.checkpoints.length === Math.floor(f.ticks / CHECKPOINT_EVERY), {
    message: 'do not match the number of ticks (one per CHECKPOINT_EVERY)',
    path: ['checkpoints'],
  });

/** The first problem zod found, as "field: problem", never quoting the offending value (it may be a megabyte). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(top level)';
  return `${field}: ${issue.message}`;
}
