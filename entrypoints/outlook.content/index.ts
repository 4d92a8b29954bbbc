import { defineContentScript } from 'wxt/utils/define-content-script';
import { GuardSession } from '../../lib/guard/session';
import { sendToBackground } from '../../lib/messaging/client';
import { PLATFORM_MATCHES } from '../../lib/platforms/hosts';
import { outlookAdapter } from '../../lib/platforms/outlook/adapter';
import { startWebmailGuard } from '../../lib/webmail';

// Top frame only: the pop-out compose (/mail/deeplink/compose) is a top-level window too.
export default defineContentScript({
  matches: [...PLATFORM_MATCHES.outlook],
  runAt: 'document_idle',
  main(ctx) {
    void sendToBackground({ type: 'hello', family: 'outlook' });
    startWebmailGuard(ctx, outlookAdapter, GuardSession.start(ctx));
  },
});
