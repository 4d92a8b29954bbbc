import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startOptionsPage } from '../lib/ui/options-start';

// A classic script in options.html's head, before the page's modules: it sends the page's first
// requests while the browser is still loading and evaluating the rest (lib/ui/options-start.ts).
export default defineUnlistedScript(() => startOptionsPage());
