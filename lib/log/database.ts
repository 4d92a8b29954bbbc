import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { VigieEvent } from '../core/event';

export type StoredEvent = VigieEvent & { id: number };

export type LogDatabase = Dexie & { events: EntityTable<StoredEvent, 'id'> };

/**
 * Opens (lazily, on first use) the `vigie` IndexedDB database. Only what is queried is indexed:
 * `time` for ranges, recency and retention; `platform` and `verdict` for the log viewer's filters.
 * `options` lets tests and benches pass fake-indexeddb explicitly.
 */
export function openLogDatabase(name = 'vigie', options?: DexieOptions): LogDatabase {
  const db = new Dexie(name, options) as LogDatabase;
  db.version(1).stores({ events: '++id, time, platform, verdict' });
  return db;
}
