// What `matchday serve` was pointed at: a cup folder, a scrim folder (replays plus a summary), or one
// replay file. A source lists its matches and maps a match id to a replay file. A client's string is
// never joined into a path: ids must match MATCH_ID_PATTERN (no '/', no leading '.') and are looked up.
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../../tournament/errors.js';
import { MATCH_ID_PATTERN, type MatchEntry, type ServedList, type SourceKind } from '../protocol.js';
import { isCupFolder, readCupList } from './cup-list.js';
import type { ReplayCache } from './replay-cache.js';

export interface ReplayLocation {
  file: string;
  /** The file relative to what is served: how errors name it. */
  name: string;
}

export interface Source {
  readonly kind: SourceKind;
  readonly root: string;
  list(cache: ReplayCache): Promise<ServedList>;
  /** The replay file of a match, or null when there is none (unknown id, or not played yet). */
  replay(matchId: string): ReplayLocation | null;
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

class CupSource implements Source {
  readonly kind = 'cup';
  constructor(readonly root: string) {}

  replay(matchId: string): ReplayLocation | null {
    if (!MATCH_ID_PATTERN.test(matchId)) return null;
    const file = join(this.root, 'replays', `${matchId}.mdr`);
    if (!inside(this.root, file) || !existsSync(file)) return null;
    return { file, name: `replays/${matchId}.mdr` };
  }

  async list(): Promise<ServedList> {
    // A cup just started may not have written its config yet: an empty cup, not an error.
    if (!isCupFolder(this.root)) return emptyList('cup', basename(this.root));
    return readCupList(this.root, (id) => this.replay(id) !== null);
  }
}

/** A match id from a file name: the name without `.mdr`, anything outside the id alphabet replaced. */
export function idFromFileName(file: string): string {
  const id = basename(file).replace(/\.mdr$/i, '').replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 128);
  return id === '' ? 'match' : id;
}

/** Lists a set of replay files, each read (through the cache) for its teams and score. */
async function listReplays(kind: SourceKind, name: string, files: Map<string, ReplayLocation>, cache: ReplayCache): Promise<ServedList> {
  const teams = new Map<string, string>();
  const matches: MatchEntry[] = [];
  for (const [id, loc] of files) {
    try {
      const { reader } = await cache.load(loc.file, loc.name);
      const [h, a] = reader.header.teams;
      teams.set(h.name, h.name);
      teams.set(a.name, a.name);
      const f = reader.footer;
      matches.push({
        id, label: `${h.name} v ${a.name} (seed ${reader.header.seed})`, stage: 'replay', home: h.name, away: a.name, status: 'done',
        score: f.score, shootout: f.shootout, winner: f.winner === 'none' ? null : f.winner, streamable: true,
      });
    } catch (e) {
      // Still listed, so opening it gives the reader's message naming the file and the problem.
      matches.push({ id, label: `${loc.name} (unreadable: ${(e as Error).message})`, stage: 'replay', home: '?', away: '?', status: 'done', score: null, shootout: null, winner: null, streamable: true });
    }
  }
  return { kind, name, teams: [...teams].map(([id, n]) => ({ id, name: n })), groups: [], table: null, bracket: [], ratings: [], champion: null, matches };
}

class ScrimSource implements Source {
  readonly kind = 'scrim';
  constructor(readonly root: string) {}

  /** Replays in the folder and in its `replays/` subfolder, by id; rescanned on use since a scrim may still be writing. */
  private scan(): Map<string, ReplayLocation> {
    const out = new Map<string, ReplayLocation>();
    for (const sub of ['', 'replays']) {
      const dir = join(this.root, sub);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir).sort()) {
        if (!f.toLowerCase().endsWith('.mdr')) continue;
        let id = idFromFileName(f);
        for (let k = 2; out.has(id); k++) id = `${idFromFileName(f)}-${k}`;
        out.set(id, { file: join(dir, f), name: sub ? `${sub}/${f}` : f });
      }
    }
    return out;
  }

  replay(matchId: string): ReplayLocation | null {
    if (!MATCH_ID_PATTERN.test(matchId)) return null;
    return this.scan().get(matchId) ?? null;
  }

  /** The summary JSON may name the scrim; otherwise the folder name does. */
  private name(): string {
    for (const f of ['summary.json', 'scrim.json']) {
      try {
        const s = JSON.parse(readFileSync(join(this.root, f), 'utf8')) as { name?: unknown };
        if (typeof s.name === 'string' && s.name) return s.name;
      } catch {
        /* no summary, or not ours to judge */
      }
    }
    return basename(this.root);
  }

  list(cache: ReplayCache): Promise<ServedList> {
    return listReplays('scrim', this.name(), this.scan(), cache);
  }
}

class ReplayFileSource implements Source {
  readonly kind = 'replay';
  readonly id: string;
  private readonly loc: ReplayLocation;
  constructor(readonly root: string) {
    this.id = idFromFileName(root);
    this.loc = { file: root, name: basename(root) };
  }

  replay(matchId: string): ReplayLocation | null {
    return matchId === this.id ? this.loc : null;
  }

  list(cache: ReplayCache): Promise<ServedList> {
    return listReplays('replay', basename(this.root), new Map([[this.id, this.loc]]), cache);
  }
}

function emptyList(kind: SourceKind, name: string): ServedList {
  return { kind, name, teams: [], groups: [], table: null, bracket: [], ratings: [], champion: null, matches: [] };
}

/** Picks the source for a path given on the command line (or forced to a cup folder); a missing path is the user's error. */
export function openSource(path: string, kind?: 'cup'): Source {
  const { root, file } = checkServePath(path);
  if (file) return new ReplayFileSource(root);
  if (kind === 'cup') return new CupSource(root);
  return isCupFolder(root) ? new CupSource(root) : new ScrimSource(root);
}

/**
 * The checks openSource makes on `path` before it reads anything: a readable file or folder, or a UserError
 * naming the path. `serve` runs them before anything slower (such as rebuilding the client), so a wrong path
 * is the first and only thing it reports.
 */
export function checkServePath(path: string): { root: string; file: boolean } {
  const root = resolve(path);
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new UserError(`${path}: no such file or folder (give a cup folder, a scrim folder or a replay file)`);
  }
  if (!st.isFile() && !st.isDirectory()) throw new UserError(`${path}: not a replay file or a folder (give a cup folder, a scrim folder or a replay file)`);
  try {
    accessSync(root, st.isFile() ? constants.R_OK : constants.R_OK | constants.X_OK);
  } catch (e) {
    throw new UserError(`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return { root, file: st.isFile() };
}

/** A source with no files: what a running cup serves before anything is on disk. */
export function emptySource(name: string): Source {
  return {
    kind: 'cup',
    root: '',
    replay: () => null,
    list: async () => emptyList('cup', name),
  };
}
