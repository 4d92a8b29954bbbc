import type { Services } from '../state/services';
import { KEYS, readKey } from '../state/storage';
import { currentSync } from '../sync/run-sync';

/**
 * How long a download that starts before IT's configuration has been read this browser session
 * waits for it. Chromium hands managed storage over 3 to 8 s after start, and the sync then fetches
 * the policy URL (up to 15 s): 45 s covers both with room. The browser holds the download meanwhile
 * (Chrome in `onDeterminingFilename`, Firefox paused), so nothing is written while it waits.
 */
export const CONFIG_HOLD_MS = 45_000;

/**
 * Whether IT's configuration has been read by a sync of this browser session (a flag in session
 * storage, so a restarted worker knows); if not, waits for the sync running now (or starts one),
 * at most `limitMs`. `false`: still not read, and the download must not be judged by the bundled
 * default alone, which does not know the organisation's own hosts.
 */
export async function configRead(services: Services, limitMs = CONFIG_HOLD_MS): Promise<boolean> {
  if ((await readKey(services.areas.session, KEYS.configRead)) !== undefined) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), limitMs)));
  try {
    return await Promise.race([currentSync(services).then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Thrown by the judge: the download is cancelled, not judged by the bundled default alone. */
export class ConfigUnread extends Error {
  override name = 'ConfigUnread';
}
