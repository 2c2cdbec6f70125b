// Every read and write of the season database, in one place, typed; the service above holds the rules.
import type { CupMatchResult } from '../tournament/types.js';
import type { Db } from './db.js';
import type { Language } from './upload.js';

export type SubmissionStatus = 'pending' | 'valid' | 'invalid';

export interface SubmissionRow {
  id: number;
  team: string;
  version: number;
  filename: string;
  language: Language;
  sha256: string;
  size: number;
  received: string;
  received_ms: number;
  status: SubmissionStatus;
  report: string | null;
}

export interface MatchdayRow {
  n: number;
  deadline_ms: number | null;
  state: 'open' | 'locked' | 'played';
  locked_at: string | null;
  played_at: string | null;
}

export interface MatchRow {
  id: string;
  matchday: number;
  home: string;
  away: string;
  seed: number;
  home_submission: number | null;
  away_submission: number | null;
  result: string | null;
  replay_sha256: string | null;
}

export interface TokenRow {
  id: number;
  role: 'admin' | 'team';
  team: string | null;
  hash: string;
}

const SUBMISSION_COLUMNS = 'id, team, version, filename, language, sha256, size, received, received_ms, status, report';

export class SeasonStore {
  constructor(readonly db: Db) {}

  meta(key: string): string | null {
    const r = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  transaction<T>(f: () => T): T {
    return this.db.transaction(f)();
  }

  // Tokens

  activeTokens(): TokenRow[] {
    return this.db.prepare('SELECT id, role, team, hash FROM tokens WHERE revoked IS NULL ORDER BY id').all() as TokenRow[];
  }

  addToken(role: 'admin' | 'team', team: string | null, hash: string): void {
    this.db.prepare('INSERT INTO tokens (role, team, hash, created) VALUES (?, ?, ?, ?)').run(role, team, hash, new Date().toISOString());
  }

  /** Revokes every live token of `team` and adds `hash` as its only one, atomically. */
  rotateTeamToken(team: string, hash: string): void {
    this.transaction(() => {
      this.db.prepare("UPDATE tokens SET revoked = ? WHERE role = 'team' AND team = ? AND revoked IS NULL").run(new Date().toISOString(), team);
      this.addToken('team', team, hash);
    });
  }

  // Submissions

  addSubmission(s: { team: string; filename: string; language: Language; sha256: string; source: Buffer; receivedMs: number }): SubmissionRow {
    return this.transaction(() => {
      const v = this.db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM submissions WHERE team = ?').get(s.team) as { v: number };
      const received = new Date(s.receivedMs).toISOString();
      const info = this.db
        .prepare("INSERT INTO submissions (team, version, filename, language, sha256, size, source, received, received_ms, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')")
        .run(s.team, v.v, s.filename, s.language, s.sha256, s.source.length, s.source, received, s.receivedMs);
      return this.submission(Number(info.lastInsertRowid))!;
    });
  }

  /** A submission's verdict; the source and everything else stay as received. */
  finishSubmission(id: number, status: 'valid' | 'invalid', report: unknown): void {
    this.db.prepare("UPDATE submissions SET status = ?, report = ? WHERE id = ? AND status = 'pending'").run(status, JSON.stringify(report), id);
  }

  submission(id: number): SubmissionRow | null {
    return (this.db.prepare(`SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = ?`).get(id) as SubmissionRow | undefined) ?? null;
  }

  submissionByVersion(team: string, version: number): SubmissionRow | null {
    return (this.db.prepare(`SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE team = ? AND version = ?`).get(team, version) as SubmissionRow | undefined) ?? null;
  }

  submissionSource(id: number): Buffer {
    return (this.db.prepare('SELECT source FROM submissions WHERE id = ?').get(id) as { source: Buffer }).source;
  }

  submissionsOf(team: string): SubmissionRow[] {
    return this.db.prepare(`SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE team = ? ORDER BY version`).all(team) as SubmissionRow[];
  }

  pendingSubmissions(): SubmissionRow[] {
    return this.db.prepare(`SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE status = 'pending' ORDER BY id`).all() as SubmissionRow[];
  }

  /** The team's latest valid submission received at or before `deadlineMs` (receipt time is what counts). */
  latestValid(team: string, deadlineMs: number): SubmissionRow | null {
    return (
      (this.db
        .prepare(`SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE team = ? AND status = 'valid' AND received_ms <= ? ORDER BY received_ms DESC, id DESC LIMIT 1`)
        .get(team, deadlineMs) as SubmissionRow | undefined) ?? null
    );
  }

  // Matchdays and matches

  addMatchday(n: number, deadlineMs: number | null): void {
    this.db.prepare("INSERT OR IGNORE INTO matchdays (n, deadline_ms, state) VALUES (?, ?, 'open')").run(n, deadlineMs);
  }

  matchdays(): MatchdayRow[] {
    return this.db.prepare('SELECT n, deadline_ms, state, locked_at, played_at FROM matchdays ORDER BY n').all() as MatchdayRow[];
  }

  matchday(n: number): MatchdayRow | null {
    return (this.db.prepare('SELECT n, deadline_ms, state, locked_at, played_at FROM matchdays WHERE n = ?').get(n) as MatchdayRow | undefined) ?? null;
  }

  /** Locks matchday `n`: its deadline, each team's submission and its matches, in one transaction. */
  lockMatchday(n: number, deadlineMs: number, locks: ReadonlyArray<[string, number | null]>, matches: ReadonlyArray<Omit<MatchRow, 'result' | 'replay_sha256'>>): void {
    this.transaction(() => {
      const lock = this.db.prepare('INSERT INTO locks (matchday, team, submission_id) VALUES (?, ?, ?)');
      for (const [team, sub] of locks) lock.run(n, team, sub);
      const add = this.db.prepare('INSERT INTO matches (id, matchday, home, away, seed, home_submission, away_submission) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const m of matches) add.run(m.id, n, m.home, m.away, m.seed, m.home_submission, m.away_submission);
      this.db.prepare("UPDATE matchdays SET state = 'locked', deadline_ms = ?, locked_at = ? WHERE n = ? AND state = 'open'").run(deadlineMs, new Date().toISOString(), n);
    });
  }

  markPlayed(n: number): void {
    this.db.prepare("UPDATE matchdays SET state = 'played', played_at = ? WHERE n = ?").run(new Date().toISOString(), n);
  }

  locksOf(n: number): Map<string, number | null> {
    const rows = this.db.prepare('SELECT team, submission_id FROM locks WHERE matchday = ?').all(n) as Array<{ team: string; submission_id: number | null }>;
    return new Map(rows.map((r) => [r.team, r.submission_id]));
  }

  matchesOf(n: number): MatchRow[] {
    return this.db.prepare('SELECT * FROM matches WHERE matchday = ? ORDER BY rowid').all(n) as MatchRow[];
  }

  match(id: string): MatchRow | null {
    return (this.db.prepare('SELECT * FROM matches WHERE id = ?').get(id) as MatchRow | undefined) ?? null;
  }

  allMatches(): MatchRow[] {
    return this.db.prepare('SELECT * FROM matches ORDER BY matchday, rowid').all() as MatchRow[];
  }

  setResult(id: string, result: CupMatchResult, replaySha: string | null): void {
    this.db.prepare('UPDATE matches SET result = ?, replay_sha256 = ? WHERE id = ?').run(JSON.stringify(result), replaySha, id);
  }

  /** Every result so far, by match id. */
  results(): Map<string, CupMatchResult> {
    const rows = this.db.prepare('SELECT id, result FROM matches WHERE result IS NOT NULL').all() as Array<{ id: string; result: string }>;
    return new Map(rows.map((r) => [r.id, JSON.parse(r.result) as CupMatchResult]));
  }

  // Notebooks

  notebook(team: string, atMost?: number): { matchday: number; text: string; updated: string } | null {
    const row = this.db
      .prepare('SELECT matchday, text, updated FROM notebooks WHERE team = ? AND matchday <= ? ORDER BY matchday DESC LIMIT 1')
      .get(team, atMost ?? Number.MAX_SAFE_INTEGER) as { matchday: number; text: string; updated: string } | undefined;
    return row ?? null;
  }

  putNotebook(team: string, matchday: number, text: string): void {
    this.db
      .prepare('INSERT INTO notebooks (team, matchday, text, updated) VALUES (?, ?, ?, ?) ON CONFLICT (team, matchday) DO UPDATE SET text = excluded.text, updated = excluded.updated')
      .run(team, matchday, text, new Date().toISOString());
  }
}
