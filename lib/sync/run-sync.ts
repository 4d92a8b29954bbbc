import { canonicalJson } from '../core/canonical-json';
import type { Policy } from '../core/policy';
import { readEnvelope, type SignedEnvelope } from '../core/signature';
import { BUNDLED_FLOOR, loadPolicy } from '../state/policy-source';
import type { Services } from '../state/services';
import { KEYS, readKey } from '../state/storage';
import { trustedKeys } from '../state/trust';
import { RETRY_ALARM, retryDelayMinutes, SYNC_ALARM } from './backoff';
import { choosePolicy, type Candidate } from './choose';
import { FetchFailure, fetchPolicyText, policyUrlOf } from './fetch-policy';
import { applyManagedGrant } from './managed-grant';
import { MANAGED_SYNC_WAIT_MS, readManagedConfig, type ManagedConfig } from './managed-config';
import { syncSitePack } from './sites-sync';
import { readSyncStatus, type RemoteSource, type SyncProblem, type SyncStatus } from './sync-status';
import { logOutcome } from './sync-log';

const MINUTE_MS = 60_000;

/** One sync at a time in this worker: a second trigger while one runs gets the same result. */
let inFlight: Promise<SyncStatus> | undefined;

/**
 * Brings the policy (and IT's grant) up to date from IT's configuration and the policy URL, keeps
 * the last good policy when what arrives is refused, records what happened for the popup, logs
 * what changed, and schedules the next sync (sooner, with backoff, after a failure). Writing the
 * accepted policy to storage.local is what makes open tabs pick it up (lib/guard/session.ts).
 */
export function syncPolicy(services: Services): Promise<SyncStatus> {
  inFlight ??= runSync(services).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

async function runSync(services: Services): Promise<SyncStatus> {
  const now = services.now();
  const before = await readSyncStatus(services.areas.local);
  const managed = await readManagedConfig(services.areas.managed);
  if (managed.state === 'late') {
    // IT's configuration could not be read: change nothing, say so, and look again in a minute.
    const status = { ...before, lastAttempt: now.getTime(), problems: [{ source: 'managed', code: 'managed-late' }] } satisfies SyncStatus;
    await services.areas.local.set({ [KEYS.sync]: status });
    await services.alarms.create(RETRY_ALARM, { delayInMinutes: 1 });
    return status;
  }
  const keys = await trustedKeys(services.areas, MANAGED_SYNC_WAIT_MS);
  const held = await loadPolicy(services.areas, async () => keys);
  const floor = held.source === 'default' ? BUNDLED_FLOOR : { id: held.policy.id, version: held.policy.version };

  const { candidates, problems, configured, url } = await gather(managed.config, services.fetch ?? globalThis.fetch.bind(globalThis));
  const choice = await choosePolicy(candidates, keys, floor);
  problems.push(...choice.refused);
  const accepted = choice.accepted;
  const policy = accepted?.verified.policy ?? held.policy;
  const changed = accepted !== undefined && !(await holds(services, accepted.verified.envelope));

  const grant = await applyManagedGrant(managed.config.signedGrant, {
    local: services.areas.local, db: services.db, keys, policy, now, wasManaged: before.grantManaged,
  });
  if (grant.problem) problems.push(grant.problem);

  const urlFailed = problems.some((p) => p.source === 'url');
  const failures = urlFailed ? before.failures + 1 : 0;
  const delay = retryDelayMinutes(failures, policy.sync.refreshMinutes);
  const status: SyncStatus = {
    source: accepted?.source ?? before.source,
    url,
    acceptedAt: changed ? now.getTime() : before.acceptedAt,
    lastAttempt: now.getTime(),
    lastSuccess: problems.length === 0 ? now.getTime() : before.lastSuccess,
    failures,
    nextRetry: urlFailed ? now.getTime() + delay * MINUTE_MS : undefined,
    problems: problems.slice(0, 10),
    grantManaged: grant.managed,
    configured,
  };
  if (changed) {
    // One write: a reader never sees the new policy with the old record, or the reverse.
    await services.areas.local.set({ [KEYS.policy]: accepted.verified.envelope, [KEYS.sync]: status });
  } else {
    await services.areas.local.set({ [KEYS.sync]: status });
  }

  await logOutcome(services, { held, policy, changed, accepted: accepted?.source, before, problems, keys, now });
  await syncSitePack(services, managed.config, keys, policy);
  await schedule(services, policy, urlFailed ? delay : undefined);
  return status;
}

/** What the configured sources delivered, highest precedence first, and what failed on the way. */
async function gather(config: ManagedConfig, fetcher: typeof fetch) {
  const candidates: Candidate[] = [];
  const problems: SyncProblem[] = [];
  const configured: RemoteSource[] = [];
  if (config.signedPolicy !== undefined) {
    configured.push('managed');
    candidates.push({ source: 'managed', input: config.signedPolicy });
  }
  let url: string | undefined;
  if (config.policyUrl !== undefined) {
    configured.push('url');
    const parsed = policyUrlOf(config.policyUrl);
    url = parsed?.href ?? (typeof config.policyUrl === 'string' ? config.policyUrl.slice(0, 2048) : undefined);
    if (!parsed) problems.push({ source: 'url', code: 'not-https' });
    else {
      try {
        candidates.push({ source: 'url', input: await fetchPolicyText(parsed, fetcher) });
      } catch (error) {
        if (!(error instanceof FetchFailure)) throw error;
        problems.push({ source: 'url', code: error.code, ...(error.status ? { status: error.status } : {}) });
      }
    }
  }
  return { candidates, problems, configured, url };
}

/** True when storage already holds exactly this envelope (a sync that changes nothing writes no policy). */
async function holds(services: Services, envelope: SignedEnvelope): Promise<boolean> {
  const held = await readKey(services.areas.local, KEYS.policy);
  if (held === undefined) return false;
  try {
    return canonicalJson(readEnvelope(held)) === canonicalJson(envelope);
  } catch {
    return false;
  }
}

/** Keeps the periodic sync at the policy's interval, and sets the retry after a failure. */
async function schedule(services: Services, policy: Policy, retryMinutes: number | undefined): Promise<void> {
  const minutes = policy.sync.refreshMinutes;
  const current = (await services.alarms.get(SYNC_ALARM)) as { periodInMinutes?: number } | undefined;
  if (current?.periodInMinutes !== minutes) await services.alarms.create(SYNC_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
  if (retryMinutes !== undefined) await services.alarms.create(RETRY_ALARM, { delayInMinutes: retryMinutes });
}
