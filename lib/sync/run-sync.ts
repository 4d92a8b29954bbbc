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
import { managedPolicyId, MANAGED_SYNC_WAIT_MS, readManagedConfig, type ManagedConfig } from './managed-config';
import { pinsAfter, policyPins, readAcceptedPins } from './pins';
import { syncSitePack } from './sites-sync';
import { readSyncStatus, type RemoteSource, type SyncProblem, type SyncStatus } from './sync-status';
import { logOutcome } from './sync-log';

const MINUTE_MS = 60_000;

/** One sync at a time in this worker. */
let inFlight: Promise<SyncStatus> | undefined;
/** A trigger that came while one ran (IT changed its configuration meanwhile): one more run after it. */
let again: Promise<SyncStatus> | undefined;

/**
 * Brings the policy (and IT's grant) up to date from IT's configuration and the policy URL, keeps
 * the last good policy when what arrives is refused, records what happened for the popup, logs
 * what changed, and schedules the next sync (sooner, with backoff, after a failure). Writing the
 * accepted policy to storage.local is what makes open tabs pick it up (lib/guard/session.ts).
 */
export function syncPolicy(services: Services, { afterChange = false } = {}): Promise<SyncStatus> {
  if (!inFlight) {
    inFlight = runSync(services).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }
  // Another trigger (an alarm, the popup) shares the running sync. IT's configuration changing
  // (`afterChange`) does not: the running sync may have read it before the change, so one more
  // run follows it; changes that pile up meanwhile share that one extra run.
  if (!afterChange) return again ?? inFlight;
  again ??= inFlight
    .catch(() => undefined)
    .then(() => {
      again = undefined;
      return syncPolicy(services);
    });
  return again;
}

/** The sync running now, or a new one: for a reader that needs IT's configuration read, not a fresh fetch. */
export function currentSync(services: Services): Promise<SyncStatus> {
  return inFlight ?? syncPolicy(services);
}

async function runSync(services: Services): Promise<SyncStatus> {
  const now = services.now();
  const before = await readSyncStatus(services.areas.local);
  const config = await readManagedConfig(services.areas.managed, {
    // Still waiting for the browser: say so (the popup shows it), and have an alarm look again in a
    // minute should this worker be stopped meanwhile. The read itself goes on until it answers.
    onLate: async () => {
      await services.areas.local.set({ [KEYS.sync]: { ...before, lastAttempt: now.getTime(), problems: [{ source: 'managed', code: 'managed-late' }] } satisfies SyncStatus });
      await services.alarms.create(RETRY_ALARM, { delayInMinutes: 1 });
    },
  });
  const keys = await trustedKeys(services.areas, MANAGED_SYNC_WAIT_MS);
  const held = await loadPolicy(services.areas, async () => keys);
  const accepted0 = await readAcceptedPins(services.areas.local);
  const pins = policyPins(accepted0, managedPolicyId(config));
  const floor = { ...(held.source === 'default' ? BUNDLED_FLOOR : { id: held.policy.id, version: held.policy.version }), pins };

  const { candidates, problems, configured, url } = await gather(config, services.fetch ?? globalThis.fetch.bind(globalThis));
  const choice = await choosePolicy(candidates, keys, floor);
  problems.push(...choice.refused);
  const accepted = choice.accepted;
  const policy = accepted?.verified.policy ?? held.policy;
  const changed = accepted !== undefined && !(await holds(services, accepted.verified.envelope));

  const grant = await applyManagedGrant(config.signedGrant, {
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
  // The id accepted is pinned for its organisation from now on (or moved where IT named another).
  const pinned = accepted ? pinsAfter(accepted0, accepted.verified.policy) : undefined;
  // One write: a reader never sees the new policy with the old record or pins, or the reverse.
  await services.areas.local.set({
    ...(changed ? { [KEYS.policy]: accepted.verified.envelope } : {}),
    ...(pinned ? { [KEYS.policyPins]: pinned } : {}),
    [KEYS.sync]: status,
  });
  // Downloads started before IT's configuration was read wait for this (lib/downloads/config-hold.ts).
  await services.areas.session.set({ [KEYS.configRead]: services.now().getTime() });

  await logOutcome(services, { held, policy, changed, accepted: accepted?.source, before, problems, keys, now });
  await syncSitePack(services, config, keys, policy);
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
