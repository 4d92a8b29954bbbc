import { purgeExpired } from '../log/event-log';
import { RETRY_ALARM, SYNC_ALARM } from '../sync/backoff';
import { syncPolicy } from '../sync/run-sync';
import { loadPolicy } from './policy-source';
import type { Services } from './services';
import { keySource } from './trust';

export const RETENTION_ALARM = 'vigie:retention';

/**
 * On install and browser start: sync the policy (which also schedules the next syncs), purge the
 * log, and make sure the daily purge is scheduled.
 */
export async function onStart(services: Services): Promise<void> {
  if (!(await services.alarms.get(RETENTION_ALARM))) {
    await services.alarms.create(RETENTION_ALARM, { delayInMinutes: 24 * 60, periodInMinutes: 24 * 60 });
  }
  await syncPolicy(services);
  await purgeLog(services);
}

export async function onAlarm(name: string, services: Services): Promise<void> {
  if (name === RETENTION_ALARM) await purgeLog(services);
  if (name === SYNC_ALARM || name === RETRY_ALARM) await syncPolicy(services);
}

/** IT changed the extension's managed configuration while the browser runs. */
export async function onStorageChanged(area: string, services: Services): Promise<void> {
  if (area === 'managed') await syncPolicy(services, { afterChange: true });
}

/** Deletes events older than the retention of the policy in force. */
export async function purgeLog(services: Services): Promise<number> {
  const { policy } = await loadPolicy(services.areas, keySource(services.areas));
  return purgeExpired(services.db, policy.log.retentionDays, services.now());
}
