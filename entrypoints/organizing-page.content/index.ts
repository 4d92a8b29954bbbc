import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageHooks } from '../../lib/organizing/page-hooks';
import { EVERY_FRAME } from '../../lib/organizing/frames';
import { PLATFORM_MATCHES } from '../../lib/platforms/hosts';

// The page's own world, at document_start in every frame: wraps the clipboard writes, the copy and
// drag data, print() and document.open() the page can call before any page script runs, and asks
// the organizing content script of the same frame (see page-hooks.ts).
export default defineContentScript({
  matches: [...PLATFORM_MATCHES.actionNetwork, ...PLATFORM_MATCHES.actionBuilder, ...PLATFORM_MATCHES.nationbuilder],
  runAt: 'document_start',
  ...EVERY_FRAME,
  world: 'MAIN',
  main() {
    installPageHooks();
  },
});
