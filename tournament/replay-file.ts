// Replay files on disk, read as hostile input: readReplayFile checks all of a replay before anyone
// uses it (path, size, every block, the header against the match config bounds, every segment).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseMatchConfigFile } from './match-config.js';
import { ReplayError, ReplayReader, type ReplayHeader } from '../engine/replay/index.js';
import { CONTROL_CHARS } from '../engine/replay/schema.js';
import { DEFAULT_LIMITS, MAX_BUDGET, type SandboxLimits } from '../sandbox/index.js';
import { UserError } from './errors.js';
import { checkReadableFile } from './paths.js';

/** Exit code for a replay that cannot be read at all (as opposed to one that fails verification). */
export const EXIT_BAD_REPLAY = 2;

/** Largest replay file read (a 90-minute match with debug output is a few megabytes). */
export const MAX_REPLAY_BYTES = 256 * 1024 * 1024;

/** A recorded sandbox setting may be at most this many times its default (the budgets at most MAX_BUDGET). */
export const MAX_LIMIT_FACTOR = 10;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Text from a replay made safe to print on one terminal line: control characters shown as '?', cut to `max` characters. */
export function printable(text: string, max = 40): string {
  const clean = Array.from(text.slice(0, max + 1), (c) => (CONTROL_CHARS.test(c) ? '?' : c)).join('');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** isolated-vm refuses an isolate with a smaller memory limit (in MB): a re-simulation under it could not start. */
export const MIN_MEMORY_MB = 8;

/** The smallest value a replay may record for each sandbox setting. */
export function minLimit(key: keyof SandboxLimits): number {
  return key === 'memoryMb' ? MIN_MEMORY_MB : 1;
}

/** The largest value a replay may record for each sandbox setting. */
export function maxLimit(key: keyof SandboxLimits): number {
  const most = DEFAULT_LIMITS[key] * MAX_LIMIT_FACTOR;
  return key === 'tickBudget' || key === 'setupBudget' || key === 'pyTickBudget' || key === 'pySetupBudget' ? Math.min(most, MAX_BUDGET) : most;
}

/**
 * The sandbox settings a replay recorded, checked: every key the sandbox has, each a whole number
 * from minLimit to maxLimit (a memory limit below isolated-vm's least would crash the re-simulation; a huge wall-clock limit would let a policy stall a re-simulation for hours).
 * null (a match played without the sandbox) gives undefined: re-run under today's defaults.
 */
/** Settings added with Python teams, absent from older replays. */
const PY_LIMITS: ReadonlyArray<keyof SandboxLimits> = ['pyTickBudget', 'pySetupBudget', 'pyMemoryMb'];

export function recordedLimits(header: ReplayHeader, file: string): Partial<SandboxLimits> | undefined {
  const b = header.budget;
  if (b === null) return undefined;
  const bad = (detail: string): never => {
    throw new UserError(`${file}: invalid header: budget${detail}`, EXIT_BAD_REPLAY);
  };
  if (typeof b !== 'object' || Array.isArray(b)) return bad(': must be an object of sandbox settings');
  const keys = Object.keys(DEFAULT_LIMITS) as Array<keyof SandboxLimits>;
  const out: Partial<SandboxLimits> = {};
  for (const k of Object.keys(b)) if (!(keys as string[]).includes(k)) bad(`: unknown setting '${printable(k)}'`);
  for (const k of keys) {
    const v = (b as Record<string, unknown>)[k];
    // Replays from before Python teams have no Python settings: they had no Python team to apply them to.
    if (v === undefined && PY_LIMITS.includes(k)) continue;
    if (v === undefined) bad(`.${k}: missing`);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < minLimit(k) || v > maxLimit(k)) bad(`.${k}: must be a whole number from ${minLimit(k)} to ${maxLimit(k)}`);
    out[k] = v as number;
  }
  return out;
}

/**
 * Opens a replay file and checks all of it before anything is done with it: the path, the size,
 * every block and CRC, the header and footer against their schemas, the config against the bounds of
 * `matchday play --config`, and every segment decoded once. Every problem becomes a UserError naming
 * the file (exit code EXIT_BAD_REPLAY). `keepRows`: keep what the check decodes, for a caller about to
 * read every segment (ReplayReader.keepRows).
 */
export function readReplayFile(path: string, opts: { keepRows?: boolean } = {}): ReplayReader {
  if (!existsSync(path)) throw new UserError(`${path}: no such replay file`, EXIT_BAD_REPLAY);
  checkReadableFile(path, 'replay file', EXIT_BAD_REPLAY);
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > MAX_REPLAY_BYTES) throw new UserError(`${path}: ${size} bytes is too large for a replay (at most ${MAX_REPLAY_BYTES})`, EXIT_BAD_REPLAY);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${path}: cannot read the replay (${(e as NodeJS.ErrnoException).code ?? String(e)})`, EXIT_BAD_REPLAY);
  }
  try {
    const reader = new ReplayReader(bytes, path);
    if (opts.keepRows) reader.keepRows();
    reader.checkFrames();
    // The reader's bounds are the command line's; checking with the command line's own schema says so.
    parseMatchConfigFile(reader.header.config, `${path}: invalid header: config`);
    return reader;
  } catch (e) {
    if (e instanceof ReplayError) throw new UserError(e.message, EXIT_BAD_REPLAY);
    if (e instanceof Error && e.message.startsWith(`${path}: invalid header`)) throw new UserError(e.message, EXIT_BAD_REPLAY);
    throw e;
  }
}
