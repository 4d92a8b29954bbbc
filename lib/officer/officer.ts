import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { KeyPairFile } from '../core/signature';
import { openDatabase, type Db } from './database';

/**
 * Everything a service function needs: the database, the unlocked key (kept in this process, never
 * sent to the console's page), the folder of files to publish, who acts and the clock.
 */
export interface Officer {
  db: Db;
  dir: string;
  key: KeyPairFile;
  keyProtected: boolean;
  actor: string;
  now: () => Date;
}

export const paths = (dir: string) => ({
  key: join(dir, 'key.json'),
  database: join(dir, 'officer.sqlite'),
  publish: join(dir, 'publish'),
  publishedPolicy: join(dir, 'publish', 'policy.signed.json'),
  publicKey: join(dir, 'publish', 'public-key.json'),
});

export function openOfficer(dir: string, key: KeyPairFile, options: { keyProtected: boolean; actor?: string; now?: () => Date }): Officer {
  mkdirSync(paths(dir).publish, { recursive: true, mode: 0o700 });
  return {
    db: openDatabase(paths(dir).database),
    dir,
    key,
    keyProtected: options.keyProtected,
    actor: options.actor ?? userInfo().username,
    now: options.now ?? (() => new Date()),
  };
}

/** A refused request: located problems the console shows next to the field, the CLI on stderr. */
export class OfficerError extends Error {
  override name = 'OfficerError';
  readonly problems: string[];
  constructor(message: string, problems: string[] = []) {
    super(problems.length ? `${message}: ${problems.join('; ')}` : message);
    this.problems = problems;
  }
}

/** Another tab or process changed the row first: the service reads again and redoes its work. */
export class Conflict extends Error {
  override name = 'Conflict';
}

/**
 * Signing is asynchronous and SQLite's transactions are not, so a write is: read, sign, then commit
 * only if what was read is still current (else `Conflict`, and the whole step runs again on fresh
 * data). Two tabs, or the console and the CLI, never overwrite each other's work.
 */
export async function retrying<T>(step: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof Conflict) || i >= attempts) throw error;
    }
  }
}

export function audit(officer: Officer, action: string, grantId: string | null, detail: string, reason?: string): void {
  officer.db
    .prepare('INSERT INTO audit (at, actor, action, grant_id, detail, reason) VALUES (?, ?, ?, ?, ?, ?)')
    .run(officer.now().toISOString(), officer.actor, action, grantId, detail, reason ?? null);
}
