// The season database: migrations are versioned and applied once; an online backup is a working copy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDb, MIGRATIONS, migrate, openDb, schemaVersion } from '../../season/db.js';

describe('season database', () => {
  it('applies each migration once, in WAL mode, and refuses a newer schema', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'md-db-')), 'x.sqlite');
    const db = openDb(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    migrate(db); // again: nothing to do, nothing fails
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
    db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (999, ?, ?)').run('future', 'now');
    db.close();
    expect(() => openDb(file)).toThrow(/schema version 999, newer/);
  });

  it('backs up a live database online into a copy that opens and holds the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'md-db-'));
    const db = openDb(join(dir, 'live.sqlite'));
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('k', 'v');
    await backupDb(db, join(dir, 'copy.sqlite'));
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('later', 'x');
    const copy = new Database(join(dir, 'copy.sqlite'), { readonly: true });
    expect(copy.prepare('SELECT value FROM meta WHERE key = ?').get('k')).toEqual({ value: 'v' });
    expect(copy.prepare('SELECT value FROM meta WHERE key = ?').get('later')).toBeUndefined();
    expect(schemaVersion(copy as never)).toBe(MIGRATIONS.length);
    copy.close();
    db.close();
  });
});
