import type { Lang } from '../core/text';
import { t } from '../i18n';
import type { VigieState } from '../state/snapshot';
import { describeEvent, type EventLine } from './event-words';
import { scopeView, type Row, type ScopeView } from './scope-view';

export interface PopupView {
  lang: Lang;
  policyHeading: string;
  policyRows: Row[];
  policyWarning?: string;
  scopeHeading: string;
  scope: ScopeView;
  openOptions: string;
  eventsHeading: string;
  events: EventLine[];
  /** Shown instead of the list when there is nothing to list. */
  noEvents?: string;
  eventsSkipped?: string;
  remindersHeading: string;
  reminders: Array<{ clause: string; text: string }>;
}

/** How many events the popup lists. */
export const POPUP_EVENTS = 5;

/** Everything the popup shows, in its language, computed from one `get-state` reply. */
export function popupView(state: VigieState): PopupView {
  const { lang } = state;
  const { policy, source, refused } = state.policy;
  const events = state.recent.events.slice(0, POPUP_EVENTS).map((e) => describeEvent(e, policy, lang));
  return {
    lang,
    policyHeading: t(lang, 'policyHeading'),
    policyRows: [
      { term: t(lang, 'organisation'), value: policy.organisation.shortName[lang] },
      { term: t(lang, 'version'), value: String(policy.version) },
      { term: t(lang, 'source'), value: t(lang, source === 'signed' ? 'sourceSigned' : 'sourceDefault') },
    ],
    policyWarning: refused ? t(lang, 'policyRefused', { reason: refused.text[lang] }) : undefined,
    scopeHeading: t(lang, 'scopeHeading'),
    scope: scopeView(state.grant, policy, lang, new Date(state.now)),
    openOptions: t(lang, 'openOptions'),
    eventsHeading: t(lang, 'eventsHeading'),
    events,
    noEvents: events.length === 0 ? t(lang, 'noEvents') : undefined,
    eventsSkipped: state.recent.skipped > 0 ? t(lang, 'eventsSkipped', { count: state.recent.skipped }) : undefined,
    remindersHeading: t(lang, 'remindersHeading'),
    reminders: policy.reminders.map((r) => ({ clause: t(lang, 'clause', { clause: r.clause }), text: r.text[lang] })),
  };
}
