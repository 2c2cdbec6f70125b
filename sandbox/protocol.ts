// What the host and the guest runtime agree on: the reply layout and status codes.
// Imported by both sides (the guest gets it through the bundle), so it cannot drift.
import { CMD_LENGTH } from '../engine/obs-layout.js';

/** Reply slots after the CMD_LENGTH command numbers. */
export const R_STATUS = CMD_LENGTH;
export const R_USED = CMD_LENGTH + 1;
/** 1 when warnings, logs, marks or an error wait in takeExtras(). */
export const R_EXTRAS = CMD_LENGTH + 2;
export const REPLY_LENGTH = CMD_LENGTH + 3;

export const ST_OK = 0;
/** The work budget ran out (sticky: caught or not, the call counts as over budget). */
export const ST_BUDGET = 1;
/** The policy's own call depth passed the cap. */
export const ST_DEPTH = 2;
/** The policy threw (or something it returned threw while being read). */
export const ST_ERROR = 3;

/** Reserved prefix of the names the instrumenter adds; policy code may not use it. */
export const RESERVED_PREFIX = '__md_';
/** Module specifier of the guest runtime, imported only by the instrumenter's line. */
export const RUNTIME_SPECIFIER = 'matchday:runtime';

export interface GuestConfig {
  /** Key of the team's random stream: `${seed}:policy:${teamName}`, as engine/rng.ts builds it. */
  seed: number;
  teamName: string;
  maxCallDepth: number;
  maxLogLines: number;
  maxLogChars: number;
  maxDebugMarks: number;
  /** Filename the policy was compiled under, to find its frames in stacks. */
  filename: string;
}

export interface GuestError {
  message: string;
  stack: string;
}

export interface GuestExtras {
  warnings: string[];
  logs: string[];
  marks: import('../engine/controller.js').DebugMark[];
  error: GuestError | null;
}
