import { grantStatus } from '../core/grant-status';
import type { Policy } from '../core/policy';
import { verifyGrantSignature, type TrustedKey } from '../core/signature';
import { logEvent } from '../log/event-log';
import type { PolicyState } from '../state/policy-source';
import type { Services } from '../state/services';
import { KEYS, readKey } from '../state/storage';
import { FETCH_FAILURES, type RemoteSource, type SyncProblem, type SyncStatus } from './sync-status';

/** What one sync did, for the log. */
export interface Outcome {
  held: PolicyState;
  policy: Policy;
  changed: boolean;
  accepted?: RemoteSource;
  before: SyncStatus;
  problems: SyncProblem[];
  keys: readonly TrustedKey[];
  now: Date;
}

/** Logs a new policy, each problem the first time it appears, and a grant the new policy revokes. */
export async function logOutcome(services: Services, o: Outcome): Promise<void> {
  const base = { time: o.now.getTime(), platform: 'vigie', surface: 'policy', policyId: o.policy.id, policyVersion: o.policy.version } as const;
  if (o.changed) await logEvent(services.db, { ...base, action: 'policy-updated', detail: `${o.accepted} v${o.policy.version}` });
  for (const problem of newProblems(o.before.problems, o.problems)) await logEvent(services.db, { ...base, ...problemEvent(problem) });
  if (o.changed) await logRevocation(services, o);
}

/** Problems not already there at the previous sync: a server down for a day is logged once. */
function newProblems(before: readonly SyncProblem[], now: readonly SyncProblem[]): SyncProblem[] {
  const key = (p: SyncProblem) => `${p.source}:${p.code}:${p.version ?? ''}`;
  const seen = new Set(before.map(key));
  return now.filter((p) => !seen.has(key(p)));
}

/** A grant refusal reads like one from the options page (`detail` is the code); others say where. */
function problemEvent(p: SyncProblem) {
  if (p.source === 'grant') return { surface: 'grant', action: 'grant-refused', detail: p.code } as const;
  const fetching = (FETCH_FAILURES as readonly string[]).includes(p.code);
  const detail = [p.source, p.code, p.version && `v${p.version}`, p.status && `HTTP ${p.status}`].filter(Boolean).join(' ');
  return { surface: 'policy', action: fetching ? 'sync-failed' : 'policy-refused', detail } as const;
}

async function logRevocation(services: Services, o: Outcome): Promise<void> {
  const text = await readKey(services.areas.local, KEYS.grant);
  if (text === undefined) return;
  try {
    const { grant } = await verifyGrantSignature(text, o.keys);
    const wasRevoked = grantStatus(grant, o.held.policy.revokedGrants, o.now) === 'revoked';
    if (!wasRevoked && grantStatus(grant, o.policy.revokedGrants, o.now) === 'revoked') {
      await logEvent(services.db, { time: o.now.getTime(), platform: 'vigie', surface: 'grant', action: 'grant-revoked', grantId: grant.id, policyId: o.policy.id, policyVersion: o.policy.version });
    }
  } catch {
    // A held grant that no longer verifies is shown as such by the popup; nothing to log here.
  }
}
