import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { decide, type Action, type Decision } from '../core/decide';
import type { VigieEventInput } from '../core/event';
import { originAndPath } from '../core/page-place';
import { sendToBackground } from '../messaging/client';
import { browser, type Browser } from '../messaging/content-browser';
import { setActiveSitePack } from '../platforms/site-lookups';
import type { GuardContext } from './context-types';
import { logOutbox } from './log-outbox';

/** Storage keys whose change means the policy, the grant or the language changed, or a sync ran. */
const WATCHED = [
  'vigie:policy',
  'vigie:grant',
  'vigie:settings',
  // Written by every policy sync. The first sync after the browser starts is the first moment IT's
  // trusted keys are surely readable (Chromium hands managed storage over seconds late), so a tab
  // restored at start-up, told then that its grant was unverifiable, asks again.
  'vigie:sync',
  // A signed site pack: the adapters read their selectors from the new one at their next lookup.
  'vigie:sites',
];

export type GuardEvent = Omit<VigieEventInput, 'time' | 'platform' | 'policyId' | 'policyVersion' | 'origin' | 'path'> & { surface: Exclude<VigieEventInput['surface'], 'grant' | 'policy'> };

/**
 * A content script's view of the policy: fetched once from the background, refreshed when the
 * policy, grant, language or site pack changes in storage (so a new policy or site fix reaches
 * open tabs without a reload), and gone with the script's lifetime. Decisions are taken locally,
 * synchronously, so a compliant action is never held up by a round trip.
 */
export class GuardSession {
  private context: GuardContext | undefined;
  private loading: Promise<GuardContext | undefined>;
  private readonly refreshed = new Set<() => void>();

  private constructor(private readonly lifetime: ContentScriptContext) {
    this.loading = this.refresh();
  }

  static start(lifetime: ContentScriptContext): GuardSession {
    const session = new GuardSession(lifetime);
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string): void => {
      if (area === 'local' && WATCHED.some((key) => key in changes)) session.loading = session.refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    lifetime.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
    return session;
  }

  /** The context if it has arrived; `undefined` in the first milliseconds of the script. */
  get current(): GuardContext | undefined {
    return this.context;
  }

  /**
   * Calls `listener` each time a new context has arrived (policy, grant, language or site pack
   * changed), e.g. to look for composes again with a new site pack. It lives as long as the session.
   */
  onRefresh(listener: () => void): void {
    this.refreshed.add(listener);
  }

  /** Waits for the context (after a change, for the new one). */
  ready(): Promise<GuardContext | undefined> {
    return this.loading;
  }

  /** Decides an action on this page with the context held; `undefined` before it arrives. */
  decide(action: Omit<Action, 'platform'>, now = new Date()): Decision | undefined {
    const ctx = this.context;
    return ctx && decide({ ...action, platform: ctx.platform }, ctx.policy, ctx.grant, now);
  }

  /** Logs an event for this page: only the origin and path of its address, never its content. */
  async log(event: GuardEvent): Promise<void> {
    if (this.lifetime.isInvalid) return;
    // A blank frame or pop-up a platform page made (about:blank, about:srcdoc) is logged as that page's origin.
    const place = originAndPath(location.protocol === 'about:' ? `${location.origin}/` : location.href);
    await logOutbox().add({ ...event, ruleIds: event.ruleIds ?? [], clauses: event.clauses ?? [], findings: event.findings ?? [], ...place, grantId: event.grantId ?? this.context?.grant?.id });
  }

  /**
   * Reports that an adapter could (ok) or could not (degraded) find what it knows is on the page,
   * or found everything but the sending account (sender-unknown, for webmail).
   */
  async health(status: 'ok' | 'degraded' | 'sender-unknown', detail: string): Promise<void> {
    await this.log({ surface: 'health', action: status, detail });
  }

  private async refresh(): Promise<GuardContext | undefined> {
    if (this.lifetime.isInvalid) return this.context;
    try {
      const reply = await sendToBackground({ type: 'get-context' });
      if (reply.ok) {
        this.context = reply.context;
        setActiveSitePack(reply.context.sites);
        for (const listener of this.refreshed) listener();
      }
    } catch {
      // The extension was reloaded under this page: keep the last context until the script dies.
    }
    return this.context;
  }
}

/** The event fields that describe a decision, for `GuardSession.log`. */
export function decisionFields(decision: Decision): Pick<GuardEvent, 'verdict' | 'ruleIds' | 'clauses'> {
  return { verdict: decision.verdict, ruleIds: decision.reasons.map((r) => r.ruleId), clauses: decision.clauses };
}
