import { browser, type Browser } from '../messaging/content-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../messaging/client';
import type { SenderAnswer } from '../state/sender-answers';
import { KEYS } from '../state/storage';
import { mailboxKey } from './mailbox';

type Stored = Record<string, { answer?: unknown } | undefined>;

/**
 * What the person said this page's mailbox sends from, when the page does not show it: read from
 * storage (the background writes it, the popup can forget it), kept current while the page lives,
 * so the check at the moment of a send reads it synchronously.
 */
export class MailboxAnswers {
  private stored: Stored = {};

  constructor(private readonly lifetime: ContentScriptContext) {}

  start(): void {
    const read = (value: unknown) => (this.stored = value && typeof value === 'object' ? (value as Stored) : {});
    void (async () => read((await browser.storage.local.get(KEYS.senderAnswers))[KEYS.senderAnswers]))().catch(() => undefined);
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string): void => {
      if (area === 'local' && KEYS.senderAnswers in changes) read(changes[KEYS.senderAnswers]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    this.lifetime.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
  }

  /** This page's mailbox, as the answers are keyed. */
  get mailbox(): string {
    return mailboxKey(location.href);
  }

  current(): SenderAnswer | undefined {
    const answer = this.stored[this.mailbox]?.answer;
    return answer === 'local' || answer === 'personal' ? answer : undefined;
  }

  /** Remembers the answer here at once (the send goes on with it) and in the browser. */
  async remember(answer: SenderAnswer): Promise<void> {
    this.stored = { ...this.stored, [this.mailbox]: { answer } };
    await sendToBackground({ type: 'sender-answer', mailbox: this.mailbox, answer }).catch(() => undefined);
  }
}
