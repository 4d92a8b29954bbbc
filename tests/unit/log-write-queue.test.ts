import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InvalidDocumentError } from '../../lib/core/errors';
import { openLogDatabase, type LogDatabase } from '../../lib/log/database';
import { LogWriteQueue } from '../../lib/log/write-queue';
import { handleMessage } from '../../lib/state/handle-message';
import type { Services } from '../../lib/state/services';
import { fakeServices, storedCount, storedEvents } from './helpers';

const event = (detail: string) => ({ time: Date.parse('2026-03-01T12:00:00Z'), platform: 'gmail', surface: 'send', action: 'decided', verdict: 'allow', detail });

/** A database whose appends (one digest write each) are counted. */
function countedDb(): { db: LogDatabase; batches: number[] } {
  const db = openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange });
  const batches: number[] = [];
  const bulkPut = db.digests.bulkPut.bind(db.digests);
  db.digests.bulkPut = ((items: unknown[], ...rest: unknown[]) => {
    batches.push(items.length);
    return (bulkPut as (...a: unknown[]) => unknown)(items, ...rest);
  }) as typeof db.digests.bulkPut;
  return { db, batches };
}

describe('LogWriteQueue', () => {
  it('stores in reservation order, many events per transaction, answering each once committed', async () => {
    const { db, batches } = countedDb();
    const queue = new LogWriteQueue(db);
    const tickets = Array.from({ length: 50 }, () => queue.reserve());
    // Filled in reverse: the log still follows the order the places were taken in.
    const stored = [...tickets].reverse().map((t, i) => t.store(event(`e${49 - i}`)));
    await Promise.all(stored);
    const rows = await storedEvents(db);
    expect(rows.map((r) => r.detail)).toEqual(Array.from({ length: 50 }, (_, i) => `e${i}`));
    expect(batches.length).toBeLessThan(5);
    expect(queue.pending).toBe(0);
  });

  it('a released place and an invalid event hold nothing back; the invalid one alone is refused', async () => {
    const { db } = countedDb();
    const queue = new LogWriteQueue(db);
    const [a, b, c, d] = [queue.reserve(), queue.reserve(), queue.reserve(), queue.reserve()];
    const later = d!.store(event('d'));
    b!.release();
    await expect(c!.store({ ...event('c'), verdict: 'maybe' })).rejects.toBeInstanceOf(InvalidDocumentError);
    await a!.store(event('a'));
    await later;
    expect((await storedEvents(db)).map((r) => r.detail)).toEqual(['a', 'd']);
  });

  it('a place still waiting holds back the events after it, not forever: until it is filled or released', async () => {
    const { db } = countedDb();
    const queue = new LogWriteQueue(db);
    const first = queue.reserve();
    let secondDone = false;
    const second = queue
      .reserve()
      .store(event('second'))
      .then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(secondDone).toBe(false);
    first.release();
    await second;
    expect(await storedCount(db)).toBe(1);
  });
});

describe('log events through the background, three tabs at once', () => {
  let services: Services;
  beforeEach(() => {
    fakeBrowser.reset();
    services = fakeServices(() => new Date());
  });

  it('none lost, each tab in its order, a few transactions', async () => {
    const { db, batches } = countedDb();
    services.db = db;
    const tabs = ['https://mail.google.com/mail/u/0/', 'https://outlook.office.com/mail/', 'https://actionnetwork.org/groups/x'];
    const PER_TAB = 200;
    const sent: Array<Promise<unknown>> = [];
    for (let i = 0; i < PER_TAB; i++) {
      for (const [t, url] of tabs.entries()) {
        const message = { type: 'log-events', events: [{ surface: 'copy', action: 'decided', verdict: 'allow', detail: `tab${t}-${i}` }] };
        sent.push(handleMessage(message, { id: services.runtimeId, url, tab: { url } }, services));
      }
    }
    expect(new Set((await Promise.all(sent)).map((r) => JSON.stringify(r)))).toEqual(new Set(['{"ok":true}']));
    const rows = await storedEvents(db);
    expect(rows).toHaveLength(PER_TAB * tabs.length);
    for (const t of tabs.keys()) {
      const mine = rows.map((r) => r.detail!).filter((d) => d.startsWith(`tab${t}-`));
      expect(mine).toEqual(Array.from({ length: PER_TAB }, (_, i) => `tab${t}-${i}`));
    }
    expect(batches.length).toBeLessThan(PER_TAB);
  });
});
