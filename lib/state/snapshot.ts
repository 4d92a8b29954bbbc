import type { Lang } from '../core/text';
import type { LogDatabase } from '../log/database';
import { recentEvents, type LogRead } from '../log/event-log';
import { resolveLang } from '../i18n';
import { loadGrant, type HeldGrant } from './grant-store';
import type { PolicyState } from './policy-source';
import { loadSettings, type Settings } from './settings';
import type { StorageAreas } from './storage';
import type { KeySource } from './trust';

/** Everything the popup and options pages show, sent in answer to one `get-state`. */
export interface VigieState {
  lang: Lang;
  settings: Settings;
  policy: PolicyState;
  grant: HeldGrant;
  recent: LogRead;
  /** The background's clock, so the pages judge expiry with the same `now`. */
  now: number;
}

/** How many recent events a page gets: the popup shows 5, the options page all of them. */
export const RECENT_EVENTS = 20;

export async function snapshot(
  ctx: { areas: Pick<StorageAreas, 'local'>; db: LogDatabase; keys: KeySource; policy: PolicyState; now: Date },
  uiLanguage: string,
): Promise<VigieState> {
  const settings = await loadSettings(ctx.areas.local);
  return {
    lang: resolveLang(settings.language, uiLanguage),
    settings,
    policy: ctx.policy,
    grant: await loadGrant(ctx.areas, ctx.keys, ctx.policy.policy, ctx.now),
    recent: await recentEvents(ctx.db, RECENT_EVENTS),
    now: ctx.now.getTime(),
  };
}
