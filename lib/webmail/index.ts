import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GuardSession } from '../guard/session';
import type { PlatformAdapter } from '../platforms/types';
import { HealthMonitor } from './health';
import { SendGuard } from './send-guard';
import { MailboxAnswers } from './sender-answers';
import { ComposeTracker } from './tracker';

/**
 * The webmail guard on one page: inserts the disclaimer signature in composes from a
 * local-section account and checks every send. Everything it starts ends with `lifetime`.
 */
export function startWebmailGuard(lifetime: ContentScriptContext, adapter: PlatformAdapter, session: GuardSession): void {
  const compose = adapter.compose;
  if (!compose) return;
  const health = new HealthMonitor(lifetime, compose, session, adapter.platform);
  const answers = new MailboxAnswers(lifetime);
  answers.start();
  const tracker = new ComposeTracker(lifetime, compose, session, health, answers);
  // Listeners first: a send during the first scan is still checked.
  new SendGuard(lifetime, compose, tracker, session, health, answers).start();
  tracker.start();
}
