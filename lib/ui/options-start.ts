import { LOG_PAGE_ROWS } from '../log/page-size';
import { sendToBackground } from '../messaging/client';
import type { ReplyTo } from '../messaging/protocol';

type StateReply = ReplyTo<{ type: 'get-state'; logPage: number }>;

/**
 * The options page's first request, sent before its own code has even been evaluated
 * (entrypoints/options-start.ts, a classic script run as the page's head is parsed): its state,
 * with the log's first page. The page takes the answer over once (main.tsx); a page without it
 * asks again itself.
 */
export const OPTIONS_STATE_REQUEST = { type: 'get-state', logPage: LOG_PAGE_ROWS } as const;

const KEY = '__vigieOptionsState';

export function startOptionsPage(): void {
  const state = sendToBackground(OPTIONS_STATE_REQUEST);
  // Unhandled until the page takes it over; the page sees the same rejection then.
  state.catch(() => undefined);
  (globalThis as Record<string, unknown>)[KEY] = state;
}

/** The answer to the request sent early, once; undefined if none was sent (or it was taken already). */
export function takeOptionsState(): Promise<StateReply> | undefined {
  const holder = globalThis as Record<string, unknown>;
  const state = holder[KEY] as Promise<StateReply> | undefined;
  delete holder[KEY];
  return state;
}
