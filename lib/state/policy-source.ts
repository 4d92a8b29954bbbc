import type { Policy } from '../core/policy';
import { SignatureRefusal, verifyPolicy, type RefusalCode } from '../core/signature';
import type { Text } from '../core/text';
import { DEFAULT_POLICY } from '../packs';
import { KEYS, readKey, type StorageAreas } from './storage';
import type { KeySource } from './trust';

export interface PolicyState {
  policy: Policy;
  source: 'default' | 'signed';
  /** Label of the key that signed the policy in force. */
  signedBy?: string;
  /** A held signed policy that was refused, and why; the bundled default applies meanwhile. */
  refused?: { code: RefusalCode; text: Text };
}

/**
 * The policy in force: the signed policy held in storage.local when it verifies against the
 * trusted keys and is not older than the bundled default, else the bundled default (which blocks
 * exports). Managed and URL sources come in a later issue.
 */
export async function loadPolicy(areas: Pick<StorageAreas, 'local'>, keys: KeySource): Promise<PolicyState> {
  const held = await readKey(areas.local, KEYS.policy);
  if (held === undefined) return { policy: DEFAULT_POLICY, source: 'default' };
  try {
    const bundled = { id: DEFAULT_POLICY.id, version: DEFAULT_POLICY.version };
    const { policy, key } = await verifyPolicy(held, await keys(), bundled);
    return { policy, source: 'signed', signedBy: key.label };
  } catch (error) {
    if (error instanceof SignatureRefusal) return { policy: DEFAULT_POLICY, source: 'default', refused: { code: error.code, text: error.text } };
    throw error;
  }
}
