import { grantStatus, type Grant, type GrantStatus } from '../core/grant';
import type { Policy } from '../core/policy';
import type { Text } from '../core/text';
import { SignatureRefusal, verifyGrant, verifyGrantSignature, type RefusalCode } from '../core/signature';
import type { LogDatabase } from '../log/database';
import { logEvent } from '../log/event-log';
import type { ImportReply } from '../messaging/protocol';
import { KEYS, readKey, type StorageAreas } from './storage';
import type { KeySource } from './trust';

/** The grant held in storage, as the popup shows it: even an expired or revoked one is shown with its status. */
export type HeldGrant =
  | { state: 'missing' }
  /** Stored, but no longer verifiable (its key is no longer trusted, or it names another organisation). */
  | { state: 'unverifiable'; code: RefusalCode; text: Text }
  | { state: 'held'; grant: Grant; status: Exclude<GrantStatus, 'missing'> };

export async function loadGrant(
  areas: Pick<StorageAreas, 'local'>,
  keys: KeySource,
  policy: Policy,
  now: Date,
): Promise<HeldGrant> {
  const text = await readKey(areas.local, KEYS.grant);
  if (text === undefined) return { state: 'missing' };
  try {
    const { grant } = await verifyGrantSignature(text, await keys());
    if (grant.organisation !== policy.organisation.id) return refusedGrant(new SignatureRefusal('wrong-organisation'));
    const status = grantStatus(grant, policy.revokedGrants, now);
    return status === 'missing' ? { state: 'missing' } : { state: 'held', grant, status };
  } catch (error) {
    if (error instanceof SignatureRefusal) return refusedGrant(error);
    throw error;
  }
}

function refusedGrant(refusal: SignatureRefusal): HeldGrant {
  return { state: 'unverifiable', code: refusal.code, text: refusal.text };
}

export interface GrantContext {
  areas: Pick<StorageAreas, 'local'>;
  db: LogDatabase;
  keys: KeySource;
  policy: Policy;
  now: Date;
}

/**
 * Imports a signed grant: it must verify, be in force, not be revoked and belong to the policy's
 * organisation. It is stored exactly as given; both outcomes are logged, without the grant's content.
 */
export async function importGrant(text: string, ctx: GrantContext): Promise<ImportReply> {
  const base = { time: ctx.now.getTime(), platform: 'vigie', surface: 'grant', policyId: ctx.policy.id, policyVersion: ctx.policy.version } as const;
  try {
    const { grant } = await verifyGrant(text, await ctx.keys(), ctx.policy, ctx.now);
    await ctx.areas.local.set({ [KEYS.grant]: text.trim() });
    await logEvent(ctx.db, { ...base, action: 'grant-imported', grantId: grant.id });
    return { ok: true, holder: grant.holder.name };
  } catch (error) {
    if (!(error instanceof SignatureRefusal)) throw error;
    await logEvent(ctx.db, { ...base, action: 'grant-refused', detail: error.code });
    return { ok: false, error: 'refused', code: error.code, text: error.text };
  }
}

export async function removeGrant(ctx: Omit<GrantContext, 'keys'>): Promise<void> {
  const held = await readKey(ctx.areas.local, KEYS.grant);
  if (held === undefined) return;
  await ctx.areas.local.remove(KEYS.grant);
  await logEvent(ctx.db, { time: ctx.now.getTime(), platform: 'vigie', surface: 'grant', action: 'grant-removed', policyId: ctx.policy.id, policyVersion: ctx.policy.version });
}
