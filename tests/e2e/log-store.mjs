/**
 * The extension's log as the tests read and seed it, straight in IndexedDB: events in blocks of
 * BLOCK_EVENTS with a digest each, in logging order (lib/log/blocks.ts and lib/log/database.ts
 * say why; tests/unit/log-pages.test.ts checks these helpers write what the extension reads).
 * Each function runs in the extension's pages or worker: it is passed whole to `evaluate`, so it
 * uses nothing from outside itself.
 */

/** Events per block: the same number as lib/log/blocks.ts (a unit test compares them). */
export const BLOCK_EVENTS = 256;

/** Every stored event, as stored, oldest first; [] before the extension has made its log. */
export async function storedEventsInPage() {
  const db = await new Promise((ok, ko) => {
    const req = indexedDB.open('vigie');
    req.onsuccess = () => ok(req.result);
    req.onerror = () => ko(req.error);
  });
  if (!db.objectStoreNames.contains('blocks')) {
    db.close();
    return [];
  }
  const blocks = await new Promise((ok, ko) => {
    const req = db.transaction('blocks').objectStore('blocks').getAll();
    req.onsuccess = () => ok(req.result);
    req.onerror = () => ko(req.error);
  });
  db.close();
  return blocks.flatMap((b) => (Array.isArray(b.events) ? b.events : []));
}

/** Every event the extension logged, oldest first (read in its worker). */
export async function readEvents(browser) {
  return browser.serviceWorker.evaluate(storedEventsInPage);
}

/**
 * Appends `events` as they are (unchecked: a corrupt one stays corrupt) after the newest one, or
 * replaces the whole log with them when `replace`; gives each the next id, as the extension
 * does. Returns the ids given.
 */
export async function appendStoredInPage({ events, replace = false, blockEvents }) {
  const db = await new Promise((ok, ko) => {
    const req = indexedDB.open('vigie');
    req.onsuccess = () => ok(req.result);
    req.onerror = () => ko(req.error);
  });
  const tx = db.transaction(['blocks', 'digests'], 'readwrite');
  const blocks = tx.objectStore('blocks');
  const digests = tx.objectStore('digests');
  const ask = (req) => new Promise((ok, ko) => { req.onsuccess = () => ok(req.result); req.onerror = () => ko(req.error); });
  if (replace) {
    blocks.clear();
    digests.clear();
  }
  const newest = replace ? undefined : (await ask(digests.getAll()))?.at(-1);
  let block = newest && newest.n < blockEvents ? await ask(blocks.get(newest.id)) : undefined;
  if (block && !Array.isArray(block.events)) block = undefined;
  const written = block ? [block] : [];
  let nextBlock = (newest?.id ?? 0) + 1;
  let nextId = (newest?.last ?? 0) + 1;
  const ids = [];
  for (const event of events) {
    if (!block || block.events.length >= blockEvents) written.push((block = { id: nextBlock++, events: [] }));
    ids.push(nextId);
    block.events.push({ ...event, id: nextId++ });
  }
  for (const b of written) {
    const digest = { id: b.id, n: b.events.length, last: 0, from: Infinity, to: -Infinity, tally: {} };
    for (const e of b.events) {
      digest.last = Math.max(digest.last, e.id);
      digest.from = Math.min(digest.from, typeof e.time === 'number' ? e.time : -Infinity);
      digest.to = Math.max(digest.to, typeof e.time === 'number' ? e.time : Infinity);
      const key = `${String(e.platform)}\u0001${e.verdict === undefined ? '' : String(e.verdict)}`;
      digest.tally[key] = (digest.tally[key] ?? 0) + 1;
    }
    blocks.put(b);
    digests.put(digest);
  }
  await new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = () => ko(tx.error); });
  db.close();
  return ids;
}
