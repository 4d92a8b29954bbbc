import { defineContentScript } from 'wxt/utils/define-content-script';
import { GuardSession } from '../../lib/guard/session';
import { sendToBackground } from '../../lib/messaging/client';
import { gmailAdapter } from '../../lib/platforms/gmail/adapter';
import { PLATFORM_MATCHES } from '../../lib/platforms/hosts';
import { startWebmailGuard } from '../../lib/webmail';

// Top frame only: the standalone compose window (?view=cm) is a top-level page too.
export default defineContentScript({
  matches: [...PLATFORM_MATCHES.gmail],
  runAt: 'document_idle',
  main(ctx) {
    void sendToBackground({ type: 'hello', family: 'gmail' });
    startWebmailGuard(ctx, gmailAdapter, GuardSession.start(ctx));
  },
});
