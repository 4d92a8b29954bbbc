import type { Lang } from '../core/text';
import { citationHeading, citationOf, t } from '../i18n';
import type { VigieState } from '../state/snapshot';
import { describeEvent, type EventLine } from './event-words';
import { healthView, type HealthLine } from './health-view';
import { policyView, type PolicyView } from './policy-view';
import { scopeView, type ScopeView } from './scope-view';
import { statusView, type StatusView } from './status-view';
import { senderAnswersView, type SenderAnswersView } from './sender-answers-view';

export interface PopupView {
  lang: Lang;
  /** First: one sentence of what the person may do, then the problems with their buttons. */
  status: StatusView;
  /** The policy, sync and platform health, folded for IT. */
  itDetails: string;
  scopeHeading: string;
  /** The details of the grant held; none when no grant is recorded (the opening sentence says it all). */
  scope?: ScopeView;
  /** IT provides the grant. */
  grantNote?: string;
  policy: PolicyView;
  healthHeading: string;
  health: HealthLine[];
  report: { heading: string; help: string; button: string };
  openOptions: string;
  eventsHeading: string;
  events: EventLine[];
  /** Shown instead of the list when there is nothing to list. */
  noEvents?: string;
  eventsSkipped?: string;
  remindersHeading: string;
  reminders: Array<{ clause: string; text: string }>;
  /** What the person said webmail mailboxes whose sender is unreadable send from; each can be forgotten. */
  senderAnswers: SenderAnswersView;
}

/** How many events the popup lists. */
export const POPUP_EVENTS = 5;

/** Everything the popup shows, in its language, computed from one `get-state` reply. */
export function popupView(state: VigieState, granted: readonly string[] = []): PopupView {
  const { lang } = state;
  const { policy } = state.policy;
  const events = (state.recent?.events ?? []).slice(0, POPUP_EVENTS).map((e) => describeEvent(e, policy, lang));
  return {
    lang,
    status: statusView(state, granted),
    itDetails: t(lang, 'itDetails'),
    scopeHeading: t(lang, 'scopeHeading'),
    scope: scopeView(state.grant, policy, lang, new Date(state.now)),
    grantNote: state.sync.grantManaged ? t(lang, 'grantManagedNote') : undefined,
    policy: policyView(state, lang),
    healthHeading: t(lang, 'healthHeading'),
    health: healthView(policy, state.health, state.seen, lang),
    report: {
      heading: t(lang, 'reportHeading'),
      help: t(lang, 'reportHelp', { citation: citationOf(policy, policy.contacts.incidentReporting.clause, lang) }),
      button: t(lang, 'reportButton'),
    },
    openOptions: t(lang, 'openOptions'),
    eventsHeading: t(lang, 'eventsHeading'),
    events,
    noEvents: events.length === 0 ? t(lang, 'noEvents') : undefined,
    eventsSkipped: (state.recent?.skipped ?? 0) > 0 ? t(lang, 'eventsSkipped', { count: state.recent!.skipped }) : undefined,
    remindersHeading: t(lang, 'remindersHeading'),
    reminders: policy.reminders.map((r) => ({ clause: citationHeading(policy, r.clause, lang), text: r.text[lang] })),
    senderAnswers: senderAnswersView(state.senderAnswers ?? {}, lang),
  };
}
