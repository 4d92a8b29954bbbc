import type { Surface } from '../core/policy';
import { sendToBackground } from '../messaging/client';

/**
 * What a block's dialog calls to send "Request an authorization": the purpose the person typed,
 * the action and the page's title (the background scrubs it again and writes the message).
 */
export function authorizationRequester(surface: Surface): (purpose: string) => Promise<boolean> {
  return async (purpose) => {
    try {
      const reply = await sendToBackground({ type: 'request-authorization', surface, purpose, pageTitle: document.title.slice(0, 500) });
      return reply.ok;
    } catch {
      return false;
    }
  };
}
