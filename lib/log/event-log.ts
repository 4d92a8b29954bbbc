import { EventSchema, type VigieEventInput } from '../core/event';
import { describeIssues, InvalidDocumentError } from '../core/errors';
import { BLOCK_EVENTS, digestOf, StoredEventSchema, type EventQuery, type LogBlock, type StoredEvent } from './blocks';
import type { LogDatabase } from './database';
import { eventChunks, newestFirst, readDigests } from './log-pages';
import { scrubEvent } from './scrub';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows read back, and how many stored rows failed the schema and were left out (never deleted). */
export interface LogRead {
  events: StoredEvent[];
  skipped: number;
}

/** Validates, scrubs and stores one event; throws InvalidDocumentError and stores nothing if it is invalid. */
export async function logEvent(db: LogDatabase, input: unknown): Promise<number> {
  const [id] = await appendEvents(db, [validEvent(input)]);
  return id!;
}

/** Stores many events in one transaction, or none if any is invalid. */
export async function logEvents(db: LogDatabase, inputs: readonly unknown[]): Promise<number> {
  const events = inputs.map(validEvent);
  await appendEvents(db, events);
  return events.length;
}

/**
 * Appends checked events after the newest one, in one transaction: they fill the newest block,
 * then new ones (database.ts), each event given the next id. Returns their ids. A newest block that
 * is not readable as a list is left as it is, and the events start a new block.
 */
export async function appendEvents(db: LogDatabase, events: ReadonlyArray<Omit<StoredEvent, 'id'>>): Promise<number[]> {
  if (events.length === 0) return [];
  return db.transaction('rw', db.blocks, db.digests, async () => {
    const newest = await db.digests.orderBy(':id').last();
    let nextId = (newest?.last ?? 0) + 1;
    let block: LogBlock | undefined = newest && newest.n < BLOCK_EVENTS ? await db.blocks.get(newest.id) : undefined;
    if (block && !Array.isArray(block.events)) block = undefined;
    const written: LogBlock[] = block ? [block] : [];
    let nextBlock = (newest?.id ?? 0) + 1;
    const ids: number[] = [];
    for (const event of events) {
      if (!block || block.events.length >= BLOCK_EVENTS) written.push((block = { id: nextBlock++, events: [] }));
      ids.push(nextId);
      block.events.push({ ...event, id: nextId++ });
    }
    await db.blocks.bulkPut(written);
    await db.digests.bulkPut(written.map((b) => digestOf(b)));
    return ids;
  });
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
  for await (const rows of newestFirst(db)) {
    for (const row of rows) if (read.events.length < n) read.add(row);
    if (read.events.length >= n) break;
  }
  return read.result();
}

/** Events matching every given criterion, newest first by time (ties: last logged first). */
export async function queryEvents(db: LogDatabase, query: EventQuery = {}): Promise<LogRead> {
  const events: StoredEvent[] = [];
  let skipped = 0;
  for await (const rows of eventChunks(db, query, 5000)) {
    for (const row of rows) {
      if (row.ok) events.push(row.event);
      else skipped++;
    }
  }
  return { events: events.sort((a, b) => b.time - a.time || b.id - a.id), skipped };
}

/** Events one retention step deletes at most: each step is its own short transaction, so writers never wait long. */
export const PURGE_BATCH = 2048;

/**
 * Deletes events older than the policy's retention, in bounded steps; returns how many went.
 * Blocks wholly older go whole, up to `batch` events a step; a block holding both older and newer
 * events is rewritten with the newer ones, in a step of its own.
 */
export async function purgeExpired(db: LogDatabase, retentionDays: number, now: Date, batch = PURGE_BATCH): Promise<number> {
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  let deleted = 0;
  const digests = await readDigests(db);
  const newest = digests.at(-1)?.id;
  const old = digests.filter((d) => d.n > 0 && d.from < cutoff);
  // The newest block is only ever emptied, never deleted: its digest keeps the last id given.
  const whole = old.filter((d) => d.to < cutoff && d.id !== newest);
  for (let i = 0; i < whole.length; ) {
    const step: number[] = [];
    let events = 0;
    while (i < whole.length && (step.length === 0 || events + whole[i]!.n <= batch)) {
      events += whole[i]!.n;
      step.push(whole[i++]!.id);
    }
    await db.transaction('rw', db.blocks, db.digests, async () => {
      await db.blocks.bulkDelete(step);
      await db.digests.bulkDelete(step);
    });
    deleted += events;
  }
  const goneWhole = new Set(whole);
  for (const digest of old.filter((d) => !goneWhole.has(d))) {
    deleted += await db.transaction('rw', db.blocks, db.digests, async () => {
      const block = await db.blocks.get(digest.id);
      if (!block || !Array.isArray(block.events)) return 0;
      // An event whose time cannot be read is kept: nothing is deleted on a guess.
      const kept = block.events.filter((e) => !(typeof e?.time === 'number' && e.time < cutoff));
      const gone = block.events.length - kept.length;
      const isNewest = block.id === (await db.digests.orderBy(':id').last())?.id;
      if (kept.length === 0 && !isNewest) {
        await db.blocks.delete(block.id);
        await db.digests.delete(block.id);
      } else if (gone > 0) {
        const rewritten = { id: block.id, events: kept };
        await db.blocks.put(rewritten);
        await db.digests.put(digestOf(rewritten, digest.last));
      }
      return gone;
    });
  }
  return deleted;
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
