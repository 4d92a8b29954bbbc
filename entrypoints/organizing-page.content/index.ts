import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageHooks } from '../../lib/organizing/page-hooks';
import { PLATFORM_MATCHES } from '../../lib/platforms/hosts';

// The page's own world, at document_start: wraps the clipboard writes and print() the page can
// call before any page script runs, and asks the organizing content script (see page-hooks.ts).
export default defineContentScript({
  matches: [...PLATFORM_MATCHES.actionNetwork, ...PLATFORM_MATCHES.actionBuilder, ...PLATFORM_MATCHES.nationbuilder],
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    installPageHooks();
  },
});
