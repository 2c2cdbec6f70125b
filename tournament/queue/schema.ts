// The queue's wire: what a match job carries through Redis and what a worker stores back, as zod
// schemas checked at both ends (a job and a worker's output are input from another machine), plus
// the Redis names everything lives under and how a job is named.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { MAX_TEAM_NAME_CHARS } from '../../engine/constants.js';
import { LIMITS } from '../../engine/replay/format.js';
import { checkMatchConfig, isPlainFileName } from '../../engine/replay/schema.js';
import { problemOf } from '../../engine/replay/check.js';
import type { MatchConfig } from '../../engine/state.js';
import type { SandboxLimits } from '../../sandbox/index.js';

/** Bumped when the job's shape changes; a worker refuses a job of another shape as malformed. */
export const JOB_FORMAT = 1;
/** The BullMQ queue every coordinator and worker of one Redis share. */
export const QUEUE_NAME = 'matchday-matches';
/** Prefix of matchday's own keys (sources, outputs, refusals, worker heartbeats). */
export const KEY_PREFIX = 'matchday';
/**
 * Retention: a finished job, its output and the sources it names stay in Redis at most this long when no
 * coordinator collects them (a coordinator deletes a job and its output as soon as it has stored the result).
 */
export const RETENTION_S = 7 * 24 * 3600;

export const keys = {
  /** A policy's source text by its sha256 (published once per coordinator run, fetched once per worker). */
  source: (sha256: string) => `${KEY_PREFIX}:src:${sha256}`,
  /** A finished job's output: fields `replay` (bytes) and `meta` (WorkerOutput JSON). */
  output: (jobId: string) => `${KEY_PREFIX}:out:${jobId}`,
  /** Workers that refused a job: worker name -> why. */
  refused: (jobId: string) => `${KEY_PREFIX}:refused:${jobId}`,
  /** Live workers: sorted set, member = worker name, score = when its heartbeat runs out (ms). */
  workers: `${KEY_PREFIX}:workers`,
  /** What each worker said in its last heartbeat (JSON), by name. */
  workerInfo: `${KEY_PREFIX}:worker-info`,
};

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits');
const versionText = z.string().max(64);

export const versionsSchema = z.strictObject({
  engine: versionText,
  engineCode: versionText,
  sandbox: versionText,
  replayFormat: z.number().int().min(0).max(0xffff),
  node: versionText,
  v8: versionText,
  isolatedVm: versionText.nullable(),
  python: z.string().max(200).nullable(),
});

const matchConfigSchema = z.custom<MatchConfig>((v) => problemOf(checkMatchConfig, v) === null, {
  error: (iss) => `not a match config: ${problemOf(checkMatchConfig, iss.input) ?? 'malformed'}`,
});

export const teamJobSchema = z.strictObject({
  /** What the coordinator was given (a path, builtin:<name>, fixture:<name>); recorded in the replay as is. */
  spec: z.string().min(1).max(4096),
  name: z.string().min(1).max(MAX_TEAM_NAME_CHARS),
  /** The policy file's base name: the worker stores the source under it, so the replay records the same name. */
  file: z.string().refine(isPlainFileName, 'must be a plain policy file name (no folder, a policy extension)'),
  sha256: sha256Hex,
});

const limitsSchema = z
  .strictObject({
    tickBudget: z.number(),
    setupBudget: z.number(),
    memoryMb: z.number(),
    maxCallDepth: z.number(),
    callWallMs: z.number(),
    setupWallMs: z.number(),
    matchWallMs: z.number(),
    maxLogLines: z.number(),
    maxLogChars: z.number(),
    maxDebugMarks: z.number(),
  })
  .partial() satisfies z.ZodType<Partial<SandboxLimits>>;

export const jobDataSchema = z.strictObject({
  format: z.literal(JOB_FORMAT),
  /** The cup (or season) the match belongs to: a digest of its identity and the coordinator's versions. */
  cup: z.string().regex(/^[0-9a-f]{16}$/),
  matchId: z.string().min(1).max(200),
  config: matchConfigSchema,
  home: teamJobSchema,
  away: teamJobSchema,
  limits: limitsSchema.optional(),
  freeze: z
    .array(z.strictObject({ team: z.union([z.literal(0), z.literal(1)]), fromTick: z.number().int().min(0).max(1e9), reason: z.string().max(2000) }))
    .max(2)
    .optional(),
  versions: versionsSchema,
});
export type JobData = z.infer<typeof jobDataSchema>;
export type TeamJob = z.infer<typeof teamJobSchema>;

/** The config names the teams the engine keys its streams by: they must be the teams sent. */
export function parseJobData(data: unknown): { ok: true; job: JobData } | { ok: false; problem: string } {
  const r = jobDataSchema.safeParse(data);
  if (!r.success) return { ok: false, problem: r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(job)'}: ${i.message}`).join('; ') };
  const j = r.data;
  if (j.config.homeName !== j.home.name || j.config.awayName !== j.away.name) return { ok: false, problem: 'config: homeName/awayName differ from the teams sent' };
  return { ok: true, job: j };
}

const crashSchema = z.strictObject({
  tick: z.number().int().min(0),
  team: z.union([z.literal(0), z.literal(1), z.literal(-1)]),
  how: z.string().max(4000),
  wallClock: z.boolean().optional(),
});

/** What a worker stores beside the replay: what the replay does not hold. */
export const workerOutputSchema = z.strictObject({
  worker: z.string().min(1).max(200),
  /** The match process that played it, on the worker's machine (journal bookkeeping only). */
  pid: z.number().int(),
  /** Milliseconds the worker's pool spent on the match (start to result). */
  playMs: z.number().min(0),
  crashes: z.array(crashSchema).max(16),
  setupLogs: z.tuple([z.array(z.string().max(10_000)).max(1000), z.array(z.string().max(10_000)).max(1000)]),
  nonReproducible: z.boolean(),
});
export type WorkerOutput = z.infer<typeof workerOutputSchema>;

/** Largest replay a worker may hand back (far above a real match's few hundred KB). */
export const MAX_REPLAY_BYTES = 64 * 1024 * 1024;
/** Largest policy source the queue carries: what a replay may embed. */
export const MAX_SOURCE_CHARS = LIMITS.sourceChars;

/**
 * A match's job id: the cup's digest and the match id, so a resumed coordinator finds the job it added
 * before (and its result) instead of adding another. BullMQ ids may not hold ':' nor be plain integers;
 * a match id with other characters than [A-Za-z0-9_.-] is replaced by its hash.
 */
export function jobIdFor(cup: string, matchId: string): string {
  const safe = /^[A-Za-z0-9_.-]{1,120}$/.test(matchId) ? matchId : `h${createHash('sha256').update(matchId).digest('hex').slice(0, 32)}`;
  return `${jobIdPrefix(cup)}${safe}`;
}

/** What every job id of one cup starts with. */
export function jobIdPrefix(cup: string): string {
  return `m.${cup}.`;
}
