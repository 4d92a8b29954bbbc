import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendToBackground } from '../../lib/messaging/client';
import { createShareLinkControl } from '../../lib/platforms/nextcloud/adapter';
import { startShareLinkGuard } from '../../lib/share/share-link-guard';

// Not in the manifest: a self-hosted Nextcloud's host comes from the policy, so the background
// registers this script at run time on the hosts the person allowed (lib/state/runtime-scripts.ts).
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    void sendToBackground({ type: 'hello', family: 'nextcloud' });
    startShareLinkGuard(ctx, createShareLinkControl);
  },
});
