import type { StorageArea } from '../state/storage';

/**
 * How long one read of managed storage is given before another is started beside it. Chromium
 * answers the first read after the browser starts only once its policy service is up (3 to 8 s
 * measured); a read that has not answered is not abandoned, a new one is raced with it.
 */
export const MANAGED_ATTEMPT_MS = 5_000;
/** The gap between attempts doubles up to this. */
export const MANAGED_ATTEMPT_MAX_MS = 30_000;
/** How long the trusted keys are waited for once IT's configuration has answered once. */
export const MANAGED_SYNC_WAIT_MS = 20_000;

/** IT's configuration, as far as the sync uses it (trusted keys are read by lib/state/trust.ts). */
export interface ManagedConfig {
  policyUrl?: unknown;
  /** JSON text (Chrome's schema says string); Firefox's policies.json may also give an object. */
  signedPolicy?: unknown;
  signedGrant?: unknown;
  /** The only policy id IT accepts for the organisation (see PolicyPins in lib/core/signature.ts). */
  policyId?: unknown;
  /** A signed site pack (JSON text or object), and where to fetch newer ones (lib/sync/sites-sync.ts). */
  signedSites?: unknown;
  sitesUrl?: unknown;
}

const FIELDS = ['policyUrl', 'signedPolicy', 'signedGrant', 'policyId', 'signedSites', 'sitesUrl'] as const;

export interface ManagedReadOptions {
  attemptMs?: number;
  maxAttemptMs?: number;
  /** Called once, when the first attempt has not answered: the popup can say it is waiting. */
  onLate?: () => void | Promise<void>;
}

/**
 * Reads IT's configuration, however long the browser takes to hand it over: a sync that gave up
 * would leave the person without IT's grant and policy until the next one. Each attempt that does
 * not answer in time starts another read raced with the earlier ones (Chromium may answer a later
 * call, or the first one late). Absent managed storage reads as nothing configured: Chrome returns
 * `{}`, Firefox throws when no policy names the extension. An empty string counts as not set,
 * which is how an administrator clears a field in most policy editors.
 */
export async function readManagedConfig(managed: Pick<StorageArea, 'get'>, options: ManagedReadOptions = {}): Promise<ManagedConfig> {
  const { attemptMs = MANAGED_ATTEMPT_MS, maxAttemptMs = MANAGED_ATTEMPT_MAX_MS, onLate } = options;
  const reads: Array<Promise<ManagedConfig>> = [];
  let wait = attemptMs;
  for (let attempt = 0; ; attempt += 1) {
    reads.push(managed.get([...FIELDS]).then(pick, () => ({})));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), wait)));
    const answer = await Promise.race([...reads, late]);
    clearTimeout(timer);
    if (answer !== undefined) return answer;
    if (attempt === 0) await onLate?.();
    wait = Math.min(wait * 2, maxAttemptMs);
  }
}

/** IT's pinned policy id, when it set one. */
export function managedPolicyId(config: ManagedConfig): string | undefined {
  return typeof config.policyId === 'string' && config.policyId.trim() !== '' ? config.policyId.trim() : undefined;
}

function pick(items: Record<string, unknown>): ManagedConfig {
  const config: ManagedConfig = {};
  for (const field of FIELDS) {
    const value = items?.[field];
    if (value !== undefined && value !== null && value !== '') config[field] = value;
  }
  return config;
}
