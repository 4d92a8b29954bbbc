import { decide, type Decision } from '../core/decide';
import { MIN_JUSTIFICATION } from '../guard/dialog';
import type { Ack } from '../messaging/protocol';
import { guardContext } from '../state/guard-context';
import type { PolicyState } from '../state/policy-source';
import type { Services } from '../state/services';
import type { KeySource } from '../state/trust';
import { grantPass } from './passes';

/**
 * Whether a justification lets a held or clicked export go ahead: only where the policy's verdict
 * is `warn` with an override, and with enough words where one is required. The background checks
 * this itself: a content script's "the person agreed" is never taken on trust for a `block`.
 */
export function justificationAccepted(decision: Decision, justification: string): boolean {
  if (decision.verdict !== 'warn' || !decision.override.allowed) return false;
  return decision.override.justification !== 'required' || justification.trim().length >= MIN_JUSTIFICATION;
}

/**
 * `export-approved`: the person justified an export in the page. The policy is decided again here
 * for a download on the sender's platform; a pass is written only when that decision is a `warn`
 * the justification answers. An allowed download needs no pass; a blocked one gets none.
 */
export async function approveExport(
  loaded: { services: Services; keys: KeySource; policy: PolicyState; now: Date },
  platform: string,
  justification: string,
): Promise<Ack | { ok: false; error: 'refused' }> {
  const ctx = await guardContext(loaded, platform);
  const decision = decide({ surface: 'download', platform }, ctx.policy, ctx.grant, loaded.now);
  if (decision.verdict === 'allow' || decision.verdict === 'audit') return { ok: true };
  if (!justificationAccepted(decision, justification)) return { ok: false, error: 'refused' };
  await grantPass(loaded.services.areas.session, platform, justification.trim(), loaded.now);
  return { ok: true };
}
