// The season's database: SQLite through better-sqlite3, WAL journal, versioned migrations, and an online backup.
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Schema migrations, applied in order inside one transaction each; `schema_migrations` records which ran.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('admin', 'team')),
        team TEXT,
        hash TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        revoked TEXT
      );
      CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        team TEXT NOT NULL,
        version INTEGER NOT NULL,
        filename TEXT NOT NULL,
        language TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        source BLOB NOT NULL,
        received TEXT NOT NULL,
        received_ms INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'valid', 'invalid')),
        report TEXT,
        UNIQUE (team, version)
      );
      CREATE TABLE matchdays (
        n INTEGER PRIMARY KEY,
        deadline_ms INTEGER,
        state TEXT NOT NULL CHECK (state IN ('open', 'locked', 'played')),
        locked_at TEXT,
        played_at TEXT
      );
      CREATE TABLE locks (
        matchday INTEGER NOT NULL,
        team TEXT NOT NULL,
        submission_id INTEGER REFERENCES submissions(id),
        PRIMARY KEY (matchday, team)
      );
      CREATE TABLE matches (
        id TEXT PRIMARY KEY,
        matchday INTEGER NOT NULL,
        home TEXT NOT NULL,
        away TEXT NOT NULL,
        seed INTEGER NOT NULL,
        home_submission INTEGER,
        away_submission INTEGER,
        result TEXT,
        replay_sha256 TEXT
      );
      CREATE TABLE notebooks (
        team TEXT NOT NULL,
        matchday INTEGER NOT NULL,
        text TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (team, matchday)
      );
    `,
  },
];

/** Opens (creating if needed) the database at `file` and brings its schema up to date. */
export function openDb(file: string): Db {
  const db = new Database(file);
  // WAL: readers (the API) never wait for the writer (a finished match), and a killed host loses nothing committed.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

export function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)');
  const have = schemaVersion(db);
  const known = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  if (have > known) throw new Error(`the season database has schema version ${have}, newer than this matchday knows (${known}): upgrade matchday`);
  for (const m of MIGRATIONS) {
    if (m.version <= have) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
  }
}

/**
 * A consistent copy of the live database at `dest`, taken with SQLite's online backup while the host
 * keeps serving (better-sqlite3's `db.backup`). The documented way to back a season up.
 */
export async function backupDb(db: Db, dest: string): Promise<void> {
  await db.backup(dest);
}
