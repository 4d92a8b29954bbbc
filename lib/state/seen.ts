import type { PlatformFamily } from '../messaging/protocol';
import { KEYS, readKey, type StorageArea } from './storage';

export type Seen = Partial<Record<PlatformFamily, { time: number; origin: string }>>;

/** Hellos arriving together would each read and rewrite the object; this keeps them in turn. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Records that a family's content script started on a page: only the time and the page's origin,
 * in session storage (gone when the browser closes). Nothing goes to the event log.
 */
export function recordHello(session: StorageArea, family: PlatformFamily, url: string, now: Date): Promise<void> {
  const next = queue.then(async () => {
    const seen = ((await readKey(session, KEYS.seen)) ?? {}) as Seen;
    await session.set({ [KEYS.seen]: { ...seen, [family]: { time: now.getTime(), origin: new URL(url).origin } } });
  });
  queue = next.catch(() => undefined);
  return next;
}
