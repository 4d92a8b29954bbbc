import { z } from 'zod';
import type { BackgroundToContent, DownloadHeldReply } from '../messaging/protocol';
import { HOLD_TIMEOUT_MS } from './limits';

/** The parts of `browser.tabs` the backstop uses (the real API and test fakes both fit). */
export interface TabsApi {
  query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<TabInfo[]>;
  sendMessage(tabId: number, message: BackgroundToContent, options?: { frameId?: number }): Promise<unknown>;
}

export interface TabInfo {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
  openerTabId?: number;
}

const HeldReply = z.discriminatedUnion('choice', [
  z.strictObject({ choice: z.literal('cancel') }),
  z.strictObject({ choice: z.literal('override'), justification: z.string().max(2000) }),
]);

/** Calls that keep a worker alive while a person reads a dialog (Chrome stops an idle one after 30 s). */
const KEEP_ALIVE_MS = 20_000;

/**
 * The tab to ask about a download from `pageUrl`: a tab showing that origin, the active one first,
 * then the one used last. Host permissions let the background read the URLs of guarded tabs only,
 * which are the only ones that can match.
 */
export async function tabFor(tabs: TabsApi, pageUrl: string): Promise<number | undefined> {
  const origin = originOf(pageUrl);
  if (!origin) return undefined;
  const candidates = (await tabs.query({})).filter((t) => t.id !== undefined && t.url && originOf(t.url) === origin);
  candidates.sort((a, b) => Number(b.active ?? false) - Number(a.active ?? false) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return candidates[0]?.id;
}

/**
 * Asks the page's content script to show the held download's dialog and waits for the answer.
 * No content script, an answer that does not parse, or no answer within HOLD_TIMEOUT_MS all read
 * as `cancel`: a download nobody could approve does not go ahead.
 */
export async function askPage(
  tabs: TabsApi,
  tabId: number,
  message: Extract<BackgroundToContent, { type: 'download-held' }>,
  keepAlive: () => void,
): Promise<DownloadHeldReply | { choice: 'unanswered'; why: 'no-page' | 'timeout' }> {
  const timer = setInterval(keepAlive, KEEP_ALIVE_MS);
  let timeout: ReturnType<typeof setTimeout> | undefined;
  try {
    const late = new Promise<'timeout'>((resolve) => (timeout = setTimeout(() => resolve('timeout'), HOLD_TIMEOUT_MS)));
    const answer = await Promise.race([tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => 'no-page' as const), late]);
    if (answer === 'timeout' || answer === 'no-page') return { choice: 'unanswered', why: answer };
    const parsed = HeldReply.safeParse(answer);
    return parsed.success ? parsed.data : { choice: 'unanswered', why: 'no-page' };
  } finally {
    clearInterval(timer);
    clearTimeout(timeout);
  }
}

/** Tells the page a download was stopped, so the person knows why nothing arrived. Best effort. */
export async function tellPage(tabs: TabsApi, tabId: number, message: Extract<BackgroundToContent, { type: 'download-blocked' }>): Promise<void> {
  await tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url.startsWith('blob:') ? url.slice(5) : url);
    return u.origin === 'null' ? undefined : u.origin;
  } catch {
    return undefined;
  }
}
