import { browser } from './content-browser';
import type { AnyMessage, ReplyTo } from './protocol';

/**
 * Sends a message to the background and types its reply. Only types come from ./protocol, so a
 * content script does not bundle zod: the background is the one that parses.
 */
export async function sendToBackground<M extends AnyMessage>(message: M): Promise<ReplyTo<M>> {
  return (await browser.runtime.sendMessage(message)) as ReplyTo<M>;
}
