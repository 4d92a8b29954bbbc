import { z } from 'zod';
import { EventSchema, type VigieEvent } from '../core/event';

export type StoredEvent = VigieEvent & { id: number };

/**
 * Events are stored in blocks of up to BLOCK_EVENTS, in the order they were logged: IndexedDB's
 * cost is per record, so reading 100 000 events as 400 blocks takes a sixth of the time of
 * 100 000 records (measured in Chromium: 0.53–0.59 s against 3.4–3.8 s). Each event keeps its own
 * `id` inside its block. A block's `events` are stored as they came; they are checked against the
 * schema when read, so a corrupt one is shown in its place and never dropped.
 */
export interface LogBlock {
  id: number;
  events: StoredEvent[];
}

/**
 * What the viewer needs to know of a block without reading it: its size, the ids and times it
 * spans, and how many of its events each platform and verdict have (`tallyKey`). Counts, skipping
 * to a page and retention read these small records only.
 */
export interface BlockDigest {
  id: number;
  n: number;
  /** The last event id in the block: the next event gets the next one. */
  last: number;
  /** Earliest and latest event time in the block (events are logged in about time order); ±Infinity when one cannot be read. */
  from: number;
  to: number;
  tally: Record<string, number>;
}

/** Events per block: a write rewrites the newest block, so this bounds the cost of one write. */
export const BLOCK_EVENTS = 256;

/** A digest's tally key for a platform and verdict (log-pages.ts splits it back). */
function tallyKey(platform: unknown, verdict: unknown): string {
  return `${String(platform)}\u0001${verdict === undefined ? '' : String(verdict)}`;
}

/**
 * The digest of a block's events as stored, corrupt ones included (they count where they claim to
 * be). `last` keeps at least the given id, so emptying the newest block never reuses an id.
 */
export function digestOf(block: LogBlock, last = 0): BlockDigest {
  const events: unknown[] = Array.isArray(block.events) ? block.events : [];
  const digest: BlockDigest = { id: block.id, n: events.length, last, from: Infinity, to: -Infinity, tally: {} };
  for (const e of events) {
    const { id, time, platform, verdict } = (e ?? {}) as Partial<StoredEvent>;
    if (typeof id === 'number' && id > digest.last) digest.last = id;
    // An unreadable time leaves the block open-ended, so no query or retention takes it whole on a guess.
    digest.from = Math.min(digest.from, typeof time === 'number' ? time : -Infinity);
    digest.to = Math.max(digest.to, typeof time === 'number' ? time : Infinity);
    const key = tallyKey(platform, verdict);
    digest.tally[key] = (digest.tally[key] ?? 0) + 1;
  }
  return digest;
}

export const StoredEventSchema = EventSchema.extend({ id: z.number().int().positive() });

export interface EventQuery {
  platform?: string;
  verdict?: StoredEvent['verdict'];
  /** Inclusive bounds, epoch milliseconds. */
  from?: number;
  to?: number;
}
