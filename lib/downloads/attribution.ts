import type { Policy } from '../core/policy';
import type { StorageArea } from '../state/storage';
import type { TabsApi } from './ask-page';
import type { DownloadSource } from './download-source';
import { downloadPlatformOfUrl, readOpenedFrom } from './openers';

/**
 * Who made a download that names no page: a `data:` URL (no origin, and browsers send no
 * referrer for it) or a `blob:null/…` URL. Neither Chrome's nor Firefox's downloads API says which
 * tab or frame started a download, and a page can start one without any click, while another tab
 * is in front. So the tab in front proves nothing, and Vigie counts as possible makers:
 *
 * - every open tab on a guarded platform (a platform whose policy has a `download` surface), in
 *   every window, whichever is in front;
 * - every tab or pop-up opened from one of them, directly or through a chain (an `about:blank`
 *   pop-up shows no address), even after the platform tab navigated away, and for a minute after
 *   the pop-up itself closed (openers.ts).
 *
 * The download is decided for each platform found, and the strictest decision applies (backstop).
 * The cost: while a guarded platform is open, a `data:` download made by any other site is judged
 * as that platform's. `blob:https://…` URLs carry their maker's origin and are not concerned.
 */
export async function opaqueSources(tabs: TabsApi, session: Pick<StorageArea, 'get'>, policy: Policy, now: number): Promise<DownloadSource[]> {
  const byPlatform = new Map<string, DownloadSource>();
  const add = (platformId: string, source: Omit<DownloadSource, 'platform'>) => {
    const platform = policy.platforms.find((p) => p.id === platformId);
    if (platform && !byPlatform.has(platformId)) byPlatform.set(platformId, { platform, ...source });
  };
  const open = await tabs.query({}).catch(() => []);
  // The tab in front first, then the one used last: the page told about a stop is the likeliest one.
  open.sort((a, b) => Number(b.active ?? false) - Number(a.active ?? false) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  for (const tab of open) {
    const platform = downloadPlatformOfUrl(tab.url, policy);
    if (platform && tab.url && tab.id !== undefined) add(platform, { pageUrl: tab.url, tabId: tab.id, attributed: 'open-tab' });
  }
  for (const entry of Object.values(await readOpenedFrom(session, now))) {
    add(entry.platform, { pageUrl: entry.origin, tabId: entry.rootTab, attributed: 'opener' });
  }
  return [...byPlatform.values()];
}
