import type { LogDatabase } from '../log/database';
import { logEvent } from '../log/event-log';
import { loadGrant } from './grant-store';
import type { PolicyState } from './policy-source';
import type { StorageAreas } from './storage';
import type { KeySource } from './trust';

/**
 * Logs that the person opened a report of a suspected compromise (clause 7.7). The message itself
 * is written and sent by the person from their own mail program; the log keeps only that and when.
 */
export async function logCompromiseReport(ctx: { areas: Pick<StorageAreas, 'local'>; db: LogDatabase; keys: KeySource; policy: PolicyState; now: Date }): Promise<void> {
  const held = await loadGrant(ctx.areas, ctx.keys, ctx.policy.policy, ctx.now);
  const { policy } = ctx.policy;
  await logEvent(ctx.db, {
    time: ctx.now.getTime(),
    platform: 'vigie',
    surface: 'report',
    action: 'reported',
    clauses: [policy.contacts.incidentReporting.clause],
    policyId: policy.id,
    policyVersion: policy.version,
    grantId: held.state === 'held' ? held.grant.id : undefined,
  });
}
