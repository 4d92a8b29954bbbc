import type { Policy } from '../core/policy';
import { SignatureRefusal, verifyPolicy, type RefusalCode } from '../core/signature';
import type { Text } from '../core/text';
import { DEFAULT_POLICY } from '../packs';
import { AcceptedPins } from '../sync/pins';
import { SyncStatusSchema } from '../sync/sync-status';
import { KEYS, type StorageAreas } from './storage';
import type { KeySource } from './trust';

/**
 * Where the policy in force came from: IT's inline policy (`managed`), the policy URL (`url`), a
 * signed copy held without a sync record (`stored`, e.g. written by an older version), or the
 * bundled default.
 */
export type PolicySource = 'managed' | 'url' | 'stored' | 'default';

export interface PolicyState {
  policy: Policy;
  source: PolicySource;
  /** Label of the key that signed the policy in force. */
  signedBy?: string;
  /** A held signed policy that was refused, and why; the bundled default applies meanwhile. */
  refused?: { code: RefusalCode; text: Text };
}

/** The bundled default's place in the version order: a held policy may never be older. */
export const BUNDLED_FLOOR = { id: DEFAULT_POLICY.id, version: DEFAULT_POLICY.version } as const;

/**
 * The policy in force: the last verified copy held in storage.local, verified again against the
 * keys trusted now and not older than the bundled default, else the bundled default (which blocks
 * exports). Only the sync (lib/sync) writes that copy, from IT's configuration or the policy URL;
 * every reader goes through here, so a copy signed by a key IT has since withdrawn stops counting,
 * and so does one whose id is not the one pinned for its organisation.
 */
export async function loadPolicy(areas: Pick<StorageAreas, 'local'>, keys: KeySource): Promise<PolicyState> {
  const stored = await areas.local.get([KEYS.policy, KEYS.sync, KEYS.policyPins]);
  const held = stored[KEYS.policy];
  if (held === undefined) return { policy: DEFAULT_POLICY, source: 'default' };
  try {
    const pins = { accepted: AcceptedPins.parse(stored[KEYS.policyPins] ?? {}) };
    const { policy, key } = await verified(held, await keys(), { ...BUNDLED_FLOOR, pins });
    const source = SyncStatusSchema.parse(stored[KEYS.sync] ?? {}).source ?? 'stored';
    return { policy, source, signedBy: key.label };
  } catch (error) {
    if (error instanceof SignatureRefusal) return { policy: DEFAULT_POLICY, source: 'default', refused: { code: error.code, text: error.text } };
    throw error;
  }
}

/**
 * The last verification, by the exact signed document, keys and floor (pins) it was made with:
 * every message the worker handles loads the policy, and verifying the same signature again for
 * each of a burst of log events cost most of their time. Any change to the document, the keys or
 * the pins verifies afresh; a refusal is not remembered.
 */
let last: { input: string; result: Awaited<ReturnType<typeof verifyPolicy>> } | undefined;

async function verified(held: unknown, keys: Parameters<typeof verifyPolicy>[1], floor: Parameters<typeof verifyPolicy>[2]) {
  const input = JSON.stringify([held, keys, floor]);
  if (last?.input === input) return last.result;
  const result = await verifyPolicy(held, keys, floor);
  last = { input, result };
  return result;
}
