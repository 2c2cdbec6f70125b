// Every path a command is given is checked before any work starts: a folder where a file is
// expected, a FIFO or a device, a place nothing can be written: one line naming the path and
// the problem (a UserError), never a stack trace from deep inside a match process.
import { accessSync, constants, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from './errors.js';

/** What kind of thing is at a path, in words. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') return null;
    throw e;
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'read-only file system',
    ENOENT: 'no such place',
    ENOTDIR: 'a part of the path is not a folder',
    ENOSPC: 'no space left',
    EISDIR: 'is a folder',
  };
  return code ? (words[code] ?? code) : String(e);
}

/**
 * Something that will be read: it must exist, be of the kind asked for and be readable (folders also searchable).
 * Files and folders differ only in the kind test, the words and the access bits.
 */
function checkReadable(path: string, what: string, exitCode: number, folder: boolean): string {
  let st: Stats | null;
  try {
    st = statOrNull(path);
  } catch (e) {
    throw new UserError(`${path}: cannot open the ${what} (${reason(e)})`, exitCode);
  }
  if (!st) throw new UserError(`${path}: ${what} not found`, exitCode);
  if (folder && !st.isDirectory()) throw new UserError(`${path}: the ${what} is ${st.isFile() ? 'a file' : kindOf(st)}, not a folder`, exitCode);
  if (!folder && !st.isFile()) throw new UserError(`${path}: the ${what} is ${kindOf(st)}, not a file`, exitCode);
  try {
    accessSync(path, folder ? constants.R_OK | constants.X_OK : constants.R_OK);
  } catch (e) {
    throw new UserError(`${path}: cannot read the ${what} (${reason(e)})`, exitCode);
  }
  return path;
}

/** A file that will be read: it must exist, be a regular file and be readable. `what` names it ("policy file"). */
export function checkReadableFile(path: string, what: string, exitCode = 1): string {
  return checkReadable(path, what, exitCode, false);
}

/** A folder that will be read: it must exist and be a folder. */
export function checkReadableDir(path: string, what: string, exitCode = 1): string {
  return checkReadable(path, what, exitCode, true);
}

/**
 * Proves a folder takes new files by creating and removing one: permission bits do not tell the
 * whole truth (root, read-only mounts, /proc), an attempt does.
 */
function probeWritable(dir: string, path: string, what: string, exitCode: number): void {
  const probe = join(dir, `.matchday-probe-${process.pid}-${Math.floor(Math.random() * 1e9)}`);
  try {
    writeFileSync(probe, '', { flag: 'wx' });
  } catch (e) {
    throw new UserError(`${path}: cannot write the ${what} there (${dir}: ${reason(e)})`, exitCode);
  }
  rmSync(probe, { force: true });
}

/** The nearest folder at or above `path` that exists, or a UserError if something on the way is not a folder. */
function existingAncestor(path: string, original: string, what: string, exitCode: number): string {
  let dir = resolve(path);
  for (;;) {
    const st = statOrNull(dir);
    if (st) {
      if (!st.isDirectory()) throw new UserError(`${original}: cannot write the ${what} there (${dir} is ${st.isFile() ? 'a file' : kindOf(st)}, not a folder)`, exitCode);
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new UserError(`${original}: cannot write the ${what} there (no such place)`, exitCode);
    dir = up;
  }
}

/**
 * A file that will be written (created or replaced): if it exists it must be a regular file; its
 * folder (or the nearest existing one above, when folders will be made) must take new files.
 */
export function checkWritableFile(path: string, what: string, exitCode = 1): string {
  const st = statOrNull(resolve(path));
  if (st && !st.isFile()) throw new UserError(`${path}: the ${what} would replace ${kindOf(st)}; give a file name`, exitCode);
  if (st) {
    try {
      accessSync(path, constants.W_OK);
    } catch (e) {
      throw new UserError(`${path}: cannot write the ${what} (${reason(e)})`, exitCode);
    }
  }
  probeWritable(existingAncestor(dirname(resolve(path)), path, what, exitCode), path, what, exitCode);
  return path;
}

/** A folder that will be filled (the command makes it if missing): a folder, or creatable, and it must take new files. */
export function checkWritableDir(path: string, what: string, exitCode = 1): string {
  const st = statOrNull(resolve(path));
  if (st && !st.isDirectory()) throw new UserError(`${path}: the ${what} is ${st.isFile() ? 'a file' : kindOf(st)}, not a folder`, exitCode);
  probeWritable(existingAncestor(path, path, what, exitCode), path, what, exitCode);
  return path;
}

/** A team argument: `builtin:<name>` passes through; anything else must be a readable policy file. */
export function checkTeamArg(spec: string, exitCode = 1): string {
  if (spec.startsWith('builtin:')) return spec;
  return checkReadableFile(spec, 'policy file', exitCode);
}
