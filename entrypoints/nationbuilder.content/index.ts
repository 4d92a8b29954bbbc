import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendToBackground } from '../../lib/messaging/client';
import { startOrganizingGuard } from '../../lib/organizing/guard';
import { nationbuilderOrganizing } from '../../lib/platforms/nationbuilder/adapter';
import { EVERY_FRAME } from '../../lib/organizing/frames';
import { PLATFORM_MATCHES } from '../../lib/platforms/hosts';

// document_start: the guard's capture listeners on window must come before any of the page's.
export default defineContentScript({
  matches: [...PLATFORM_MATCHES.nationbuilder],
  runAt: 'document_start',
  ...EVERY_FRAME,
  main(ctx) {
    if (window === window.top) void sendToBackground({ type: 'hello', family: 'nationbuilder' });
    startOrganizingGuard(ctx, nationbuilderOrganizing);
  },
});
