import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VigieEventInput } from '../../lib/core/event';
import { BLOCK_EVENTS, digestOf } from '../../lib/log/blocks';
import { LOG_SCHEMA, openLogDatabase, type LogDatabase } from '../../lib/log/database';
import { appendEvents, logEvents, purgeExpired, queryEvents } from '../../lib/log/event-log';
import { countEvents, eventChunks, pageEvents, type LogRow } from '../../lib/log/log-pages';
import { storedEvents } from './helpers';

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
    const block = (await db.blocks.toArray()).find((b) => b.events.some((e) => e.id === id))!;
    block.events = block.events.map((e) => (e.id === id ? { ...e, surface: 'no such surface' as never } : e));
    await db.blocks.put(block);
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

describe('blocks', () => {
  it('fills blocks of BLOCK_EVENTS in logging order, one id after the other, with digests that add up', async () => {
    const blocks = await db.blocks.toArray();
    const digests = await db.digests.toArray();
    expect(blocks.map((b) => b.events.length)).toEqual([256, 44]);
    expect(blocks.flatMap((b) => b.events.map((e) => e.id))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(digests.map((d) => [d.n, d.last])).toEqual([[256, 256], [44, 300]]);
    expect(digests[0]!.from).toBe(T0);
    expect(digests[1]!.to).toBe(T0 + 99_000);
    expect(Object.values(digests[0]!.tally).reduce((a, b) => a + b)).toBe(256);
    // Appending one event rewrites only the newest block.
    await logEvents(db, [event(300)]);
    expect((await db.digests.toArray()).map((d) => d.n)).toEqual([256, 45]);
  });

  it('a block that is not a list any more is shown as that many corrupt rows and kept; new events start a new block', async () => {
    await db.blocks.put({ id: 2, events: 'garbage' as never });
    const page = await pageEvents(db, {}, 0, 50);
    expect(page.slice(0, 44)).toEqual(Array.from({ length: 44 }, (_, i) => ({ ok: false, id: 300 - i })));
    expect(page[44]).toMatchObject({ ok: true, event: { id: 256 } });
    expect(await countEvents(db)).toBe(300);
    await logEvents(db, [event(300)]);
    expect((await db.blocks.toArray()).map((b) => b.id)).toEqual([1, 2, 3]);
    expect(ids(await pageEvents(db, {}, 0, 1))).toEqual([301]);
  });

  it('pages read the digests newest first in batches, and stay right across a batch boundary', async () => {
    // 300 events already (2 blocks); 70 more blocks makes 72, more than one batch of 64 digests.
    const more = Array.from({ length: 70 * 256 }, (_, i) => ({ ...event(300 + i), ruleIds: [], clauses: [], findings: [] }));
    await appendEvents(db, more as never);
    const total = 300 + more.length;
    expect(await db.digests.count()).toBe(72);
    for (const offset of [0, 64 * 256 - 10, total - 310, total - 5]) {
      const expected = Array.from({ length: Math.min(20, total - offset) }, (_, i) => total - offset - i);
      expect(ids(await pageEvents(db, {}, offset, 20))).toEqual(expected);
    }
    const gmail = (await queryEvents(db, { platform: 'gmail' })).events.map((e) => e.id);
    expect(ids(await pageEvents(db, { platform: 'gmail' }, 6000, 30))).toEqual(gmail.slice(6000, 6030));
  });

  it('emptying the newest block by retention keeps the ids going', async () => {
    expect(await purgeExpired(db, 1, new Date(T0 + 10 * 86_400_000))).toBe(300);
    expect(await countEvents(db)).toBe(0);
    await logEvents(db, [event(0)]);
    expect(ids(await pageEvents(db, {}, 0, 5))).toEqual([301]);
  });

  it('keeps, on retention, an event whose time cannot be read', async () => {
    const block = (await db.blocks.get(1))!;
    block.events[3] = { ...block.events[3]!, time: 'yesterday' as never };
    await db.blocks.put(block);
    await db.digests.put(digestOf(block));
    expect(await purgeExpired(db, 1, new Date(T0 + 10 * 86_400_000))).toBe(299);
    expect((await storedEvents(db)).map((e) => e.id)).toEqual([4]);
  });
});

describe('schema upgrade', () => {
  it('opens a version 2 log (one record per event) as blocks, keeping every event, its id and its order, corrupt ones included', async () => {
    const old = new Dexie('vigie-v2', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(LOG_SCHEMA[0] as Record<string, string>);
    old.version(2).stores(LOG_SCHEMA[1] as Record<string, string>);
    const rows = Array.from({ length: 600 }, (_, i) => ({ ...event(i), ruleIds: [], clauses: [], findings: [] }));
    rows[10] = { ...rows[10]!, action: 'NOT an action' };
    await old.table('events').bulkAdd(rows);
    await old.table('events').bulkDelete([1, 2]);
    old.close();

    const upgraded = openLogDatabase('vigie-v2', { indexedDB: factory, IDBKeyRange });
    await upgraded.open();
    expect(upgraded.verno).toBe(4);
    expect(upgraded.tables.map((t) => t.name).sort()).toEqual(['blocks', 'digests']);
    expect(await countEvents(upgraded)).toBe(598);
    expect(await countEvents(upgraded, { platform: 'gmail', verdict: 'warn' })).toBe(67);
    expect(ids(await pageEvents(upgraded, { platform: 'gmail' }, 0, 3))).toEqual([599, 596, 593]);
    expect((await pageEvents(upgraded, {}, 589, 1))[0]).toEqual({ ok: false, id: 11 });
    // New events follow the last id the old log gave.
    await logEvents(upgraded, [event(600)]);
    expect(ids(await pageEvents(upgraded, {}, 0, 1))).toEqual([601]);
    upgraded.close();
  });

  it('opens a version 1 log too', async () => {
    const old = new Dexie('vigie-v1', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(LOG_SCHEMA[0] as Record<string, string>);
    await old.table('events').bulkAdd(Array.from({ length: 30 }, (_, i) => ({ ...event(i), ruleIds: [], clauses: [], findings: [] })));
    old.close();

    const upgraded = openLogDatabase('vigie-v1', { indexedDB: factory, IDBKeyRange });
    expect(await countEvents(upgraded)).toBe(30);
    expect(ids(await pageEvents(upgraded, { platform: 'gmail' }, 0, 3))).toEqual([29, 26, 23]);
    upgraded.close();
  });
});

describe('the e2e tests’ own log helpers (tests/e2e/log-store.mjs)', () => {
  it('use the same block size as the extension', async () => {
    const e2e = await import('../e2e/log-store.mjs' as string);
    expect(e2e.BLOCK_EVENTS).toBe(BLOCK_EVENTS);
  });

  it('write what the extension reads, and read what it writes', async () => {
    const e2e = await import('../e2e/log-store.mjs' as string);
    const saved = globalThis.indexedDB;
    globalThis.indexedDB = factory as never;
    try {
      db.close();
      const ids: number[] = await e2e.appendStoredInPage({ events: [event(300), { ...event(301), action: 'NOT AN ACTION' }], blockEvents: BLOCK_EVENTS });
      expect(ids).toEqual([301, 302]);
      await db.open();
      expect(await pageEvents(db, {}, 0, 3)).toEqual([{ ok: false, id: 302 }, { ok: true, event: expect.objectContaining({ id: 301 }) }, { ok: true, event: expect.objectContaining({ id: 300 }) }]);
      expect(await countEvents(db, { platform: 'gmail' })).toBe(101);
      await logEvents(db, [event(302)]);
      db.close();
      expect((await e2e.storedEventsInPage()).map((e: { id: number }) => e.id)).toEqual(Array.from({ length: 303 }, (_, i) => i + 1));
      await e2e.appendStoredInPage({ events: [event(0)], replace: true, blockEvents: BLOCK_EVENTS });
      await db.open();
      expect(await countEvents(db)).toBe(1);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
