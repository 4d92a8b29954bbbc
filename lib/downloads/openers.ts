import { z } from 'zod';
import { platformForHost, type Policy } from '../core/policy';
import { KEYS, readKey, type StorageArea } from '../state/storage';

/**
 * Tabs and pop-up windows opened from a tab of a guarded platform (`window.open`, a link with
 * `target`), directly or through a chain of them: an `about:blank` pop-up has no address of its
 * own, and a download it makes from a `data:` URL names no page. The background records the
 * guarded platform at the root of the chain when the tab is created, so the download is still
 * attributed to it once the platform tab has navigated away or closed. In session storage: the
 * worker may be stopped between the pop-up and its download.
 */
const Entry = z.object({
  platform: z.string(),
  /** The guarded page's origin, for the log and the dialog. */
  origin: z.string(),
  /** The guarded tab at the root of the chain, to tell it why a download was stopped. */
  rootTab: z.number().int(),
  /** When the pop-up's own tab closed (its entry lasts CLOSED_OPENER_MS more). */
  closedAt: z.number().optional(),
});
const OpenedFrom = z.record(z.string(), Entry).catch({});
export type OpenedEntry = z.infer<typeof Entry>;
type OpenedFrom = z.infer<typeof OpenedFrom>;

/** A pop-up whose tab closed still counts this long (a `data:` pop-up closes once its download starts). */
export const CLOSED_OPENER_MS = 60_000;

export interface OpenerTab {
  id?: number;
  url?: string;
  openerTabId?: number;
}

let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
}

export async function readOpenedFrom(session: Pick<StorageArea, 'get'>, now: number): Promise<OpenedFrom> {
  const all = OpenedFrom.parse((await readKey(session, KEYS.openedFrom)) ?? {});
  return Object.fromEntries(Object.entries(all).filter(([, e]) => e.closedAt === undefined || now - e.closedAt < CLOSED_OPENER_MS));
}

/** The guarded platform (with a download surface) a tab's URL is on, if any. */
export function downloadPlatformOfUrl(url: string | undefined, policy: Policy): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return undefined;
    const platform = platformForHost(policy, u.hostname);
    return platform?.surfaces.includes('download') ? platform.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A tab was created: if its opener is a guarded platform's tab (its URL says so; the browser shows
 * Vigie the URLs of guarded hosts only) or was itself opened from one, remember that platform.
 */
export function rememberOpened(session: StorageArea, tab: OpenerTab, openerUrl: string | undefined, policy: Policy, now: number): Promise<void> {
  return inTurn(async () => {
    if (tab.id === undefined || tab.openerTabId === undefined) return;
    const opened = await readOpenedFrom(session, now);
    const platform = downloadPlatformOfUrl(openerUrl, policy);
    const entry: OpenedEntry | undefined = platform && openerUrl
      ? { platform, origin: new URL(openerUrl).origin, rootTab: tab.openerTabId }
      : opened[String(tab.openerTabId)] && { ...opened[String(tab.openerTabId)]!, closedAt: undefined };
    if (!entry) return;
    await session.set({ [KEYS.openedFrom]: { ...opened, [tab.id]: entry } });
  });
}

/** A tab closed: its entry lasts CLOSED_OPENER_MS more. */
export function forgetOpened(session: StorageArea, tabId: number, now: number): Promise<void> {
  return inTurn(async () => {
    const opened = await readOpenedFrom(session, now);
    const entry = opened[String(tabId)];
    if (!entry) return;
    await session.set({ [KEYS.openedFrom]: { ...opened, [tabId]: { ...entry, closedAt: now } } });
  });
}
