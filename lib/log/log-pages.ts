import type { Collection, InsertType } from 'dexie';
import type { LogDatabase, StoredEvent } from './database';
import { StoredEventSchema, type EventQuery } from './event-log';

/**
 * The log viewer's reads at 100 000 events: every query is one index range (time last in the
 * key, see database.ts), so its count comes from the index and a page reads only its rows. Rows
 * are checked against the schema only when shown; a corrupt one is shown as such, in its place.
 */
export type LogRow = { ok: true; event: StoredEvent } | { ok: false; id: number };

type Key = number | Array<string | number>;
interface Plan {
  index: string;
  key: (time: number) => Key;
}

function planOf(query: EventQuery): Plan {
  const { platform, verdict } = query;
  if (platform !== undefined && verdict !== undefined) return { index: '[platform+verdict+time]', key: (t) => [platform, verdict, t] };
  if (platform !== undefined) return { index: '[platform+time]', key: (t) => [platform, t] };
  if (verdict !== undefined) return { index: '[verdict+time]', key: (t) => [verdict, t] };
  return { index: 'time', key: (t) => t };
}

/** The query's rows, oldest first (time, then insertion order). */
function range(db: LogDatabase, query: EventQuery): Collection<StoredEvent, number, InsertType<StoredEvent, 'id'>> {
  const plan = planOf(query);
  return db.events.where(plan.index).between(plan.key(query.from ?? -Infinity), plan.key(query.to ?? Infinity), true, true);
}

/** How many events the query matches, counted in the index. */
export function countEvents(db: LogDatabase, query: EventQuery = {}): Promise<number> {
  return range(db, query).count();
}

/** Rows `offset` to `offset + limit` of the query, newest first. */
export async function pageEvents(db: LogDatabase, query: EventQuery, offset: number, limit: number): Promise<LogRow[]> {
  const rows: unknown[] = await range(db, query).reverse().offset(offset).limit(limit).toArray();
  return rows.map(checkRow);
}

/**
 * The query's rows oldest first, about `size` at a time, each chunk read in its own short
 * transaction with one `getAll` over an index range (an offset would make IndexedDB walk a cursor
 * row by row). The next chunk starts after the last time read; the rows sharing that time are read
 * whole, so a cut between two events of the same millisecond loses or repeats none. The next chunk
 * is already being read while the caller works on this one.
 */
export async function* eventChunks(db: LogDatabase, query: EventQuery, size: number): AsyncGenerator<LogRow[]> {
  const to = query.to ?? Infinity;
  const plan = planOf(query);
  const read = (from: number, inclusive: boolean): Promise<Array<Partial<StoredEvent>>> =>
    db.events.where(plan.index).between(plan.key(from), plan.key(to), inclusive, true).limit(size).toArray();
  let next = read(query.from ?? -Infinity, true);
  for (;;) {
    const rows = await next;
    if (rows.length < size) {
      if (rows.length > 0) yield rows.map(checkRow);
      return;
    }
    const last = rows[rows.length - 1]!.time!;
    const tied: Promise<Array<Partial<StoredEvent>>> = db.events.where(plan.index).equals(plan.key(last)).toArray();
    next = last >= to ? Promise.resolve([]) : read(last, false);
    yield [...rows.filter((r) => r.time !== last), ...(await tied)].map(checkRow);
  }
}

function checkRow(row: unknown): LogRow {
  const parsed = StoredEventSchema.safeParse(row);
  if (parsed.success) return { ok: true, event: parsed.data };
  const id = (row as { id?: unknown } | null)?.id;
  return { ok: false, id: typeof id === 'number' ? id : 0 };
}
