import browser from 'webextension-polyfill';
import type { Services } from '../state/services';
import { installDownloadGuard, type DownloadEvents } from './download-guard';

/**
 * The real browser behind the downloads backstop. Chrome's `onDeterminingFilename` is taken from
 * `chrome.downloads` itself: the polyfill does not know the event (Firefox has none), and its
 * listener must return `true` synchronously to call `suggest()` later.
 */
export function installBrowserDownloadGuard(services: Services): ReturnType<typeof installDownloadGuard> {
  const chromeDownloads = (globalThis as { chrome?: { downloads?: Partial<DownloadEvents> } }).chrome?.downloads;
  const events: DownloadEvents = {
    onDeterminingFilename: chromeDownloads?.onDeterminingFilename,
    onCreated: browser.downloads.onCreated,
    onChanged: browser.downloads.onChanged,
  };
  return installDownloadGuard(events, {
    services,
    tabs: browser.tabs,
    downloads: browser.downloads,
    runtimeId: browser.runtime.id,
    keepAlive: () => void browser.runtime.getPlatformInfo().catch(() => undefined),
  });
}
