/** The storage keys Vigie owns; end-to-end tests read some of them, so they are a contract. */
export const KEYS = {
  /** storage.local: the signed policy envelope held, as JSON text or object. */
  policy: 'vigie:policy',
  /** storage.local: the signed grant exactly as imported (token or JSON text). */
  grant: 'vigie:grant',
  /** storage.local: user settings, repaired field by field on read. */
  settings: 'vigie:settings',
  /** storage.local: what the policy syncs did (source, last sync, problems, backoff); lib/sync/sync-status.ts. */
  sync: 'vigie:sync',
  /** storage.local: the signed site pack held (newer than the bundled one), as its envelope; lib/state/site-pack-source.ts. */
  sites: 'vigie:sites',
  /** storage.local: what the site-pack syncs did (version, source, problems); lib/sync/sites-status.ts. */
  sitesStatus: 'vigie:sites-status',
  /** storage.session: `{ [family]: { time, origin } }`, the content scripts that said hello. */
  seen: 'vigie:seen',
  /** storage.session: `{ [platform]: { time, status, detail } }`, adapters' health reports. */
  health: 'vigie:health',
  /** storage.session: `[{ platform, expires, justification }]`, downloads a person justified in the page. */
  downloadPasses: 'vigie:download-passes',
  /** storage.local: `{ [organisation id]: policy id }`, the id first accepted per organisation (lib/sync/pins.ts). */
  policyPins: 'vigie:policy-pins',
  /** storage.session: when a sync of this browser session last read IT's configuration (downloads wait for it). */
  configRead: 'vigie:config-read',
  /** storage.session: `{ [tabId]: platform id }`, tabs opened from a guarded tab (lib/downloads/openers.ts). */
  openedFrom: 'vigie:opened-from',
  /** storage.session: `{ [downloadId]: { platform, worker, fileType } }`, downloads held while being decided. */
  heldDownloads: 'vigie:held-downloads',
  /** storage.local: `{ [mailbox]: { answer, platform, time } }`, what the person said a webmail mailbox sends from. */
  senderAnswers: 'vigie:sender-answers',
} as const;

/** The part of a `storage` area Vigie uses; the polyfill's areas and WXT's fakeBrowser both fit it. */
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageAreas {
  local: StorageArea;
  session: StorageArea;
  /** Admin-pushed policy. Firefox throws when no managed manifest is installed; Chrome returns {}. */
  managed: Pick<StorageArea, 'get'>;
}

/** Reads one key of an area, `undefined` when absent. */
export async function readKey(area: Pick<StorageArea, 'get'>, key: string): Promise<unknown> {
  return (await area.get(key))[key];
}

/**
 * Reads one managed key; managed storage that is absent or failing reads as nothing set. Chromium
 * answers the first managed read after the browser starts only once its policy service is up
 * (3 to 8 seconds on a fresh profile, measured); with `timeoutMs`, a slower answer counts as
 * nothing set, so a page is not left waiting.
 */
export async function readManaged(area: Pick<StorageArea, 'get'>, key: string, timeoutMs?: number): Promise<unknown> {
  const read = readKey(area, key).catch(() => undefined);
  if (timeoutMs === undefined) return read;
  const late = new Promise<undefined>((resolve) => AbortSignal.timeout(timeoutMs).addEventListener('abort', () => resolve(undefined)));
  return Promise.race([read, late]);
}
