import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendToBackground } from '../../lib/messaging/client';
import { PLATFORM_MATCHES } from '../../lib/platforms/hosts';

export default defineContentScript({
  matches: [...PLATFORM_MATCHES.actionBuilder],
  runAt: 'document_idle',
  async main() {
    await sendToBackground({ type: 'hello', family: 'action-builder' });
  },
});
