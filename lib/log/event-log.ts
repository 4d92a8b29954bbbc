import { z } from 'zod';
import { EventSchema, type VigieEventInput } from '../core/event';
import { describeIssues, InvalidDocumentError } from '../core/errors';
import type { LogDatabase, StoredEvent } from './database';
import { scrubEvent } from './scrub';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows read back, and how many stored rows failed the schema and were left out (never deleted). */
export interface LogRead {
  events: StoredEvent[];
  skipped: number;
}

export interface EventQuery {
  platform?: string;
  verdict?: StoredEvent['verdict'];
  /** Inclusive bounds, epoch milliseconds. */
  from?: number;
  to?: number;
}

export const StoredEventSchema = EventSchema.extend({ id: z.number().int().positive() });

/** Validates, scrubs and stores one event; throws InvalidDocumentError and stores nothing if it is invalid. */
export async function logEvent(db: LogDatabase, input: unknown): Promise<number> {
  return db.events.add(validEvent(input));
}

/** Stores many events in one transaction, or none if any is invalid. */
export async function logEvents(db: LogDatabase, inputs: readonly unknown[]): Promise<number> {
  const events = inputs.map(validEvent);
  await db.events.bulkAdd(events);
  return events.length;
}

/** The event as it will be stored: validated, scrubbed, validated again; throws InvalidDocumentError. */
export function validEvent(input: unknown): Omit<StoredEvent, 'id'> {
  const first = EventSchema.safeParse(input);
  if (!first.success) throw new InvalidDocumentError('event', describeIssues(first.error));
  const scrubbed = EventSchema.safeParse(scrubEvent(first.data as VigieEventInput));
  if (!scrubbed.success) throw new InvalidDocumentError('event', describeIssues(scrubbed.error));
  return scrubbed.data;
}

/** The `n` most recent readable events, newest first (insertion order, which follows time). */
export async function recentEvents(db: LogDatabase, n: number): Promise<LogRead> {
  const read = reader();
  await db.events
    .reverse()
    .until(() => read.events.length >= n)
    .each((row) => read.add(row));
  return read.result();
}

/**
 * Events matching every given criterion, newest first. The most selective index available narrows
 * the read (platform, then verdict, then the time range); the other criteria filter what it returns.
 */
export async function queryEvents(db: LogDatabase, query: EventQuery = {}): Promise<LogRead> {
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const collection =
    query.platform !== undefined
      ? db.events.where('platform').equals(query.platform)
      : query.verdict !== undefined
        ? db.events.where('verdict').equals(query.verdict)
        : db.events.where('time').between(from, to, true, true);
  const read = reader();
  for (const row of await collection.toArray()) read.add(row);
  const { events, skipped } = read.result();
  const matches = events.filter(
    (e) =>
      e.time >= from &&
      e.time <= to &&
      (query.platform === undefined || e.platform === query.platform) &&
      (query.verdict === undefined || e.verdict === query.verdict),
  );
  return { events: matches.sort((a, b) => b.time - a.time || b.id - a.id), skipped };
}

/** Rows one retention batch deletes: each batch is its own short transaction, so writers never wait long. */
export const PURGE_BATCH = 2000;

/** Deletes events older than the policy's retention, in bounded batches; returns how many went. */
export async function purgeExpired(db: LogDatabase, retentionDays: number, now: Date, batch = PURGE_BATCH): Promise<number> {
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  let deleted = 0;
  for (;;) {
    const ids = await db.events.where('time').below(cutoff).limit(batch).primaryKeys();
    if (ids.length === 0) return deleted;
    await db.events.bulkDelete(ids);
    deleted += ids.length;
    if (ids.length < batch) return deleted;
  }
}

/** Collects rows that pass the schema and counts those that do not, without throwing. */
function reader() {
  const events: StoredEvent[] = [];
  let skipped = 0;
  return {
    events,
    add(row: unknown) {
      const parsed = StoredEventSchema.safeParse(row);
      if (parsed.success) events.push(parsed.data);
      else skipped++;
    },
    result: (): LogRead => ({ events, skipped }),
  };
}
