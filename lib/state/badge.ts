import { t } from '../i18n';
import { statusView, type StatusLevel } from '../ui/status-view';
import { loadPolicy } from './policy-source';
import type { Services } from './services';
import { snapshot } from './snapshot';
import { keySource, MANAGED_WAIT_MS } from './trust';

/** The toolbar button's badge, as the browser's `action` API takes it. */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

export const BADGE: Record<StatusLevel, { text: string; color: string; title: 'badgeOk' | 'badgeAmber' | 'badgeRed' }> = {
  red: { text: '!', color: '#b3261e', title: 'badgeRed' },
  amber: { text: '!', color: '#a15c00', title: 'badgeAmber' },
  ok: { text: '', color: '#1b6e2a', title: 'badgeOk' },
};

/**
 * Sets the toolbar badge from the same status the popup opens with: red when no access is in
 * force (none, expired, revoked, task ended), amber when a platform is degraded or cannot show the
 * sending account, the policy could not be updated, or a self-hosted platform is not enabled yet;
 * no badge when all is well. The
 * title says it in words, for those who cannot tell the colours apart.
 */
export async function refreshBadge(services: Services, action: BadgeApi, granted: () => Promise<readonly string[]>): Promise<StatusLevel> {
  const keys = keySource(services.areas, MANAGED_WAIT_MS);
  const policy = await loadPolicy(services.areas, keys);
  const state = await snapshot({ areas: services.areas, db: services.db, keys, policy, now: services.now() }, services.uiLanguage());
  const level = statusView(state, await granted()).level;
  const badge = BADGE[level];
  await action.setBadgeText({ text: badge.text });
  await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setTitle({ title: t(state.lang, badge.title) });
  return level;
}

/**
 * A `refreshBadge` to call on every change, run one at a time: a refresh started later can finish
 * sooner (each waits up to MANAGED_WAIT_MS for managed storage, which may answer in between), and
 * an older state painted last would stay, e.g. red after a grant was imported. Changes arriving
 * while one runs share one more run after it, which reads the state as it is by then.
 */
export function badgeRefresher(run: () => Promise<unknown>, onError: (error: unknown) => void): () => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  let queued = false;
  return () => {
    if (queued) return chain;
    queued = true;
    chain = chain.then(() => {
      queued = false;
      return run().then(() => undefined, onError);
    });
    return chain;
  };
}
