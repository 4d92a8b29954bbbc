import { StoredEventSchema, type BlockDigest, type EventQuery, type LogBlock, type StoredEvent } from './blocks';
import type { LogDatabase } from './database';

/**
 * The log's reads at 100 000 events. Events are stored in blocks, in logging order (database.ts);
 * a query reads the blocks' small digests first, so counts come from their tallies, a page skips
 * whole blocks without reading them, and only blocks holding matching events are read. Newest
 * first means last logged first. Rows are checked against the schema only when read; a corrupt
 * one is shown as such, in its place.
 */
export type LogRow = { ok: true; event: StoredEvent } | { ok: false; id: number };

/** How a block stands against a query: none of its events match, its tally says how many do, or it must be read to know. */
type Cover = { kind: 'none' } | { kind: 'tally'; count: number } | { kind: 'read' };

function coverOf(digest: BlockDigest, query: EventQuery): Cover {
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  if (digest.n === 0 || digest.to < from || digest.from > to) return { kind: 'none' };
  if (digest.from < from || digest.to > to) return { kind: 'read' };
  let count = 0;
  for (const [key, n] of Object.entries(digest.tally)) {
    const [platform, verdict] = key.split('\u0001');
    if (query.platform !== undefined && platform !== query.platform) continue;
    if (query.verdict !== undefined && verdict !== query.verdict) continue;
    count += n;
  }
  return count === 0 ? { kind: 'none' } : { kind: 'tally', count };
}

const filtered = (query: EventQuery) => query.platform !== undefined || query.verdict !== undefined || query.from !== undefined || query.to !== undefined;

/** Whether a stored event, as stored (checked or not), matches the query. */
function matches(raw: unknown, query: EventQuery): boolean {
  if (!filtered(query)) return true;
  const e = (raw ?? {}) as Partial<StoredEvent>;
  if (query.platform !== undefined && e.platform !== query.platform) return false;
  if (query.verdict !== undefined && e.verdict !== query.verdict) return false;
  return typeof e.time === 'number' && e.time >= (query.from ?? -Infinity) && e.time <= (query.to ?? Infinity);
}

/**
 * A block's events that match the query, oldest first. A block that is not even a list any more
 * reads, unfiltered, as its digest's count of unreadable entries, numbered by the ids it held.
 */
function matching(block: LogBlock | undefined, digest: BlockDigest, query: EventQuery): unknown[] {
  if (block && Array.isArray(block.events)) return block.events.filter((e) => matches(e, query));
  return filtered(query) ? [] : Array.from({ length: digest.n }, (_, i) => ({ id: digest.last - digest.n + 1 + i }));
}

/** Every digest, oldest block first. */
export function readDigests(db: LogDatabase): Promise<BlockDigest[]> {
  return db.digests.toArray();
}

/**
 * The digests newest first, read 64 at a time as they are asked for: a page near the newest end,
 * or the popup's recent events, reads a few digests whatever the size of the log.
 */
async function* digestsNewestFirst(db: LogDatabase): AsyncGenerator<BlockDigest> {
  const BATCH = 64;
  for (let below = Infinity; ; ) {
    const some = await db.digests.where(':id').below(below).reverse().limit(BATCH).toArray();
    yield* some;
    if (some.length < BATCH) return;
    below = some[some.length - 1]!.id;
  }
}

/** How many events the query matches: tallies, and the events of the few blocks straddling its time bounds. */
export async function countEvents(db: LogDatabase, query: EventQuery = {}): Promise<number> {
  let total = 0;
  const straddling: BlockDigest[] = [];
  for (const digest of await readDigests(db)) {
    const cover = coverOf(digest, query);
    if (cover.kind === 'tally') total += cover.count;
    else if (cover.kind === 'read') straddling.push(digest);
  }
  const blocks = await db.blocks.bulkGet(straddling.map((d) => d.id));
  straddling.forEach((d, i) => (total += matching(blocks[i], d, query).length));
  return total;
}

/**
 * Rows `offset` to `offset + limit` of the query, newest first. Whole blocks before the page are
 * skipped on their tallies; the blocks the page draws from are read together, in one request.
 */
export async function pageEvents(db: LogDatabase, query: EventQuery, offset: number, limit: number): Promise<LogRow[]> {
  const parts: Array<{ digest: BlockDigest; skip: number; take: number; events?: unknown[] }> = [];
  let skip = offset;
  let need = limit;
  for await (const digest of digestsNewestFirst(db)) {
    if (need <= 0) break;
    const cover = coverOf(digest, query);
    if (cover.kind === 'none') continue;
    // A block straddling the query's time bounds must be read to know how many of its events match.
    const events = cover.kind === 'read' ? matching(await db.blocks.get(digest.id), digest, query) : undefined;
    const count = events ? events.length : (cover as { count: number }).count;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    const take = Math.min(count - skip, need);
    parts.push({ digest, skip, take, events });
    need -= take;
    skip = 0;
  }
  const pending = parts.filter((p) => !p.events);
  const blocks = await db.blocks.bulkGet(pending.map((p) => p.digest.id));
  pending.forEach((p, i) => (p.events = matching(blocks[i], p.digest, query)));
  return parts.flatMap((p) => p.events!.reverse().slice(p.skip, p.skip + p.take).map(checkRow));
}

/**
 * The query's rows oldest first, about `size` at a time: the blocks holding them are read a few
 * at a time, each group in one request, and the next group is already being read while the caller
 * works on this one.
 */
export async function* eventChunks(db: LogDatabase, query: EventQuery, size: number): AsyncGenerator<LogRow[]> {
  const groups: BlockDigest[][] = [[]];
  let inGroup = 0;
  for (const digest of await readDigests(db)) {
    const cover = coverOf(digest, query);
    if (cover.kind === 'none') continue;
    if (inGroup >= size) {
      groups.push([]);
      inGroup = 0;
    }
    groups[groups.length - 1]!.push(digest);
    inGroup += cover.kind === 'tally' ? cover.count : digest.n;
  }
  const read = (group: BlockDigest[]) => db.blocks.bulkGet(group.map((d) => d.id));
  let next = read(groups[0]!);
  for (let g = 0; g < groups.length; g++) {
    const blocks = await next;
    if (g + 1 < groups.length) next = read(groups[g + 1]!);
    const rows = groups[g]!.flatMap((d, i) => matching(blocks[i], d, query)).map(checkRow);
    if (rows.length > 0) yield rows;
  }
}

/** Every stored event, as stored (unchecked), newest first, a block at a time. */
export async function* newestFirst(db: LogDatabase): AsyncGenerator<unknown[]> {
  for await (const digest of digestsNewestFirst(db)) {
    if (digest.n > 0) yield matching(await db.blocks.get(digest.id), digest, {}).reverse();
  }
}

function checkRow(row: unknown): LogRow {
  const parsed = StoredEventSchema.safeParse(row);
  if (parsed.success) return { ok: true, event: parsed.data };
  const id = (row as { id?: unknown } | null)?.id;
  return { ok: false, id: typeof id === 'number' ? id : 0 };
}
