import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { VigieEvent } from '../core/event';

export type StoredEvent = VigieEvent & { id: number };

export type LogDatabase = Dexie & { events: EntityTable<StoredEvent, 'id'> };

/**
 * The schema's versions, oldest first; Dexie upgrades an older database in place when it opens.
 * 1: `time` for ranges, recency and retention; `platform` and `verdict` for the viewer's filters.
 * 2: the same filters with time as the last key part, so a filtered, newest-first page and its
 *    count come straight from one index range at 100 000 events (lib/log/log-pages.ts).
 */
export const LOG_SCHEMA: ReadonlyArray<Record<string, string>> = [
  { events: '++id, time, platform, verdict' },
  { events: '++id, time, platform, verdict, [platform+time], [verdict+time], [platform+verdict+time]' },
];

/**
 * Opens (lazily, on first use) the `vigie` IndexedDB database, upgrading an older one. The
 * background writes it; the options page reads it directly (same extension origin).
 * `options` lets tests and benches pass fake-indexeddb explicitly.
 */
export function openLogDatabase(name = 'vigie', options?: DexieOptions): LogDatabase {
  const db = new Dexie(name, options) as LogDatabase;
  LOG_SCHEMA.forEach((stores, i) => db.version(i + 1).stores(stores));
  return db;
}
