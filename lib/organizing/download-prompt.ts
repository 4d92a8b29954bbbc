import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOLD_DIALOG_MS } from '../downloads/limits';
import type { GuardSession } from '../guard/session';
import { browser, type Browser } from '../messaging/content-browser';
import type { BackgroundToContent, DownloadHeldReply } from '../messaging/protocol';
import { filled, promptDecision } from './prompt';
import { ORGANIZING_STRINGS } from './strings';

/**
 * Answers the background's downloads backstop in this tab: a held download gets the policy's
 * dialog (its answer goes back; the background checks it again and logs it), a stopped one gets
 * a dialog saying why nothing arrived. Only messages from this extension's background are heard.
 */
export function answerDownloadQuestions(session: GuardSession, lifetime: ContentScriptContext): void {
  // The answer goes back through sendResponse (`true` keeps the channel open for it): Chromium does
  // not take a promise returned by a listener as its reply. A failure sends nothing the background
  // can parse, which it reads as no answer (lib/downloads/ask-page.ts), as before.
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply?: DownloadHeldReply) => void): true | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab || !isBackgroundMessage(raw)) return undefined;
    void answer(session, raw).then(sendResponse, () => sendResponse());
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  lifetime.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

async function answer(session: GuardSession, message: BackgroundToContent): Promise<DownloadHeldReply> {
  const ctx = (await session.ready()) ?? session.current;
  if (!ctx) return { choice: 'cancel' };
  const type = message.fileType.replace(/[^a-z0-9]/gi, '').slice(0, 12) || 'file';
  if (message.type === 'download-blocked') {
    void promptDecision(message.decision, ctx, { notes: [filled('downloadStopped', { type })], surface: 'download' });
    return { choice: 'cancel' };
  }
  const result = await promptDecision(message.decision, ctx, {
    overrideLabel: ORGANIZING_STRINGS.downloadAnyway,
    notes: [filled('downloadHeld', { type })],
    signal: AbortSignal.timeout(HOLD_DIALOG_MS),
    surface: 'download',
  });
  return result.choice === 'override' ? { choice: 'override', justification: result.justification } : { choice: 'cancel' };
}

function isBackgroundMessage(raw: unknown): raw is BackgroundToContent {
  if (typeof raw !== 'object' || raw === null) return false;
  const m = raw as Record<string, unknown>;
  return (m.type === 'download-held' || m.type === 'download-blocked') && typeof m.fileType === 'string' && typeof m.decision === 'object' && m.decision !== null;
}
