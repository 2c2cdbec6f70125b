// The season service: who a token is, submissions and their validation queue, notebooks, logs, deadlines,
// locking and playing matchdays. All state is in the database, so a restarted host resumes where it stopped.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveTeam } from '../policies/builtins.js';
import { gamesOf, bradleyTerryRatings, type Rating } from '../tournament/ratings.js';
import type { LiveOptions, MatchRunner } from '../tournament/runner/cup-play.js';
import { computeTable, type StandingRow } from '../tournament/standings.js';
import type { CupMatchResult } from '../tournament/types.js';
import { validatePolicy } from '../tournament/validate.js';
import { DB_FILE, loadSeasonConfig, TOKENS_FILE, type SeasonConfig } from './config.js';
import { openDb } from './db.js';
import { teamLog, type TeamMatchLog } from './logs.js';
import { playSeasonMatch, SeasonFiles } from './play.js';
import { SeasonSchedule } from './schedule.js';
import { SeasonStore, type MatchdayRow, type SubmissionRow } from './store.js';
import { newToken, tokenHash, tokenMatches } from './tokens.js';
import { checkUpload, UploadError } from './upload.js';

export type Principal = { role: 'admin' } | { role: 'team'; team: string };

export interface SeasonServiceOptions {
  /** Plays the season's matches (the local pool, or the queue). */
  matches: MatchRunner;
  /** Plays validation matches; its size is how many validations run at once. */
  validations: MatchRunner;
  /** Most validations waiting at once before a submission is refused with 503. [default: 32] */
  maxQueued?: number;
  /** The clock; tests pass their own. [default: Date.now] */
  now?: () => number;
  /** Called with one line of progress (matchday locked, match played). */
  log?: (line: string) => void;
}

export interface SubmitOutcome {
  version: number;
  sha256: string;
  received: string;
  status: 'valid' | 'invalid';
  report: { lines: string[]; json: unknown };
}

/** Public view of one submission: times, version, status; never the source. */
export interface SubmissionInfo {
  version: number;
  received: string;
  sha256: string;
  size: number;
  language: string;
  status: string;
}

export class SeasonService {
  readonly config: SeasonConfig;
  readonly store: SeasonStore;
  readonly schedule: SeasonSchedule;
  readonly files: SeasonFiles;
  private readonly now: () => number;
  /** Validations in flight, by submission id: a deadline waits for those received before it. */
  private readonly validating = new Map<number, Promise<void>>();
  /** One matchday operation at a time; everything that locks or plays chains on this. */
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The matchday being played and how far it got, for the status route and `season advance`. */
  private progress: { matchday: number; done: number; total: number; error: string | null } | null = null;
  /** Where matches are shown while they are played (the viewer's live hub under `matchday host`); none in tests unless set. */
  private live: LiveOptions | undefined;

  /** Shows every match played from now on live, redacted like the public replays. */
  setLive(live: LiveOptions): void {
    this.live = live;
  }

  constructor(
    readonly dir: string,
    private readonly opts: SeasonServiceOptions,
  ) {
    this.config = loadSeasonConfig(dir);
    this.schedule = new SeasonSchedule(this.config);
    this.files = new SeasonFiles(dir);
    this.now = opts.now ?? Date.now;
    this.store = new SeasonStore(openDb(join(dir, DB_FILE)));
    this.init();
  }

  /** First start: the tokens of season.json and one row per matchday with its deadline. */
  private init(): void {
    if (this.store.meta('initialized')) return;
    this.store.transaction(() => {
      this.store.addToken('admin', null, this.config.tokenHashes.admin);
      for (const t of this.config.teams) this.store.addToken('team', t, this.config.tokenHashes.teams[t]!);
      const start = this.config.start === null ? null : Date.parse(this.config.start);
      for (let n = 1; n <= this.schedule.matchdays; n++) {
        this.store.addMatchday(n, start === null || this.config.everyMs === null ? null : start + (n - 1) * this.config.everyMs);
      }
      this.store.setMeta('initialized', new Date(this.now()).toISOString());
    });
  }

  /**
   * Resumes after a start or a crash: re-validates submissions a dead host left pending, finishes a matchday
   * it left half played, fires any deadline missed while it was down, and arms the timer for the next one.
   */
  async start(): Promise<void> {
    for (const s of this.store.pendingSubmissions()) this.validate(s);
    await this.enqueue(async () => {
      for (const md of this.store.matchdays()) if (md.state === 'locked') await this.playLocked(md.n);
    });
    this.arm();
  }

  /** Stops the timer and further writes from in-flight work; call before closing the runners. */
  stop(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async close(): Promise<void> {
    this.stop();
    if (this.timer) clearTimeout(this.timer);
    await this.chain.catch(() => undefined);
    await Promise.allSettled([...this.validating.values()]);
    this.store.db.close();
  }

  // Who is asking

  /** The principal a bearer token stands for, or null. Every live hash is compared, in constant time each. */
  authenticate(token: string): Principal | null {
    let found: Principal | null = null;
    for (const row of this.store.activeTokens()) {
      // No early exit: the time taken does not depend on which token (if any) matched.
      if (tokenMatches(token, row.hash) && !found) found = row.role === 'admin' ? { role: 'admin' } : { role: 'team', team: row.team! };
    }
    return found;
  }

  hasTeam(team: string): boolean {
    return this.config.teams.includes(team);
  }

  /** Replaces a team's token; the old one stops working at once. Returns the new token (shown once). */
  rotateToken(team: string): string {
    const token = newToken();
    this.store.rotateTeamToken(team, tokenHash(token));
    this.updateTokensFile(team, token);
    return token;
  }

  /** Keeps the organizer's tokens.json (0600) current after a rotation; a missing or unreadable one is left alone. */
  private updateTokensFile(team: string, token: string): void {
    const file = join(this.dir, TOKENS_FILE);
    try {
      const t = JSON.parse(readFileSync(file, 'utf8')) as { teams?: Record<string, string> };
      if (typeof t !== 'object' || t === null || typeof t.teams !== 'object' || t.teams === null) return;
      t.teams[team] = token;
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, JSON.stringify(t, null, 2) + '\n', { mode: 0o600, flag: 'w' });
      renameSync(tmp, file);
    } catch {
      // The database is what counts; the file is a convenience for the organizer.
    }
  }

  // Submissions

  /** Checks, stores and validates an upload; UploadError (nothing stored) for what is not a policy file. */
  async submit(team: string, filename: string, bytes: Uint8Array): Promise<SubmitOutcome> {
    const up = checkUpload(filename, bytes, this.config.maxSubmissionBytes);
    if (this.validating.size >= (this.opts.maxQueued ?? 32)) throw new UploadError(503, 'too many validations waiting; try again in a minute');
    if (this.ended()) throw new UploadError(409, 'the season has ended');
    const source = Buffer.from(bytes);
    const row = this.store.addSubmission({
      team, filename: up.filename, language: up.language, sha256: createHash('sha256').update(source).digest('hex'), source, receivedMs: this.now(),
    });
    await this.validate(row);
    const done = this.store.submission(row.id)!;
    const report = JSON.parse(done.report ?? 'null') as SubmitOutcome['report'];
    return { version: done.version, sha256: done.sha256, received: done.received, status: done.status as 'valid' | 'invalid', report };
  }

  /** Runs the validation match of a stored submission, at most as many at once as the validation runner allows. */
  private validate(row: SubmissionRow): Promise<void> {
    const running = this.validating.get(row.id);
    if (running) return running;
    const p = (async () => {
      let status: 'valid' | 'invalid';
      let report: { lines: string[]; json: unknown };
      try {
        const file = this.files.policyFile(row, this.store.submissionSource(row.id));
        const team = { spec: row.filename, name: row.team, file };
        const vs = resolveTeam('builtin:possession');
        const v = await validatePolicy(this.opts.validations, team, vs, { seed: 1, halfTicks: this.config.validateHalfTicks, logLimit: 20, vsLabel: 'builtin:possession' });
        // The report names the stored file; the team knows it by the name it uploaded.
        const lines = v.lines.map((l) => l.replace(file, row.filename));
        status = v.ok ? 'valid' : 'invalid';
        report = { lines, json: v.json };
      } catch (e) {
        status = 'invalid';
        report = { lines: [`validate ${row.filename}`, `FAIL: could not be validated: ${(e as Error).message}`], json: { ok: false, reason: (e as Error).message } };
      }
      if (!this.closed) this.store.finishSubmission(row.id, status, report);
    })().finally(() => this.validating.delete(row.id));
    this.validating.set(row.id, p);
    return p;
  }

  submissions(team: string): SubmissionInfo[] {
    return this.store.submissionsOf(team).map((s) => ({ version: s.version, received: s.received, sha256: s.sha256, size: s.size, language: s.language, status: s.status }));
  }

  /** One submission with its validation report (for its own team and the admin). */
  submissionReport(team: string, version: number): (SubmissionInfo & { report: unknown }) | null {
    const s = this.store.submissionByVersion(team, version);
    if (!s) return null;
    return { version: s.version, received: s.received, sha256: s.sha256, size: s.size, language: s.language, status: s.status, report: JSON.parse(s.report ?? 'null') };
  }

  // Notebooks

  /** The matchday a notebook written now belongs to: the first one not yet locked. */
  private notebookMatchday(): number | null {
    return this.store.matchdays().find((m) => m.state === 'open')?.n ?? null;
  }

  notebookGet(team: string, matchday?: number): { matchday: number; text: string; updated: string } | null {
    return this.store.notebook(team, matchday);
  }

  notebookPut(team: string, text: string): { matchday: number; bytes: number } {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.config.maxNotebookBytes) throw new UploadError(413, `the notebook is ${bytes} bytes, over this season's limit of ${this.config.maxNotebookBytes}`);
    const n = this.notebookMatchday();
    if (n === null) throw new UploadError(409, 'the season has ended: notebooks are read-only');
    this.store.putNotebook(team, n, text);
    return { matchday: n, bytes };
  }

  // Logs

  /** The team's own logs of its matches on played matchday `n`; null when that matchday is not played. */
  logs(team: string, n: number): TeamMatchLog[] | null {
    const md = this.store.matchday(n);
    if (!md || md.state !== 'played') return null;
    const out: TeamMatchLog[] = [];
    for (const m of this.store.matchesOf(n)) {
      const side = m.home === team ? 0 : m.away === team ? 1 : -1;
      if (side < 0 || !m.replay_sha256) continue;
      out.push(teamLog(this.files.replayPath(m.replay_sha256), m.id, side as 0 | 1));
    }
    return out;
  }

  lastPlayed(): number | null {
    const played = this.store.matchdays().filter((m) => m.state === 'played');
    return played.length ? played[played.length - 1]!.n : null;
  }

  // Replays

  /**
   * The replay file of a match: redacted unless `full`; null when there is none. A team that played the
   * match (`viewer`) gets the redacted copy with its own debug output kept, to see its marks in the viewer.
   */
  replayFile(matchId: string, full: boolean, viewer: Principal | null = null): string | null {
    const m = this.store.match(matchId);
    if (!m?.replay_sha256) return null;
    if (!full) {
      const side = viewer?.role === 'team' ? (viewer.team === m.home ? 0 : viewer.team === m.away ? 1 : undefined) : undefined;
      return this.files.redacted(m.replay_sha256, side);
    }
    const f = this.files.replayPath(m.replay_sha256);
    return existsSync(f) ? f : null;
  }

  fullReplaysPublic(): boolean {
    return this.ended() && this.config.fullReplaysAfterEnd;
  }

  // The season's state

  ended(): boolean {
    return this.store.matchdays().every((m) => m.state === 'played');
  }

  /** Everything public: matchdays with deadlines, fixtures, results and the versions each match used, standings and ratings. */
  status() {
    const results = this.store.results();
    const matchdays = this.store.matchdays().map((md) => this.matchdayView(md, results));
    const all = [...results.values()];
    return {
      name: this.config.name,
      format: this.config.format.type,
      teams: this.config.teams,
      manual: this.config.everyMs === null,
      ended: this.ended(),
      current: this.store.matchdays().find((m) => m.state !== 'played')?.n ?? null,
      progress: this.progress,
      matchdays,
      standings: this.table(all),
      ratings: this.ratings(all),
      ...this.stages(results),
    };
  }

  /** The format's own view where it has one: a World Cup's group tables, a knockout's bracket, and the champion. */
  private stages(results: ReadonlyMap<string, CupMatchResult>) {
    const s = this.schedule.summary(results);
    return {
      groups: s.groups?.map((g) => ({ name: g.name, teams: g.teams, table: g.table, complete: g.complete })) ?? null,
      bracket: s.bracket?.map((t) => ({ id: t.id, label: t.label, home: t.home, away: t.away, matches: t.matches, winner: t.winner, decidedBy: t.decidedBy ?? null })) ?? null,
      champion: s.champion,
    };
  }

  private matchdayView(md: MatchdayRow, results: ReadonlyMap<string, CupMatchResult>) {
    const rows = this.store.matchesOf(md.n);
    const version = (id: number | null) => (id === null ? null : (this.store.submission(id)?.version ?? null));
    const matches = rows.map((m) => {
      const r = results.get(m.id);
      return {
        id: m.id, home: m.home, away: m.away, seed: m.seed,
        versions: { home: version(m.home_submission), away: version(m.away_submission) },
        score: r ? r.score : null, shootout: r?.shootout ?? null, forfeit: r?.forfeit ?? null, hash: r?.hash ?? null, replay: !!m.replay_sha256,
      };
    });
    const upTo = this.store.allMatches().filter((m) => m.matchday <= md.n).flatMap((m) => results.get(m.id) ?? []);
    return {
      n: md.n,
      deadline: md.deadline_ms === null ? null : new Date(md.deadline_ms).toISOString(),
      state: md.state,
      matches,
      // A table of every team means something after a league, Swiss or group round, not after a knockout round.
      standings: md.state === 'played' && !rows.some((m) => this.schedule.isKnockout(m.id)) ? this.table(upTo) : null,
      ratings: md.state === 'played' ? this.ratings(upTo) : null,
    };
  }

  private table(results: CupMatchResult[]): StandingRow[] {
    return computeTable({ teams: this.schedule.cup.teams, results, order: this.schedule.cup.tieBreakers, seed: this.schedule.cup.seed, context: 'league' });
  }

  private ratings(results: CupMatchResult[]): Rating[] {
    return bradleyTerryRatings(this.config.teams, gamesOf(results), this.schedule.cup.seed, 50);
  }

  // Deadlines and matchdays

  private enqueue<T>(f: () => Promise<T>): Promise<T> {
    const p = this.chain.then(f, f);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** Fires the current matchday's deadline now and resolves once that matchday has been played. */
  advance(): Promise<number | null> {
    return this.enqueue(async () => {
      const md = this.store.matchdays().find((m) => m.state !== 'played');
      if (!md) return null;
      if (md.state === 'open') await this.lock(md.n, this.now());
      await this.playLocked(md.n);
      this.arm();
      return md.n;
    });
  }

  /** Arms a timer for the next deadline; a deadline already past fires at once. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return;
    const md = this.store.matchdays().find((m) => m.state === 'open');
    if (!md || md.deadline_ms === null) return;
    const delay = Math.max(0, md.deadline_ms - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(async () => {
        const cur = this.store.matchday(md.n);
        if (cur?.state === 'open' && cur.deadline_ms !== null && cur.deadline_ms <= this.now()) {
          await this.lock(md.n, cur.deadline_ms);
          await this.playLocked(md.n);
        }
      })
        .catch((e: unknown) => this.opts.log?.(`matchday ${md.n}: ${(e as Error).message}`))
        .finally(() => this.arm());
    }, Math.min(delay, 2 ** 31 - 1));
  }

  /**
   * Locks matchday `n` at `deadlineMs`: waits for validations of submissions received by then, takes each
   * team's latest valid one (none: its match is a 0-3 forfeit) and the matchday's fixtures, in one transaction.
   */
  private async lock(n: number, deadlineMs: number): Promise<void> {
    const waiting = [...this.validating.entries()].filter(([id]) => (this.store.submission(id)?.received_ms ?? Infinity) <= deadlineMs);
    await Promise.allSettled(waiting.map(([, p]) => p));
    const locks = this.config.teams.map((t) => [t, this.store.latestValid(t, deadlineMs)?.id ?? null] as [string, number | null]);
    const byTeam = new Map(locks);
    const matches = this.schedule.matchesOf(n, this.store.results()).map((m) => ({
      id: m.id, matchday: n, home: m.home, away: m.away, seed: m.seed, home_submission: byTeam.get(m.home) ?? null, away_submission: byTeam.get(m.away) ?? null,
    }));
    this.store.lockMatchday(n, deadlineMs, locks, matches);
    this.opts.log?.(`matchday ${n}: locked ${matches.length} match(es) at ${new Date(deadlineMs).toISOString()}`);
  }

  /** Plays every match of locked matchday `n` that has no result yet; a match that fails leaves the matchday locked, the host up. */
  private async playLocked(n: number): Promise<void> {
    const all = this.store.matchesOf(n);
    const todo = all.filter((m) => m.result === null);
    this.progress = { matchday: n, done: all.length - todo.length, total: all.length, error: null };
    const plannedById = new Map(this.schedule.matchesOf(n, this.store.results()).map((m) => [m.id, m]));
    const failures: string[] = [];
    await Promise.all(
      todo.map(async (m) => {
        const settings = plannedById.get(m.id)?.settings ?? { halfTicks: this.config.halfTicks, extraTime: false, extraTimeTicks: 1000, shootout: false };
        try {
          const r = await playSeasonMatch(this.store, this.files, this.opts.matches, m, settings, this.live);
          this.progress!.done++;
          this.opts.log?.(`matchday ${n}: ${m.id} ${m.home} ${r.score[0]}-${r.score[1]} ${m.away}`);
        } catch (e) {
          failures.push(`${m.id}: ${(e as Error).message}`);
        }
      }),
    );
    if (this.closed) return;
    if (failures.length) {
      this.progress.error = failures.join('; ');
      this.opts.log?.(`matchday ${n}: not finished (it stays locked; advance again or restart to retry): ${this.progress.error}`);
      throw new Error(`matchday ${n} not finished: ${this.progress.error}`);
    }
    this.store.markPlayed(n);
    this.progress = null;
    this.opts.log?.(`matchday ${n}: played`);
  }
}
