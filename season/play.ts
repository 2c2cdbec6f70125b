// Plays one locked season match on the match runner: each side's locked submission, or a 0-3 forfeit for a
// side that never had a valid one; replays stored content-addressed beside the db, redacted copies made on first request.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../engine/setup.js';
import { fromEngineResult } from '../tournament/engine-result.js';
import { pacedFeed, type LiveOptions, type MatchRunner } from '../tournament/runner/cup-play.js';
import type { CupMatchResult, MatchSettings, TeamSpec } from '../tournament/types.js';
import { redactReplay } from './redact.js';
import { LiveRedactor } from './redact-live.js';
import type { MatchRow, SeasonStore, SubmissionRow } from './store.js';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Where a season keeps its files: policies and replays by content hash, written atomically. */
export class SeasonFiles {
  constructor(readonly dir: string) {}

  get policies(): string {
    return join(this.dir, 'policies');
  }
  get replays(): string {
    return join(this.dir, 'replays');
  }

  /** A submission as a file the sandbox can load, named by its hash (never by a team name). */
  policyFile(sub: SubmissionRow, source: Buffer): string {
    const ext = sub.filename.slice(sub.filename.lastIndexOf('.'));
    const file = join(this.policies, `${sub.sha256}${ext}`);
    if (!existsSync(file)) {
      mkdirSync(this.policies, { recursive: true });
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, source);
      renameSync(tmp, file);
    }
    return file;
  }

  replayPath(sha: string): string {
    return join(this.replays, `${sha}.mdr`);
  }

  /** The public copy, or with `side` the copy for that team (its own debug output kept). */
  redactedPath(sha: string, side?: 0 | 1): string {
    return join(this.replays, 'redacted', side === undefined ? `${sha}.mdr` : `${sha}.side${side}.mdr`);
  }

  /** Stores a finished replay (moved from `tmp`); returns its hash. */
  storeReplay(tmp: string): string {
    const sha = sha256(readFileSync(tmp));
    mkdirSync(this.replays, { recursive: true });
    renameSync(tmp, this.replayPath(sha));
    return sha;
  }

  /**
   * The redacted copy of stored replay `sha`, made on first request and kept: re-encoding a full-length
   * replay costs seconds of this process's time, which a matchday should not wait for.
   */
  redacted(sha: string, side?: 0 | 1): string | null {
    const red = this.redactedPath(sha, side);
    if (existsSync(red)) return red;
    const full = this.replayPath(sha);
    if (!existsSync(full)) return null;
    mkdirSync(join(this.replays, 'redacted'), { recursive: true });
    const tmp = `${red}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(tmp, redactReplay(readFileSync(full), full, side));
    renameSync(tmp, red);
    return red;
  }
}

/** The result of a match a side could not play: 0-3 against it (0-0 and a loss for both when neither could). */
export function forfeitResult(m: MatchRow, home: boolean, away: boolean): CupMatchResult {
  const why = 'no valid submission before the deadline';
  const score: [number, number] = home && away ? [0, 0] : home ? [0, 3] : [3, 0];
  return {
    matchId: m.id,
    home: m.home,
    away: m.away,
    seed: m.seed,
    score,
    winner: home && away ? 'draw' : home ? 'away' : 'home',
    hash: '',
    ticks: 0,
    stats: { yellowCards: [0, 0], redCards: [0, 0] },
    forfeit: { home: home ? why : null, away: away ? why : null },
  };
}

/** Plays `m` (or scores its forfeit) and records the result; resolves once it is stored. */
export async function playSeasonMatch(store: SeasonStore, files: SeasonFiles, runner: MatchRunner, m: MatchRow, settings: MatchSettings, live?: LiveOptions): Promise<CupMatchResult> {
  const subs = [m.home_submission, m.away_submission].map((id) => (id === null ? null : store.submission(id)));
  if (!subs[0] || !subs[1]) {
    const r = forfeitResult(m, !subs[0], !subs[1]);
    store.setResult(m.id, r, null);
    return r;
  }
  // The team's name keys its random stream; the file is named by its content hash.
  const team = (name: string, sub: SubmissionRow): TeamSpec => ({ spec: sub.filename, name, file: files.policyFile(sub, store.submissionSource(sub.id)) });
  const home = team(m.home, subs[0]);
  const away = team(m.away, subs[1]);
  const config = defaultConfig({ seed: m.seed, homeName: m.home, awayName: m.away, ...settings });
  mkdirSync(files.replays, { recursive: true });
  const tmp = join(files.replays, `tmp-${m.id}-${process.pid}.mdr`);
  try {
    // Shown live under the API's match id, redacted blob by blob like the public replay: no source, no debug output.
    const feed = live ? pacedFeed(m.id, live, { label: `matchday ${m.matchday}: ${m.home} v ${m.away}`, home: m.home, away: m.away }) : null;
    const redactor = new LiveRedactor(`live match ${m.id}`);
    const hooks = feed ? { onBlob: (kind: 'header' | 'segment' | 'footer', blob: Uint8Array) => feed.blob(kind, redactor.blob(kind, blob)) } : {};
    const raw = await runner.run({ matchId: m.id, config, home, away, out: tmp, stream: feed !== null }, hooks);
    await feed?.done();
    const r = fromEngineResult({ matchId: m.id, seed: m.seed, home: { id: m.home, name: m.home, policy: home.file }, away: { id: m.away, name: m.away, policy: away.file } }, raw);
    const sha = files.storeReplay(tmp);
    store.setResult(m.id, r, sha);
    return r;
  } finally {
    rmSync(tmp, { force: true });
  }
}
