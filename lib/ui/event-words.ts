import type { VigieEvent } from '../core/event';
import type { Policy } from '../core/policy';
import { SignatureRefusal, type RefusalCode } from '../core/signature';
import type { Lang } from '../core/text';
import { formatDateTime, t, type MessageKey } from '../i18n';
import { SyncProblem } from '../sync/sync-status';
import { problemText } from './policy-view';
import { sitesEventText } from './sites-view';

const SURFACES: Record<VigieEvent['surface'], MessageKey | undefined> = {
  download: 'surfaceDownload',
  'export-click': 'surfaceExportClick',
  copy: 'surfaceCopy',
  print: 'surfacePrint',
  send: 'surfaceSend',
  share: 'surfaceShare',
  publish: 'surfacePublish',
  health: 'surfaceHealth',
  report: 'surfaceReport',
  grant: undefined,
  policy: undefined,
};

const VERDICTS: Record<NonNullable<VigieEvent['verdict']>, MessageKey> = {
  allow: 'verdictAllow',
  audit: 'verdictAudit',
  warn: 'verdictWarn',
  block: 'verdictBlock',
};

const ACTIONS: Record<string, MessageKey> = {
  overridden: 'actionOverridden',
  cancelled: 'actionCancelled',
  fixed: 'actionFixed',
  inserted: 'actionInserted',
  removed: 'actionRemoved',
  checked: 'actionChecked',
  blocked: 'actionBlocked',
  blanked: 'actionBlanked',
};

/** Every refusal code, checked complete by the compiler: a `grant-refused` event carries one in `detail`. */
const REFUSAL_CODES: Record<RefusalCode, true> = {
  malformed: true,
  'wrong-kind': true,
  invalid: true,
  'unknown-key': true,
  'bad-signature': true,
  expired: true,
  'not-yet-valid': true,
  revoked: true,
  'wrong-organisation': true,
  rollback: true,
  'other-policy': true,
};

export interface EventLine {
  id: number;
  /** ISO 8601, for `<time datetime>`. */
  iso: string;
  when: string;
  text: string;
}

/**
 * One log event in plain words: "Action Network — export: blocked", "Access grant imported".
 * `withPlatform: false` leaves the platform out, for a table that has a column for it.
 */
export function describeEvent(event: VigieEvent & { id: number }, policy: Policy, lang: Lang, { withPlatform = true } = {}): EventLine {
  return { id: event.id, iso: new Date(event.time).toISOString(), when: formatDateTime(lang, event.time), text: eventText(event, policy, lang, withPlatform) };
}

/** The event's words alone (the CSV has its own time column): "Action Network — export: blocked". */
export function eventText(event: VigieEvent, policy: Policy, lang: Lang, withPlatform = true): string {
  const vigie = vigieEventText(event, lang);
  if (vigie !== undefined) return event.detail === 'managed' ? t(lang, 'eventGrantManaged', { what: vigie }) : vigie;
  const platform = platformName(policy, event.platform, lang);
  if (event.surface === 'health' && (event.action === 'ok' || event.action === 'degraded')) {
    const text = t(lang, event.action === 'ok' ? 'eventHealthOk' : 'eventHealthDegraded', { platform });
    return withPlatform ? text : capitalise(text.slice(text.indexOf(' — ') + 3));
  }
  const surfaceKey = SURFACES[event.surface];
  const actionKey = ACTIONS[event.action];
  const what =
    event.action === 'decided' && event.verdict ? t(lang, VERDICTS[event.verdict]) : actionKey ? t(lang, actionKey) : event.action;
  const surface = surfaceKey ? t(lang, surfaceKey) : event.surface;
  return withPlatform ? t(lang, 'eventLine', { platform, surface, what }) : capitalise(t(lang, 'eventLineShort', { surface, what }));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Vigie's own events (grant, policy, report), or `undefined` for a decision on a platform. */
function vigieEventText(event: VigieEvent, lang: Lang): string | undefined {
  switch (event.action) {
    case 'grant-imported':
      return t(lang, 'eventGrantImported');
    case 'grant-removed':
      return t(lang, 'eventGrantRemoved');
    case 'grant-refused':
      return t(lang, 'eventGrantRefused', { reason: refusalReason(event.detail, lang) });
    case 'grant-revoked':
      return t(lang, 'eventGrantRevoked');
    case 'policy-updated':
      return t(lang, 'eventPolicyUpdated', { version: event.policyVersion ?? '?' });
    case 'policy-refused':
      return t(lang, 'eventPolicyRefused', { reason: syncReason(event.detail, lang) });
    case 'sync-failed':
      return t(lang, 'eventSyncFailed', { reason: syncReason(event.detail, lang) });
    case 'reported':
      return t(lang, 'eventReported');
    default:
      return sitesEventText(event.action, event.detail, lang);
  }
}

/** A sync event's detail (`url bad-signature v3`, `url http-error HTTP 404`) in plain words. */
function syncReason(detail: string | undefined, lang: Lang): string {
  const match = /^(managed|url) ([a-z-]+)(?: v(\d+))?(?: HTTP (\d+))?$/.exec(detail ?? '');
  const problem = SyncProblem.safeParse(match && { source: match[1], code: match[2], version: match[3] && Number(match[3]), status: match[4] && Number(match[4]) });
  return problem.success ? problemText(problem.data, lang) : (detail ?? '?');
}

export function platformName(policy: Policy, id: string, lang: Lang): string {
  if (id === 'vigie') return 'Vigie';
  return policy.platforms.find((p) => p.id === id)?.name[lang] ?? id;
}

function refusalReason(detail: string | undefined, lang: Lang): string {
  if (detail === undefined || !Object.hasOwn(REFUSAL_CODES, detail)) return detail ?? '?';
  return new SignatureRefusal(detail as RefusalCode).text[lang];
}
