// Replays on disk: the Node-side helpers around the pure codec in engine/replay.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ReplayError, ReplayReader } from '../engine/replay/index.js';
import { UserError } from './errors.js';

/** Exit code for a replay that cannot be read at all (as opposed to one that fails verification). */
export const EXIT_BAD_REPLAY = 2;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Opens a replay file; every problem becomes a UserError naming the file (exit code EXIT_BAD_REPLAY). */
export function readReplayFile(path: string): ReplayReader {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `${path}: no such replay file` : `${path}: cannot read the replay (${code ?? String(e)})`, EXIT_BAD_REPLAY);
  }
  try {
    return new ReplayReader(bytes, path);
  } catch (e) {
    if (e instanceof ReplayError) throw new UserError(e.message, EXIT_BAD_REPLAY);
    throw e;
  }
}
