import type { Lang } from '../core/text';
import type { LogDatabase } from '../log/database';
import { recentEvents, type LogRead } from '../log/event-log';
import { pageEvents, type LogRow } from '../log/log-pages';
import { resolveLang } from '../i18n';
import { loadGrant, type HeldGrant } from './grant-store';
import type { PolicyState } from './policy-source';
import { loadSettings, type Settings } from './settings';
import type { Health, Seen } from './seen';
import { readSenderAnswers, type SenderAnswers } from './sender-answers';
import { KEYS, type StorageAreas } from './storage';
import { readSyncStatus, type SyncStatus } from '../sync/sync-status';
import { readSitesStatus, type SitesStatus } from '../sync/sites-status';
import type { KeySource } from './trust';

/** Everything the popup and options pages show, sent in answer to one `get-state`. */
export interface VigieState {
  lang: Lang;
  settings: Settings;
  policy: PolicyState;
  grant: HeldGrant;
  /** The latest events, for the popup; absent when the options page asked for `logPage` instead. */
  recent?: LogRead;
  /**
   * The options page's: the log viewer's first page, newest first, each row checked against the
   * schema here (a corrupt one marked as such): the worker's checks are warm, a page just opened
   * would spend 20 ms of its first render on 200 cold ones.
   */
  logPage?: LogRow[];
  /** What the policy syncs did: source, last sync, problems, whether IT manages the grant. */
  sync: SyncStatus;
  /** Which site fixes are in force and what went wrong with newer ones (lib/sync/sites-sync.ts). */
  sites?: SitesStatus;
  /** Adapters' health reports and the content scripts seen since the browser started (session storage). */
  health: Health;
  seen: Seen;
  /** What the person said each webmail mailbox whose sender is unreadable sends from. */
  senderAnswers?: SenderAnswers;
  /** The background's clock, so the pages judge expiry with the same `now`. */
  now: number;
}

/** How many recent events a page gets: the popup shows 5, the options page all of them. */
export const RECENT_EVENTS = 20;

export async function snapshot(
  ctx: { areas: Pick<StorageAreas, 'local' | 'session'>; db: LogDatabase; keys: KeySource; policy: PolicyState; now: Date },
  uiLanguage: string,
  { logPage }: { logPage?: number } = {},
): Promise<VigieState> {
  // Read together: the page waits for the slowest, not for their sum.
  const [settings, session, grant, events, sync, sites, senderAnswers] = await Promise.all([
    loadSettings(ctx.areas.local),
    ctx.areas.session.get([KEYS.health, KEYS.seen]),
    loadGrant(ctx.areas, ctx.keys, ctx.policy.policy, ctx.now),
    logPage ? pageEvents(ctx.db, {}, 0, logPage) : recentEvents(ctx.db, RECENT_EVENTS),
    readSyncStatus(ctx.areas.local),
    readSitesStatus(ctx.areas.local),
    readSenderAnswers(ctx.areas.local),
  ]);
  return {
    lang: resolveLang(settings.language, uiLanguage),
    settings,
    policy: ctx.policy,
    grant,
    ...(logPage ? { logPage: events as LogRow[] } : { recent: events as LogRead }),
    sync,
    sites,
    health: (session[KEYS.health] ?? {}) as Health,
    seen: (session[KEYS.seen] ?? {}) as Seen,
    senderAnswers,
    now: ctx.now.getTime(),
  };
}
