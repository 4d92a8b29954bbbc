import type { PlatformFamily } from '../messaging/protocol';
import { mailboxKey } from '../webmail/mailbox';
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

export type Health = Partial<Record<string, { time: number; status: 'ok' | 'degraded' | 'sender-unknown'; detail?: string; mailbox?: string }>>;

/**
 * Records an adapter's health report for the popup: `degraded` when it could not find what it
 * knows is there (a compose's body or Send control, an export button), `ok` when it recovered,
 * `sender-unknown` with the mailbox of the page (`url`, as the browser names the sender), keyed
 * as the person's answers about it are, so the popup can tell whether that mailbox was answered.
 */
export function recordHealth(session: StorageArea, platform: string, action: string, detail: string | undefined, now: Date, url?: string): Promise<void> {
  const next = queue.then(async () => {
    const health = ((await readKey(session, KEYS.health)) ?? {}) as Health;
    const status = action === 'degraded' || action === 'sender-unknown' ? action : 'ok';
    const mailbox = status === 'sender-unknown' && url ? mailboxKey(url) : undefined;
    await session.set({ [KEYS.health]: { ...health, [platform]: { time: now.getTime(), status, detail, ...(mailbox && { mailbox }) } } });
  });
  queue = next.catch(() => undefined);
  return next;
}
