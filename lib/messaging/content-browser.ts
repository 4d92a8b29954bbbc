/**
 * The extension API for content scripts: the browser's own, as WXT hands it over (Firefox's
 * `browser`; Chromium's `chrome`, whose calls return promises under MV3). Not webextension-polyfill:
 * every content script would carry its 2.7 KB min+gzip for what both browsers now do natively
 * (bench/content-scripts.ts holds each script to 25 KB). The background and the pages keep it,
 * except for their sendToBackground (lib/messaging/client.ts), which is shared with content scripts.
 * Chromium throws, rather than rejects, from a call once the extension is reloaded under the page:
 * make calls inside async functions (or catch) so that becomes a rejection as with the polyfill.
 */
export { browser, type Browser } from 'wxt/browser';
