// The cup folder on disk. Every file is written atomically (temp file, fsync, rename) so a run killed
// at any moment leaves either the old file or the new one, never half of one; the journal is
// append-only and a torn last line is ignored on reading.
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { MatchConfigFile } from './match-config.js';
import type { CupMatchResult } from './types.js';

let tmpCounter = 0;

/** Write `data` to `file` atomically: a reader sees the old content or the new, nothing in between. */
export function atomicWrite(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${tmpCounter++}`;
  const fd = openSync(tmp, 'w');
  try {
    if (typeof data === 'string') writeSync(fd, data);
    else writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  // Persist the rename itself; some platforms cannot open a directory, which only weakens crash safety.
  try {
    const dfd = openSync(dirname(file), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* best effort */
  }
}

/** JSON with object keys sorted, so equal values always serialise (and hash) the same: the replay's one writer. */
export { canonicalJson } from '../engine/replay/canonical-json.js';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface JournalEntry {
  ev: 'cup-start' | 'start' | 'finish' | 'error';
  matchId?: string;
  slot?: number;
  pid?: number;
  time: string;
  hash?: string;
  message?: string;
}

/** What must not change between a cup's start and its resumption. */
export interface CupFingerprint {
  engineVersion: string;
  configHash: string;
  policies: Record<string, { spec: string; hash: string }>;
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export class CupDir {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  static readonly CONFIG = 'cup.json';
  static readonly DRAW = 'draw.json';
  static readonly STATE = 'state.json';
  static readonly JOURNAL = 'journal.ndjson';
  static readonly REPORT_JSON = 'report.json';
  static readonly REPORT_MD = 'report.md';

  path(rel: string): string {
    return join(this.root, rel);
  }

  /** Match ids become file names: refuse anything that could step outside the cup folder. */
  private matchFile(dir: string, matchId: string, ext: string): string {
    if (!SAFE_ID.test(matchId)) throw new Error(`Unsafe match id for a file name: ${JSON.stringify(matchId)}`);
    return join(this.root, dir, `${matchId}${ext}`);
  }
  resultPath(matchId: string): string {
    return this.matchFile('results', matchId, '.json');
  }
  /** Where the match runner writes the replay. */
  replayPath(matchId: string): string {
    return this.matchFile('replays', matchId, '.mdr');
  }
  matchConfigPath(matchId: string): string {
    return this.matchFile('configs', matchId, '.json');
  }

  ensure(): void {
    for (const d of ['', 'results', 'replays', 'configs']) mkdirSync(join(this.root, d), { recursive: true });
  }

  exists(rel: string): boolean {
    return existsSync(this.path(rel));
  }

  writeJson(rel: string, value: unknown): void {
    atomicWrite(this.path(rel), JSON.stringify(value, null, 2) + '\n');
  }
  writeText(rel: string, text: string): void {
    atomicWrite(this.path(rel), text);
  }

  readJson<T>(rel: string): T | undefined {
    const file = this.path(rel);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch (e) {
      throw new Error(`Cannot read ${file}: ${(e as Error).message}`);
    }
  }

  writeResult(r: CupMatchResult): void {
    atomicWrite(this.resultPath(r.matchId), JSON.stringify(r, null, 2) + '\n');
  }

  writeMatchConfig(matchId: string, value: MatchConfigFile): string {
    const file = this.matchConfigPath(matchId);
    atomicWrite(file, JSON.stringify(value, null, 2) + '\n');
    return file;
  }

  /** Results on disk, by match id. A file that does not parse (which atomic writes should prevent) counts as not played. */
  readResults(): Map<string, CupMatchResult> {
    const out = new Map<string, CupMatchResult>();
    const dir = join(this.root, 'results');
    if (!existsSync(dir)) return out;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.json')) continue;
      try {
        const r = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CupMatchResult;
        if (r && typeof r.matchId === 'string' && `${r.matchId}.json` === name) out.set(r.matchId, r);
      } catch {
        /* treated as unplayed */
      }
    }
    return out;
  }

  /** Append one journal line with a single write, so lines never interleave. */
  journal(entry: JournalEntry): void {
    appendFileSync(this.path(CupDir.JOURNAL), JSON.stringify(entry) + '\n');
  }

  readJournal(): JournalEntry[] {
    const file = this.path(CupDir.JOURNAL);
    if (!existsSync(file)) return [];
    const out: JournalEntry[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        out.push(JSON.parse(line) as JournalEntry);
      } catch {
        /* a line torn by a crash */
      }
    }
    return out;
  }
}

/** Differences between the fingerprint a cup started with and the current one, in words. */
export function fingerprintChanges(before: CupFingerprint, now: CupFingerprint): string[] {
  const out: string[] = [];
  if (before.engineVersion !== now.engineVersion) out.push(`engine version changed: ${before.engineVersion} -> ${now.engineVersion}`);
  if (before.configHash !== now.configHash) out.push('the cup config changed');
  const ids = new Set([...Object.keys(before.policies), ...Object.keys(now.policies)]);
  for (const id of [...ids].sort()) {
    const a = before.policies[id];
    const b = now.policies[id];
    if (!a || !b) out.push(`team ${id} ${a ? 'was removed' : 'was added'}`);
    else if (a.spec !== b.spec) out.push(`team ${id} policy changed: ${a.spec} -> ${b.spec}`);
    else if (a.hash !== b.hash) out.push(`team ${id} policy file changed: ${b.spec}`);
  }
  return out;
}
