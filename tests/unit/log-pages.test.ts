import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VigieEventInput } from '../../lib/core/event';
import { LOG_SCHEMA, openLogDatabase, type LogDatabase } from '../../lib/log/database';
import { logEvents, purgeExpired, queryEvents } from '../../lib/log/event-log';
import { countEvents, eventChunks, pageEvents, type LogRow } from '../../lib/log/log-pages';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const PLATFORMS = ['action-network', 'gmail', 'outlook'] as const;
const VERDICTS = ['block', 'warn', 'allow'] as const;

/** Event `i`: platforms and verdicts in turn, times rising with ties (three events share each second). */
function event(i: number): VigieEventInput {
  return { time: T0 + Math.floor(i / 3) * 1000, platform: PLATFORMS[i % 3]!, surface: 'export-click', action: 'decided', verdict: VERDICTS[Math.floor(i / 3) % 3]! };
}

const ids = (rows: LogRow[]) => rows.map((r) => (r.ok ? r.event.id : -r.id));
let db: LogDatabase;
let factory: IDBFactory;
beforeEach(async () => {
  factory = new IDBFactory();
  db = openLogDatabase('vigie', { indexedDB: factory, IDBKeyRange });
  await logEvents(db, Array.from({ length: 300 }, (_, i) => event(i)));
});
afterEach(() => db.close());

describe('log pages: the same rows as the whole-log query, a page at a time', () => {
  const queries = [{}, { platform: 'gmail' }, { verdict: 'warn' as const }, { platform: 'outlook', verdict: 'allow' as const }, { from: T0 + 20_000, to: T0 + 60_000 }, { platform: 'gmail', from: T0 + 50_000 }];

  it.each(queries)('count, pages and chunks for %o', { timeout: 30_000 }, async (query) => {
    const all = (await queryEvents(db, query)).events.map((e) => e.id);
    expect(all.length).toBeGreaterThan(0);
    expect(await countEvents(db, query)).toBe(all.length);
    const paged: number[] = [];
    for (let offset = 0; offset < all.length; offset += 40) paged.push(...ids(await pageEvents(db, query, offset, 40)));
    expect(paged).toEqual(all);
    const chunked: number[] = [];
    // 17: chunks end in the middle of runs of equal times (three events a second).
    for await (const rows of eventChunks(db, query, 17)) chunked.push(...ids(rows));
    expect(chunked).toEqual([...all].reverse());
  });

  it('chunks do not lose or repeat rows when a whole chunk shares one time', async () => {
    const same = Array.from({ length: 25 }, () => ({ ...event(0), time: T0 - 5000 }));
    await logEvents(db, same);
    const chunked: number[] = [];
    for await (const rows of eventChunks(db, { to: T0 - 1 }, 4)) chunked.push(...ids(rows));
    expect(chunked).toHaveLength(25);
    expect(new Set(chunked).size).toBe(25);
  });

  it('shows a corrupt row as such, in its place, without losing the rows around it', async () => {
    const [first] = await pageEvents(db, {}, 0, 1);
    const id = first!.ok ? first!.event.id : 0;
    await db.events.update(id, { surface: 'no such surface' as never });
    const page = await pageEvents(db, {}, 0, 3);
    expect(page.map((r) => r.ok)).toEqual([false, true, true]);
    expect(page[0]).toEqual({ ok: false, id });
    expect(await countEvents(db)).toBe(300);
    let total = 0;
    for await (const rows of eventChunks(db, {}, 300)) total += rows.length;
    expect(total).toBe(300);
  });
});

describe('retention pruning', () => {
  it('deletes only what is older than the retention, in batches of the given size', async () => {
    const now = new Date(T0 + 365 * 86_400_000 + 50_000);
    // Events before T0 + 50 s are older than 365 days at `now`: 150 of them (50 seconds × 3).
    expect(await purgeExpired(db, 365, now, 64)).toBe(150);
    expect(await countEvents(db)).toBe(150);
    expect(await purgeExpired(db, 365, now, 64)).toBe(0);
  });
});

describe('schema upgrade', () => {
  it('opens a version 1 log as version 2, keeping every event and indexing it for the filters', async () => {
    const old = new Dexie('vigie-v1', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(LOG_SCHEMA[0]!);
    await old.table('events').bulkAdd(Array.from({ length: 30 }, (_, i) => ({ ...event(i), ruleIds: [], clauses: [], findings: [] })));
    old.close();

    const upgraded = openLogDatabase('vigie-v1', { indexedDB: factory, IDBKeyRange });
    await upgraded.open();
    expect(upgraded.verno).toBe(2);
    expect(await countEvents(upgraded)).toBe(30);
    expect(await countEvents(upgraded, { platform: 'gmail', verdict: 'warn' })).toBe(3);
    expect(ids(await pageEvents(upgraded, { platform: 'gmail' }, 0, 3))).toEqual([29, 26, 23]);
    upgraded.close();
  });
});
