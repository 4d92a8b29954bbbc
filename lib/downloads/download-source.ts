import { platformForHost, type Platform, type Policy } from '../core/policy';
import { PLATFORM_MATCHES } from '../platforms/hosts';

/** The fields of a `downloads.DownloadItem` the backstop reads (Chrome's and Firefox's both fit). */
export interface DownloadFacts {
  id: number;
  url: string;
  finalUrl?: string;
  referrer?: string;
  /** Chrome: the suggested name; Firefox: the full path. Only its extension is ever kept. */
  filename?: string;
  mime?: string;
  byExtensionId?: string;
}

export interface DownloadSource {
  platform: Platform;
  /** The page the download came from, as far as the browser says: referrer, else the URL's origin. */
  pageUrl: string;
  /**
   * The download names no page of its own (`data:`, a `blob:` without origin), so it was attributed
   * (attribution.ts): to an open tab of the platform, or to a pop-up opened from one.
   */
  attributed?: 'open-tab' | 'opener';
  /** The tab to tell, when the attribution found one. */
  tabId?: number;
}

/**
 * The URLs that tie a download to a site: its URL, its final URL after redirects and its
 * referrer. A `blob:` URL carries its creator's origin (`blob:https://actionnetwork.org/<uuid>`),
 * so a file a page assembles in memory still names the page; a `data:` URL names nothing.
 */
export function downloadUrls(item: DownloadFacts): string[] {
  return [item.url, item.finalUrl, item.referrer].flatMap((raw) => {
    const url = raw && innerUrl(raw);
    return url ? [url] : [];
  });
}

/** `blob:https://x.org/uuid` → `https://x.org/uuid`; `data:`/`about:`/garbage → undefined. */
function innerUrl(raw: string): string | undefined {
  const url = raw.startsWith('blob:') ? raw.slice('blob:'.length) : raw;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** True when the download names no web page at all (`data:` with no referrer, `blob:null/…`). */
export function isOpaque(item: DownloadFacts): boolean {
  return downloadUrls(item).length === 0;
}

/** The guarded platform a download belongs to: the first of URL, final URL, referrer that maps. */
export function platformOfDownload(item: DownloadFacts, policy: Policy): DownloadSource | undefined {
  const urls = downloadUrls(item);
  for (const url of urls) {
    const platform = platformForHost(policy, new URL(url).hostname);
    if (platform) return { platform, pageUrl: item.referrer && innerUrl(item.referrer) ? item.referrer : url };
  }
  return undefined;
}

/**
 * A cheap first sort, before the policy is read: could any of the download's URLs be on a site
 * Vigie has adapters for (the manifest's hosts)? Every other download goes on untouched at once.
 */
export function mayBeGuarded(item: DownloadFacts): boolean {
  const patterns = Object.values(PLATFORM_MATCHES).flat().map((m) => m.slice('https://'.length, -'/*'.length));
  return downloadUrls(item).some((url) => {
    const host = new URL(url).hostname;
    return patterns.some((p) => (p.startsWith('*.') ? host === p.slice(2) || host.endsWith(p.slice(1)) : host === p));
  });
}

/**
 * What kind of file, for the log and the dialog: the extension (`csv`, `xlsx`) or, without one, the
 * MIME subtype (a `data:` URL's own included). Never the name: report and upload files are often
 * named after people.
 */
export function fileTypeOf(item: Partial<Pick<DownloadFacts, 'filename' | 'mime' | 'url'>>): string {
  const base = (item.filename ?? '').split(/[\\/]/).pop() ?? '';
  const ext = /\.([a-z0-9]{1,8})$/i.exec(base)?.[1];
  if (ext) return ext.toLowerCase();
  const dataMime = item.url?.startsWith('data:') ? /^data:([^;,]*)/.exec(item.url)?.[1] : undefined;
  const sub = /^[a-z]+\/(?:x-|vnd\.)?([a-z0-9.+-]{1,20})/i.exec(item.mime || dataMime || '')?.[1];
  if (sub) return sub.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || 'file';
  return 'file';
}
