import browser from 'webextension-polyfill';
import { loadPolicy } from '../state/policy-source';
import type { Services } from '../state/services';
import { keySource } from '../state/trust';
import { installDownloadGuard, type DownloadEvents } from './download-guard';
import { JUDGE_KEYS_WAIT_MS } from './judge';
import { forgetOpened, rememberOpened } from './openers';

/**
 * The real browser behind the downloads backstop. Chrome's `onDeterminingFilename` is taken from
 * `chrome.downloads` itself: the polyfill does not know the event (Firefox has none), and its
 * listener must return `true` synchronously to call `suggest()` later. Tabs opened from a guarded
 * tab are recorded for the attribution of `data:` downloads (openers.ts).
 */
export function installBrowserDownloadGuard(services: Services): ReturnType<typeof installDownloadGuard> {
  const chromeDownloads = (globalThis as { chrome?: { downloads?: Partial<DownloadEvents> } }).chrome?.downloads;
  const events: DownloadEvents = {
    onDeterminingFilename: chromeDownloads?.onDeterminingFilename,
    onCreated: browser.downloads.onCreated,
    onChanged: browser.downloads.onChanged,
  };
  browser.tabs.onCreated.addListener((tab) => void noteOpened(services, tab).catch(() => undefined));
  browser.tabs.onRemoved.addListener((tabId) => void forgetOpened(services.areas.session, tabId, services.now().getTime()).catch(() => undefined));
  return installDownloadGuard(events, {
    services,
    tabs: browser.tabs,
    downloads: browser.downloads,
    runtimeId: browser.runtime.id,
    keepAlive: () => void browser.runtime.getPlatformInfo().catch(() => undefined),
  });
}

async function noteOpened(services: Services, tab: { id?: number; openerTabId?: number }): Promise<void> {
  if (tab.id === undefined || tab.openerTabId === undefined) return;
  const opener = await browser.tabs.get(tab.openerTabId).catch(() => undefined);
  const { policy } = await loadPolicy(services.areas, keySource(services.areas, JUDGE_KEYS_WAIT_MS));
  await rememberOpened(services.areas.session, tab, opener?.url, policy, services.now().getTime());
}
