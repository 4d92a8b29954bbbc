/** Alarm that refreshes the policy every `policy.sync.refreshMinutes`. */
export const SYNC_ALARM = 'vigie:policy-sync';
/** One-shot alarm that retries sooner after a failed fetch. */
export const RETRY_ALARM = 'vigie:policy-retry';

/** The first retry after a failure; Chrome runs alarms no more often than every 30 seconds anyway. */
const FIRST_RETRY_MINUTES = 1;

/**
 * Minutes to wait before retrying after `failures` consecutive failed fetches: 1, 2, 4, 8… and
 * never longer than the normal refresh interval, so a failing server is not hammered and a
 * recovered one is picked up soon.
 */
export function retryDelayMinutes(failures: number, refreshMinutes: number): number {
  if (failures <= 0) return refreshMinutes;
  return Math.min(refreshMinutes, FIRST_RETRY_MINUTES * 2 ** Math.min(failures - 1, 20));
}
