import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendToBackground } from '../../lib/messaging/client';
import { installEmailStepGuard } from '../../lib/organizing/email-step-guard';
import { startOrganizingGuard } from '../../lib/organizing/guard';
import { actionNetworkOrganizing } from '../../lib/platforms/action-network/adapter';
import { EVERY_FRAME } from '../../lib/organizing/frames';
import { PLATFORM_MATCHES } from '../../lib/platforms/hosts';

// document_start: the guard's capture listeners on window must come before any of the page's.
export default defineContentScript({
  matches: [...PLATFORM_MATCHES.actionNetwork],
  runAt: 'document_start',
  ...EVERY_FRAME,
  main(ctx) {
    if (window === window.top) void sendToBackground({ type: 'hello', family: 'action-network' });
    startOrganizingGuard(ctx, actionNetworkOrganizing, (session, signal) => installEmailStepGuard(session, actionNetworkOrganizing.emailStep, signal));
  },
});
