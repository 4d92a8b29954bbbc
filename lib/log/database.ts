import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { BLOCK_EVENTS, digestOf, type BlockDigest, type LogBlock, type StoredEvent } from './blocks';

export type { BlockDigest, LogBlock, StoredEvent } from './blocks';

export type LogDatabase = Dexie & {
  blocks: EntityTable<LogBlock, 'id'>;
  digests: EntityTable<BlockDigest, 'id'>;
};

/**
 * The schema's versions, oldest first; Dexie upgrades an older database in place when it opens.
 * 1: one record per event; `time` for ranges and retention; `platform` and `verdict` for filters.
 * 2: the same filters with time as the last key part.
 * 3: events packed into blocks, with their digests (above), in logging order.
 * 4: the per-event store, copied into blocks by 3, is dropped.
 */
export const LOG_SCHEMA: ReadonlyArray<Record<string, string | null>> = [
  { events: '++id, time, platform, verdict' },
  { events: '++id, time, platform, verdict, [platform+time], [verdict+time], [platform+verdict+time]' },
  { blocks: 'id', digests: 'id' },
  { events: null },
];

/** Version 3's upgrade: every event of the per-event store, in id order, packed into blocks as they are. */
async function packEvents(tx: Transaction): Promise<void> {
  const old: StoredEvent[] = await tx.table('events').toArray();
  const blocks: LogBlock[] = [];
  for (let i = 0; i < old.length; i += BLOCK_EVENTS) blocks.push({ id: blocks.length + 1, events: old.slice(i, i + BLOCK_EVENTS) });
  await tx.table('blocks').bulkAdd(blocks);
  await tx.table('digests').bulkAdd(blocks.map((b) => digestOf(b)));
}

/**
 * Opens (lazily, on first use) the `vigie` IndexedDB database, upgrading an older one. The
 * background writes it; the options page reads it directly (same extension origin).
 * `options` lets tests and benches pass fake-indexeddb explicitly.
 */
export function openLogDatabase(name = 'vigie', options?: DexieOptions): LogDatabase {
  const db = new Dexie(name, options) as LogDatabase;
  LOG_SCHEMA.forEach((stores, i) => {
    const version = db.version(i + 1).stores(stores);
    if (i + 1 === 3) version.upgrade(packEvents);
  });
  return db;
}
