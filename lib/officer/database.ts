import { DatabaseSync } from 'node:sqlite';

/**
 * The officer's register and audit trail in SQLite (Node 22's built-in `node:sqlite`: no native
 * module to compile, nothing to download). Schema changes are migrations, applied in order inside
 * one transaction each; `PRAGMA user_version` holds how many have run.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: grants as issued (the signed payload and its token), signed policies, the audit trail.
  `CREATE TABLE grants (
     id TEXT PRIMARY KEY,
     organisation TEXT NOT NULL,
     holder_name TEXT NOT NULL,
     holder_email TEXT NOT NULL,
     role TEXT NOT NULL,
     section TEXT,
     platforms TEXT NOT NULL,
     payload TEXT,
     token TEXT,
     issued_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     ends_at TEXT NOT NULL,
     signed_by TEXT NOT NULL,
     revoked_at TEXT,
     revoked_reason TEXT,
     rev INTEGER NOT NULL DEFAULT 1
   );
   CREATE TABLE policies (
     version INTEGER PRIMARY KEY,
     policy_id TEXT NOT NULL,
     signed TEXT NOT NULL,
     signed_at TEXT NOT NULL
   );
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     grant_id TEXT,
     detail TEXT NOT NULL DEFAULT '',
     reason TEXT
   );`,
  // 2: the screens filter by section, role and state, and the audit trail by action.
  `CREATE INDEX grants_by_section ON grants (section, role);
   CREATE INDEX audit_by_action ON audit (action, at);`,
];

export type Db = DatabaseSync;

export function openDatabase(path: string): Db {
  const db = new DatabaseSync(path);
  // WAL: readers (a second tab, the CLI listing) never wait for a writer; busy_timeout makes a
  // second writer wait for the lock instead of failing at once.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
  migrate(db);
  return db;
}

export function schemaVersion(db: Db): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS): void {
  for (;;) {
    const current = schemaVersion(db);
    if (current > migrations.length) throw new Error(`the database has schema version ${current}, newer than this Vigie (${migrations.length}); update Vigie`);
    if (current === migrations.length) return;
    transaction(db, () => {
      // Re-read under the write lock: another process may have migrated meanwhile.
      const locked = schemaVersion(db);
      if (locked !== current) return;
      db.exec(migrations[current]!);
      db.exec(`PRAGMA user_version = ${current + 1}`);
    });
  }
}

/** Runs `work` in one IMMEDIATE transaction (takes the write lock first, so reads inside are current). */
export function transaction<T>(db: Db, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
