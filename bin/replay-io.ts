// Replays on disk: the Node-side helpers around the pure codec in engine/replay.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReplayError, ReplayReader, type JsonValue, type ReplayHeaderInfo, type TeamSource } from '../engine/replay/index.js';
import type { TeamSpec } from '../policies/builtins.js';
import { UserError } from './errors.js';

/** Exit code for a replay that cannot be read at all (as opposed to one that fails verification). */
export const EXIT_BAD_REPLAY = 2;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A team's source as a replay embeds it. */
export function teamSource(t: TeamSpec): TeamSource {
  let source: string;
  try {
    source = readFileSync(t.file, 'utf8');
  } catch {
    throw new UserError(`${t.file}: cannot read the policy file`);
  }
  return { name: t.name, spec: t.spec, file: basename(t.file), sha256: sha256(source), source };
}

export function isolatedVmVersion(): string | null {
  try {
    const pkg = new URL('../node_modules/isolated-vm/package.json', import.meta.url);
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

/** Everything the header needs that only the host knows. `budget` null and `sandboxed` false for in-process play. */
export function buildReplayHeaderInfo(home: TeamSpec, away: TeamSpec, opts: { budget: JsonValue | null; sandboxed: boolean }): ReplayHeaderInfo {
  return {
    runtime: { node: process.versions.node, v8: process.versions.v8, isolatedVm: opts.sandboxed ? isolatedVmVersion() : null },
    budget: opts.budget,
    teams: [teamSource(home), teamSource(away)],
  };
}

/** Writes atomically (a temp file in the same folder, then rename), so a reader never sees half a replay. */
export function writeReplayFile(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`${path}: cannot write the replay (${e instanceof Error ? e.message : String(e)})`);
  }
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
