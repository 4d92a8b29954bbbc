import type { Policy } from '../core/policy';
import { SignatureRefusal, verifyGrantSignature, type TrustedKey } from '../core/signature';
import type { LogDatabase } from '../log/database';
import { logEvent } from '../log/event-log';
import { KEYS, readKey, type StorageArea } from '../state/storage';
import type { SyncProblem } from './sync-status';

export interface ManagedGrantContext {
  local: StorageArea;
  db: LogDatabase;
  keys: readonly TrustedKey[];
  /** The policy in force after this sync. */
  policy: Policy;
  now: Date;
  /** Whether IT managed the grant at the previous sync. */
  wasManaged: boolean;
}

/**
 * Applies the grant IT configures for this person (`signedGrant`). A managed grant replaces the
 * one held, whatever its dates (an expired one is shown as expired); one that does not verify
 * leaves the held grant alone and is reported. When IT withdraws the managed grant, the copy it
 * put there goes too: IT's removal is a revocation on this machine.
 */
export async function applyManagedGrant(value: unknown, ctx: ManagedGrantContext): Promise<{ managed: boolean; problem?: SyncProblem }> {
  const base = { time: ctx.now.getTime(), platform: 'vigie', surface: 'grant', policyId: ctx.policy.id, policyVersion: ctx.policy.version, detail: 'managed' } as const;
  const held = await readKey(ctx.local, KEYS.grant);
  if (value === undefined) {
    if (ctx.wasManaged && held !== undefined) {
      await ctx.local.remove(KEYS.grant);
      await logEvent(ctx.db, { ...base, action: 'grant-removed' });
    }
    return { managed: false };
  }
  const text = typeof value === 'string' ? value.trim() : JSON.stringify(value);
  try {
    const { grant } = await verifyGrantSignature(text, ctx.keys);
    if (grant.organisation !== ctx.policy.organisation.id) throw new SignatureRefusal('wrong-organisation');
    if (held !== text) {
      await ctx.local.set({ [KEYS.grant]: text });
      await logEvent(ctx.db, { ...base, action: 'grant-imported', grantId: grant.id });
    }
    return { managed: true };
  } catch (error) {
    if (!(error instanceof SignatureRefusal)) throw error;
    return { managed: true, problem: { source: 'grant', code: error.code } };
  }
}
