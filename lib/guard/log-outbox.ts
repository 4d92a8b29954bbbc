import { sendToBackground } from '../messaging/client';
import type { AnyReply } from '../messaging/protocol';

/** The most events one message carries; the background refuses more (`LOG_BATCH_MAX`, protocol.ts). */
const BATCH = 500;

type Send = (events: unknown[]) => Promise<AnyReply>;

/**
 * A content script's log events, sent to the background in batches: everything logged in one task
 * leaves together at its end (a microtask, so before the page can unload), as one `log-events`
 * message per 500 events, in order. A busy page logging thousands of events costs a handful of
 * messages instead of one each — the message, not the write, was most of an event's cost.
 */
export class LogOutbox {
  private queued: Array<{ event: unknown; sent: () => void }> = [];
  private scheduled = false;

  constructor(
    private readonly send: Send,
    // Wrapped: a browser's queueMicrotask called as a method of this object throws "Illegal invocation".
    private readonly schedule: (run: () => void) => void = (run) => queueMicrotask(run),
  ) {}

  /** Queues the event; resolves once the background has answered for its batch (stored or refused). */
  add(event: unknown): Promise<void> {
    return new Promise((sent) => {
      this.queued.push({ event, sent });
      if (this.scheduled) return;
      this.scheduled = true;
      this.schedule(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    const all = this.queued;
    this.queued = [];
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      // The page may be gone or the extension reloaded: a lost answer must not stop the guard.
      void this.send(batch.map((b) => b.event))
        .catch(() => undefined)
        .finally(() => batch.forEach((b) => b.sent()));
    }
  }
}

let outbox: LogOutbox | undefined;

/** This content script's one outbox. */
export function logOutbox(): LogOutbox {
  return (outbox ??= new LogOutbox((events) => sendToBackground({ type: 'log-events', events })));
}
