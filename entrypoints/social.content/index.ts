import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendToBackground } from '../../lib/messaging/client';
import { PLATFORM_MATCHES } from '../../lib/platforms/hosts';
import { socialAdapterFor } from '../../lib/platforms/social/adapters';
import { startPublishGuard } from '../../lib/social/publish-guard';

// document_start: the publish guard's capture listeners on window must come before the network's.
export default defineContentScript({
  matches: [...PLATFORM_MATCHES.social],
  runAt: 'document_start',
  main(ctx) {
    const adapter = socialAdapterFor(location.hostname)?.publish;
    if (!adapter) return;
    void sendToBackground({ type: 'hello', family: 'social' });
    startPublishGuard(ctx, adapter);
  },
});
