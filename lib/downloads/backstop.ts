import { originAndPath } from '../core/page-place';
import { logEvent } from '../log/event-log';
import type { Services } from '../state/services';
import { justificationAccepted } from './approval';
import { askPage, tabFor, tellPage, type TabsApi } from './ask-page';
import { ConfigUnread } from './config-hold';
import type { DownloadFacts } from './download-source';
import { judgeDownload, type Judgement } from './judge';
import { clearHeld, markHeld, takeOrphan } from './held';
import { takePass } from './passes';

/** What the browser lets the backstop do with a download it holds (see download-guard.ts). */
export interface Hold {
  /** Lets the download go on: Chrome `suggest()`, Firefox `resume()`. */
  proceed(): void | Promise<void>;
  /** Cancels and erases it; `removed` when the file had already been written and was deleted. */
  stop(): Promise<'cancelled' | 'removed'>;
}

export interface BackstopDeps {
  services: Services;
  tabs: TabsApi;
  /** Any extension API call: keeps the worker up while a person reads the page's dialog. */
  keepAlive: () => void;
  /** How long a download waits for IT's configuration (config-hold.ts; tests shorten it). */
  configHoldMs?: number;
}

/**
 * The downloads backstop: whatever button, link, form, redirect or script started it, a download
 * from a guarded platform is decided by the policy while the browser holds it. Allowed (an export
 * authorization, or a platform the policy does not guard) → it goes on; blocked → cancelled and
 * erased, and the page says why; warned → the page asks the person, and it goes on only with a
 * justification the policy accepts, or a pass from the dialog the click already showed.
 */
export async function runBackstop(item: DownloadFacts, hold: Hold, deps: BackstopDeps): Promise<void> {
  let judgement: Judgement | undefined;
  try {
    judgement = await judgeDownload(item, deps.services, deps.tabs, deps.configHoldMs);
  } catch (error) {
    // The policy could not be read, or IT's configuration still has not been (config-hold.ts): a
    // download that may be a guarded site's does not go ahead on the bundled default alone.
    await hold.stop();
    const detail = error instanceof ConfigUnread ? 'configuration-unread' : 'policy-unreadable';
    await record(deps.services, { time: deps.services.now().getTime(), platform: 'vigie', surface: 'download', action: 'blocked', detail });
    return;
  }
  if (!judgement) return hold.proceed();

  const { decision } = judgement;
  const log = (action: string, extra: { justification?: string; detail?: string } = {}) => logDownload(deps.services, item, judgement, action, extra);
  if (decision.verdict === 'allow' || decision.verdict === 'audit') {
    await hold.proceed();
    return log('decided', decision.authorization ? { detail: `authorization=${decision.authorization.reference}` } : {});
  }
  if (decision.verdict === 'block') {
    const how = await hold.stop();
    await log('decided', how === 'removed' ? { detail: 'removed-after-completion' } : {});
    const tab = await pageTab(deps.tabs, judgement);
    if (tab !== undefined) await tellPage(deps.tabs, tab, { type: 'download-blocked', decision, fileType: judgement.fileType });
    return;
  }

  await log('decided');
  const session = deps.services.areas.session;
  const pass = await takePass(session, judgement.source.platform.id, deps.services.now());
  if (pass) {
    await hold.proceed();
    return log('overridden', { justification: pass.justification, detail: 'approved-in-page' });
  }
  // Held for as long as a person takes to answer: recorded, in case this worker is stopped meanwhile.
  await markHeld(session, item.id, { platform: judgement.source.platform.id, fileType: judgement.fileType });
  const tab = await pageTab(deps.tabs, judgement);
  const answer = tab === undefined
    ? ({ choice: 'unanswered', why: 'no-page' } as const)
    : await askPage(deps.tabs, tab, { type: 'download-held', decision, fileType: judgement.fileType }, deps.keepAlive);
  await clearHeld(session, item.id);
  if (answer.choice === 'override' && justificationAccepted(decision, answer.justification)) {
    await hold.proceed();
    return log('overridden', { justification: answer.justification.trim() });
  }
  await hold.stop();
  await log('cancelled', answer.choice === 'unanswered' ? { detail: answer.why } : {});
}

/**
 * A download held by a worker that was stopped before deciding it (Chrome then lets it go on):
 * when it completes or fails, the next worker deletes what was written, erases it, and logs it.
 */
export async function recoverOrphan(id: number, deps: Pick<BackstopDeps, 'services'>, stop: () => Promise<'cancelled' | 'removed'>): Promise<boolean> {
  const entry = await takeOrphan(deps.services.areas.session, id);
  if (!entry) return false;
  const how = await stop();
  await record(deps.services, {
    time: deps.services.now().getTime(),
    platform: entry.platform,
    surface: 'download',
    action: how === 'removed' ? 'removed' : 'cancelled',
    detail: `type=${entry.fileType} worker-stopped-while-held`,
  });
  return true;
}

async function pageTab(tabs: TabsApi, judgement: Judgement): Promise<number | undefined> {
  return judgement.source.tabId ?? tabFor(tabs, judgement.source.pageUrl);
}

/**
 * One log event for a download: the platform page's origin (and path when it is the referrer, a
 * page; a download URL's path may end in a file named after a person), the file type, never the
 * file's name or content.
 */
async function logDownload(services: Services, item: DownloadFacts, judgement: Judgement, action: string, extra: { justification?: string; detail?: string }): Promise<void> {
  const { source, decision, context, fileType } = judgement;
  const place = source.pageUrl === item.referrer ? originAndPath(source.pageUrl) : { origin: originAndPath(source.pageUrl).origin };
  const detail = [`type=${fileType}`, source.attributed ? `from=${source.attributed}` : undefined, extra.detail].filter(Boolean).join(' ');
  await record(services, {
    time: services.now().getTime(),
    platform: source.platform.id,
    surface: 'download',
    action,
    verdict: decision.verdict,
    ruleIds: decision.reasons.map((r) => r.ruleId),
    clauses: decision.clauses,
    ...place,
    justification: extra.justification,
    detail,
    policyId: context.policy.id,
    policyVersion: context.policy.version,
    grantId: context.grant?.id,
  });
}

/** A log failure must never change what happens to the download. */
async function record(services: Services, event: Record<string, unknown>): Promise<void> {
  await logEvent(services.db, event).catch(() => undefined);
}
