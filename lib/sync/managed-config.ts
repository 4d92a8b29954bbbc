import type { StorageArea } from '../state/storage';

/**
 * How long a sync waits for managed storage. Chromium answers the first read after the browser
 * starts only once its policy service is up (3 to 8 s measured); a sync runs in the background
 * and can wait, but not for ever.
 */
export const MANAGED_SYNC_WAIT_MS = 20_000;

/** IT's configuration, as far as the sync uses it (trusted keys are read by lib/state/trust.ts). */
export interface ManagedConfig {
  policyUrl?: unknown;
  /** JSON text (Chrome's schema says string); Firefox's policies.json may also give an object. */
  signedPolicy?: unknown;
  signedGrant?: unknown;
  /** A signed site pack (JSON text or object), and where to fetch newer ones (lib/sync/sites-sync.ts). */
  signedSites?: unknown;
  sitesUrl?: unknown;
}

export type ManagedRead = { state: 'read'; config: ManagedConfig } | { state: 'late' };

const FIELDS = ['policyUrl', 'signedPolicy', 'signedGrant', 'signedSites', 'sitesUrl'] as const;

/**
 * Reads IT's configuration in one call. Absent managed storage reads as nothing configured:
 * Chrome returns `{}`, Firefox throws when no policy names the extension. An empty string counts
 * as not set, which is how an administrator clears a field in most policy editors.
 */
export async function readManagedConfig(managed: Pick<StorageArea, 'get'>, timeoutMs = MANAGED_SYNC_WAIT_MS): Promise<ManagedRead> {
  const read = managed.get([...FIELDS]).then(
    (items) => ({ state: 'read' as const, config: pick(items) }),
    () => ({ state: 'read' as const, config: {} }),
  );
  const late = new Promise<ManagedRead>((resolve) => AbortSignal.timeout(timeoutMs).addEventListener('abort', () => resolve({ state: 'late' })));
  return Promise.race([read, late]);
}

function pick(items: Record<string, unknown>): ManagedConfig {
  const config: ManagedConfig = {};
  for (const field of FIELDS) {
    const value = items?.[field];
    if (value !== undefined && value !== null && value !== '') config[field] = value;
  }
  return config;
}
