import { z } from 'zod';
import type { TrustedKey } from '../core/signature';
import { builtinTrust } from '../trust/keys';
import { readManaged, type StorageAreas } from './storage';

const ManagedKey = z.object({
  keyId: z.string().min(1),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a raw Ed25519 key in base64url'),
  label: z.string().optional(),
});

/** The trusted keys, read from storage on first call only: most messages never need them. */
export type KeySource = () => Promise<readonly TrustedKey[]>;

/** How long a page waits for managed storage before going on without IT's keys (see readManaged). */
export const MANAGED_WAIT_MS = 1500;

export function keySource(areas: Pick<StorageAreas, 'managed'>, managedTimeoutMs?: number): KeySource {
  let keys: Promise<TrustedKey[]> | undefined;
  return () => (keys ??= trustedKeys(areas, managedTimeoutMs));
}

/**
 * Keys whose signatures Vigie accepts: those built in, plus those IT pushes in managed storage
 * (`trustedKeys`). A malformed managed entry is ignored on its own; the others still count.
 */
export async function trustedKeys(areas: Pick<StorageAreas, 'managed'>, managedTimeoutMs?: number): Promise<TrustedKey[]> {
  const managed = await readManaged(areas.managed, 'trustedKeys', managedTimeoutMs);
  const entries = Array.isArray(managed) ? managed : [];
  const keys = entries.flatMap((entry): TrustedKey[] => {
    const parsed = ManagedKey.safeParse(entry);
    if (!parsed.success) return [];
    const { keyId, publicKey, label } = parsed.data;
    return [{ keyId, publicKey, label: label ?? keyId, source: 'managed' }];
  });
  return [...builtinTrust(), ...keys];
}
