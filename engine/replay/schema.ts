// The shape and bounds of everything JSON in a replay (header, footer, per-tick extras), checked
// on read: a replay is input from whoever handed it over, so every field a reader, the viewer or
// `matchday verify` uses is typed and bounded here before anything trusts it.
import { CHECKPOINT_EVERY, MAX_PERIOD_TICKS, MAX_TEAM_NAME_CHARS, MIN_PERIOD_TICKS } from '../constants.js';
import { emptyTeamStats, PLAYERS } from '../state.js';
import { arr, bool, byKind, documented, int, Invalid, nullable, num, obj, oneOf, record, str, tuple, type Check } from './check.js';
import { LIMITS, POLICY_EXTENSIONS, SEGMENT_TICKS } from './format.js';

const u32 = int(0, 0xffffffff);
const count = int(0, Number.MAX_SAFE_INTEGER);
const sha256Hex = str(64, 64, { ok: (s) => /^[0-9a-f]{64}$/.test(s), what: '64 hex digits' });
const hash16 = str(16, 16, { ok: (s) => /^[0-9a-f]{16}$/.test(s), what: '16 hex digits' });
const team = int(-1, 1);
const player = int(-1, PLAYERS - 1);

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

const teamName = str(MAX_TEAM_NAME_CHARS, 1);
const periodTicks = int(MIN_PERIOD_TICKS, MAX_PERIOD_TICKS);

/** A match config: the same fields and bounds `matchday play --config` accepts, all present (the writer stores them all). */
export const checkMatchConfig: Check = obj({
  seed: u32,
  homeName: teamName,
  awayName: teamName,
  halfTicks: periodTicks,
  extraTime: bool,
  extraTimeTicks: periodTicks,
  shootout: bool,
});

const checkTeamSource = obj({
  name: teamName,
  spec: str(4096, 1),
  file: str(4096, 0, { ok: isPlainFileName, what: `a plain file name ending in ${POLICY_EXTENSIONS.join(', ')} (no folder, no control characters, at most 255 characters)` }),
  sha256: sha256Hex,
  source: str(LIMITS.sourceChars),
});

const checkHeaderShape = obj({
  format: int(0, 0xffffffff),
  engine: str(64),
  // python: written only when a team is Python (replays from before it read without it).
  runtime: obj({ node: str(64), v8: str(64), isolatedVm: nullable(str(64)), python: obj({ version: str(64), sha256: sha256Hex }) }, ['python']),
  seed: u32,
  config: checkMatchConfig,
  // Opaque to the engine (the sandbox's settings); `verify` checks its keys and ranges against the sandbox's.
  budget: nullable(record(num, 32)),
  teams: tuple(checkTeamSource, checkTeamSource),
  segmentTicks: oneOf([SEGMENT_TICKS]),
  checkpointEvery: oneOf([CHECKPOINT_EVERY]),
});

export const checkHeaderJson: Check = documented((v, path) => {
  checkHeaderShape(v, path);
  const h = v as { seed: number; config: { seed: number } };
  if (h.seed !== h.config.seed) throw new Invalid('seed', 'differs from config.seed');
}, { ...checkHeaderShape.doc!, text: 'object; seed equals config.seed' });

const checkEvent = obj({ tick: u32, minute: num, type: str(64), team, player, x: num, y: num, detail: str(1000) }, ['detail']);

const checkFault = obj(
  {
    tick: u32,
    kind: oneOf(['error', 'budget', 'invalid', 'memory', 'timeout', 'crash', 'setup']),
    message: str(10_000),
    line: count,
    fatal: bool,
  },
  ['line', 'fatal'],
);

const color = str(64);
const checkMark = byKind({
  dot: obj({ kind: str(4), x: num, y: num, color }),
  line: obj({ kind: str(4), x1: num, y1: num, x2: num, y2: num, color }),
  text: obj({ kind: str(4), x: num, y: num, text: str(1000), color }),
});
const checkTeamDebug = nullable(obj({ marks: arr(checkMark, 10_000), logs: arr(str(10_000), 10_000) }));
const faults = arr(checkFault, 10_000);

/** The non-numeric part of the frames of one segment (see segment.ts). */
export const checkExtrasJson: Check = arr(
  obj({ tick: u32, events: arr(checkEvent, 10_000), debug: tuple(checkTeamDebug, checkTeamDebug), faults: tuple(faults, faults) }, ['events', 'debug', 'faults']),
  SEGMENT_TICKS + 1,
);

// A team's report (engine/team-report.ts). Replays written before issue 16 kept overBudgetTicks in
// budget and had none of ticks, faultCount, errorTicks, overBudgetTicks or debug: both shapes read.
const checkTeamReport = obj(
  {
    ticks: count,
    faults,
    faultCount: count,
    warnings: count,
    warningSamples: arr(str(10_000), 100),
    sanitisedTicks: count,
    errorTicks: count,
    overBudgetTicks: arr(u32, 100_000_000),
    budget: nullable(obj({ median: num, p99: num, max: num, overBudgetTicks: arr(u32, 100_000_000) }, ['overBudgetTicks'])),
    frozenFrom: nullable(u32),
    memoryHighWater: nullable(num),
    debug: obj({ marks: count, logs: count, bytes: count }),
  },
  ['ticks', 'faultCount', 'sanitisedTicks', 'errorTicks', 'overBudgetTicks', 'memoryHighWater', 'debug'],
);

const goals = int(0, 1_000_000);
/** Every stat the engine keeps, each a number (the viewer's stats table reads them all). */
const checkTeamStats = obj(Object.fromEntries(Object.keys(emptyTeamStats()).map((k) => [k, num])));

const checkFooterShape = obj({
  score: tuple(goals, goals),
  shootout: nullable(tuple(goals, goals)),
  winner: oneOf(['home', 'away', 'draw', 'none']),
  endReason: str(64),
  ticks: u32,
  hash: hash16,
  checkpoints: arr(hash16, 100_000_000),
  stats: obj({ teams: tuple(checkTeamStats, checkTeamStats), ticksInPlay: count }),
  events: arr(checkEvent, 100_000_000),
  teams: tuple(checkTeamReport, checkTeamReport),
  forfeit: nullable(obj({ home: nullable(str(10_000)), away: nullable(str(10_000)) })),
  nonReproducible: bool,
});

export const checkFooterJson: Check = documented((v, path) => {
  checkFooterShape(v, path);
  const f = v as { ticks: number; checkpoints: string[] };
  if (f.checkpoints.length !== Math.floor(f.ticks / CHECKPOINT_EVERY)) throw new Invalid('checkpoints', 'do not match the number of ticks (one per CHECKPOINT_EVERY)');
}, { ...checkFooterShape.doc!, text: `object; checkpoints holds one hash per ${CHECKPOINT_EVERY} ticks` });
