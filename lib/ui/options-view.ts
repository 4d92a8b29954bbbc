import type { Lang } from '../core/text';
import { t } from '../i18n';
import type { LogRead } from '../log/event-log';
import type { ImportReply, Rejected } from '../messaging/protocol';
import type { LanguageSetting } from '../state/settings';
import type { VigieState } from '../state/snapshot';
import { describeEvent, platformName, type EventLine } from './event-words';
import { policyView, type PolicyView } from './policy-view';
import { grantStatusText, sectionLabel } from './scope-view';

export interface OptionsView {
  lang: Lang;
  title: string;
  grantHeading: string;
  /** One line on the grant held: holder and section, or why there is none. */
  currentGrant: string;
  /** IT manages the grant: no import, no removal, and this says why. */
  managedGrant?: string;
  canRemove: boolean;
  removeButton: string;
  textLabel: string;
  textHelp: string;
  fileLabel: string;
  importButton: string;
  importEmpty: string;
  importUnreadable: string;
  languageHeading: string;
  languageLabel: string;
  language: LanguageSetting;
  languageOptions: Array<{ value: LanguageSetting; label: string }>;
  policy: PolicyView;
  policyHeading: string;
  logHeading: string;
  logNote: string;
  filters: LogFilterView;
  exportCsv: string;
}

export interface LogFilterView {
  platformLabel: string;
  platforms: Array<{ value: string; label: string }>;
  verdictLabel: string;
  verdicts: Array<{ value: string; label: string }>;
  fromLabel: string;
  toLabel: string;
  apply: string;
  reset: string;
  columns: { time: string; platform: string; event: string; clauses: string };
}

/** Rows the log table shows at most; the CSV export has them all. */
export const LOG_TABLE_ROWS = 200;

export function optionsView(state: VigieState): OptionsView {
  const { lang } = state;
  const { policy } = state.policy;
  return {
    lang,
    title: t(lang, 'optionsTitle'),
    grantHeading: t(lang, 'grantHeading'),
    currentGrant: currentGrant(state),
    managedGrant: state.sync.grantManaged ? t(lang, 'grantManagedImport') : undefined,
    canRemove: state.grant.state !== 'missing' && !state.sync.grantManaged,
    removeButton: t(lang, 'removeButton'),
    textLabel: t(lang, 'grantTextLabel'),
    textHelp: t(lang, 'grantTextHelp', { contact: policy.contacts.privacyOfficer.title[lang] }),
    fileLabel: t(lang, 'grantFileLabel'),
    importButton: t(lang, 'importButton'),
    importEmpty: t(lang, 'importEmpty'),
    importUnreadable: t(lang, 'importUnreadable'),
    languageHeading: t(lang, 'languageHeading'),
    languageLabel: t(lang, 'languageLabel'),
    language: state.settings.language,
    languageOptions: [
      { value: 'auto', label: t(lang, 'languageAuto') },
      { value: 'fr', label: t(lang, 'languageFrench') },
      { value: 'en', label: t(lang, 'languageEnglish') },
    ],
    policy: policyView(state, lang),
    policyHeading: t(lang, 'policySectionHeading'),
    logHeading: t(lang, 'logHeading'),
    logNote: t(lang, 'logNoMemberData'),
    filters: filterView(state),
    exportCsv: t(lang, 'exportCsv'),
  };
}

function filterView(state: VigieState): LogFilterView {
  const { lang } = state;
  const { policy } = state.policy;
  const all = { value: '', label: t(lang, 'filterAll') };
  return {
    platformLabel: t(lang, 'filterPlatform'),
    platforms: [all, ...[...policy.platforms.map((p) => p.id), 'vigie'].map((id) => ({ value: id, label: platformName(policy, id, lang) }))],
    verdictLabel: t(lang, 'filterVerdict'),
    verdicts: [all, ...(['block', 'warn', 'audit', 'allow'] as const).map((v) => ({ value: v, label: t(lang, VERDICT_KEYS[v]) }))],
    fromLabel: t(lang, 'filterFrom'),
    toLabel: t(lang, 'filterTo'),
    apply: t(lang, 'filterApply'),
    reset: t(lang, 'filterReset'),
    columns: { time: t(lang, 'colTime'), platform: t(lang, 'colPlatform'), event: t(lang, 'colEvent'), clauses: t(lang, 'colClauses') },
  };
}

const VERDICT_KEYS = { allow: 'verdictAllow', audit: 'verdictAudit', warn: 'verdictWarn', block: 'verdictBlock' } as const;

export interface LogRow extends EventLine {
  platform: string;
  clauses: string;
  verdict?: string;
}

export interface LogTableView {
  rows: LogRow[];
  /** "12 event(s)", or "showing 200 of 3 000". */
  count: string;
  empty?: string;
  skipped?: string;
}

/** The log table for the events a query returned (newest first). */
export function logTableView(log: LogRead, state: VigieState): LogTableView {
  const { lang } = state;
  const { policy } = state.policy;
  const rows = log.events.slice(0, LOG_TABLE_ROWS).map((e) => ({
    ...describeEvent(e, policy, lang, { withPlatform: false }),
    platform: platformName(policy, e.platform, lang),
    clauses: e.clauses.join(', '),
    verdict: e.verdict,
  }));
  const total = log.events.length;
  return {
    rows,
    count: total > rows.length ? t(lang, 'logShowing', { shown: rows.length, count: total }) : t(lang, 'logCount', { count: total }),
    empty: total === 0 ? t(lang, 'noEvents') : undefined,
    skipped: log.skipped > 0 ? t(lang, 'eventsSkipped', { count: log.skipped }) : undefined,
  };
}

/**
 * The query for the filters as typed: dates are whole local days, `to` included. An empty field
 * means no bound on it.
 */
export function logQuery(filters: { platform: string; verdict: string; from: string; to: string }): {
  platform?: string;
  verdict?: 'allow' | 'audit' | 'warn' | 'block';
  from?: number;
  to?: number;
} {
  const verdict = (['allow', 'audit', 'warn', 'block'] as const).find((v) => v === filters.verdict);
  const from = localDay(filters.from);
  const to = localDay(filters.to);
  return {
    ...(filters.platform ? { platform: filters.platform } : {}),
    ...(verdict ? { verdict } : {}),
    ...(from ? { from: from.start } : {}),
    ...(to ? { to: to.end } : {}),
  };
}

/** A `YYYY-MM-DD` date input's value as the local day's first and last millisecond. */
function localDay(value: string): { start: number; end: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  const next = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).getTime();
  return { start, end: next - 1 };
}

function currentGrant(state: VigieState): string {
  const { lang, grant: held } = state;
  if (held.state === 'missing') return t(lang, 'noGrant');
  if (held.state === 'unverifiable') return t(lang, 'grantUnverifiable', { reason: held.text[lang] });
  const line = t(lang, 'currentGrant', { holder: held.grant.holder.name, section: sectionLabel(held.grant, lang) });
  return held.status === 'valid' ? line : `${line} (${grantStatusText(held.grant, held.status, lang)})`;
}

/** What to tell the person after an import: the holder's name, or the refusal in their language. */
export function importOutcome(reply: ImportReply | Rejected, lang: Lang): { ok: boolean; text: string } {
  if (reply.ok) return { ok: true, text: t(lang, 'imported', { holder: reply.holder }) };
  if (reply.error === 'refused') return { ok: false, text: reply.text[lang] };
  if (reply.error === 'managed') return { ok: false, text: t(lang, 'grantManagedImport') };
  if (reply.error === 'bad-message') return { ok: false, text: t(lang, 'importUnreadable') };
  return { ok: false, text: t(lang, 'notResponding') };
}
