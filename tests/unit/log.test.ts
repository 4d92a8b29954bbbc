import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../../lib/core/errors';
import type { VigieEventInput } from '../../lib/core/event';
import { openLogDatabase, type LogDatabase } from '../../lib/log/database';
import { logEvent, logEvents, purgeExpired, queryEvents, recentEvents } from '../../lib/log/event-log';
import { storedCount, storedEvents, storeRaw } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-01T12:00:00Z');

function event(overrides: Partial<VigieEventInput> = {}): VigieEventInput {
  return { time: NOW.getTime(), platform: 'action-network', surface: 'export-click', action: 'decided', verdict: 'block', ...overrides };
}

let db: LogDatabase;
beforeEach(async () => {
  db = openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});
afterEach(() => db.close());

describe('event log schema', () => {
  it('is version 4: blocks of events and their digests, keyed by block number, with no other index', () => {
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['blocks', 'digests']);
    for (const table of db.tables) {
      expect(table.schema.primKey.name).toBe('id');
      expect(table.schema.indexes).toEqual([]);
    }
  });
});

describe('logEvent', () => {
  it('stores a valid event with the schema defaults', async () => {
    const id = await logEvent(db, event());
    const row = (await storedEvents(db)).find((e) => e.id === id);
    expect(row).toMatchObject({ id, platform: 'action-network', verdict: 'block', ruleIds: [], clauses: [], findings: [] });
  });

  it('refuses an invalid event and stores nothing', async () => {
    await expect(logEvent(db, event({ action: 'Not An Action' }))).rejects.toBeInstanceOf(InvalidDocumentError);
    await expect(logEvent(db, { ...event(), time: -1 })).rejects.toBeInstanceOf(InvalidDocumentError);
    await expect(logEvent(db, 'not an event')).rejects.toBeInstanceOf(InvalidDocumentError);
    expect(await storedCount(db)).toBe(0);
  });

  it('stores a bulk in one go, or nothing when one event is invalid', async () => {
    expect(await logEvents(db, [event(), event({ verdict: 'warn' })])).toBe(2);
    await expect(logEvents(db, [event(), event({ surface: 'nonsense' as never })])).rejects.toBeInstanceOf(InvalidDocumentError);
    expect(await storedCount(db)).toBe(2);
  });
});

describe('reading the log', () => {
  beforeEach(async () => {
    await logEvents(db, [
      event({ time: NOW.getTime() - 3 * DAY, platform: 'gmail', surface: 'send', verdict: 'warn' }),
      event({ time: NOW.getTime() - 2 * DAY }),
      event({ time: NOW.getTime() - DAY, platform: 'action-builder', verdict: 'allow' }),
      event({ time: NOW.getTime(), platform: 'gmail', surface: 'send', verdict: 'block' }),
    ]);
  });

  it('lists the most recent first', async () => {
    const { events, skipped } = await recentEvents(db, 2);
    expect(events.map((e) => e.platform)).toEqual(['gmail', 'action-builder']);
    expect(skipped).toBe(0);
  });

  it('filters by platform, verdict and time range, newest first', async () => {
    expect((await queryEvents(db, { platform: 'gmail' })).events.map((e) => e.verdict)).toEqual(['block', 'warn']);
    expect((await queryEvents(db, { verdict: 'block' })).events.map((e) => e.platform)).toEqual(['gmail', 'action-network']);
    expect((await queryEvents(db, { from: NOW.getTime() - 2 * DAY, to: NOW.getTime() - DAY })).events).toHaveLength(2);
    expect((await queryEvents(db, { platform: 'gmail', verdict: 'warn', to: NOW.getTime() - DAY })).events).toHaveLength(1);
    expect((await queryEvents(db, { platform: 'gmail', from: NOW.getTime() + 1 })).events).toHaveLength(0);
    expect((await queryEvents(db)).events).toHaveLength(4);
  });
});

describe('retention', () => {
  it('deletes only events older than the retention period', async () => {
    await logEvents(db, [
      event({ time: NOW.getTime() - 366 * DAY }),
      event({ time: NOW.getTime() - 364 * DAY }),
      event({ time: NOW.getTime() }),
    ]);
    expect(await purgeExpired(db, 365, NOW)).toBe(1);
    expect((await queryEvents(db)).events.map((e) => e.time)).toEqual([NOW.getTime(), NOW.getTime() - 364 * DAY]);
  });
});

describe('corrupt rows', () => {
  it('are skipped and counted by every reader, and left in place', async () => {
    await logEvent(db, event({ time: NOW.getTime() - 1000 }));
    // Written around the validation, as a bug or another version of Vigie could have.
    await storeRaw(db, { time: NOW.getTime() - 500, platform: 'gmail', verdict: 'block', surface: 'teleport' });
    await storeRaw(db, { nonsense: true });
    await logEvent(db, event());

    const recent = await recentEvents(db, 10);
    expect(recent.events).toHaveLength(2);
    expect(recent.skipped).toBe(2);

    const blocked = await queryEvents(db, { verdict: 'block' });
    expect(blocked.events).toHaveLength(2);
    expect(blocked.skipped).toBe(1);

    expect(await storedCount(db)).toBe(4);
  });
});
