import { t } from '../i18n';
import type { LogRead } from '../log/event-log';
import type { LogQuery } from '../messaging/protocol';
import type { VigieState } from '../state/snapshot';
import { describeEvent, platformName, type EventLine } from './event-words';

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

export function filterView(state: VigieState): LogFilterView {
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
export function logQuery(filters: { platform: string; verdict: string; from: string; to: string }): LogQuery {
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
