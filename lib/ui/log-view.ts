import { formatNumber, t } from '../i18n';
import type { LogRow as StoredRow } from '../log/log-pages';
import { LOG_PAGE_ROWS } from '../log/page-size';
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

/** Rows the log table shows a page; the CSV export has them all. */
export const LOG_TABLE_ROWS = LOG_PAGE_ROWS;

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
  /** An entry that failed the schema: shown in its place, never dropped from the log. */
  corrupt?: boolean;
}

export interface LogTableView {
  rows: LogRow[];
  /** "Events: 12", "Events 201 to 400 of 100 000", or "Events 1 to 200 of … (counting)" until counted. */
  count: string;
  empty?: string;
  /** More than one page: the page links are shown. */
  paged: boolean;
  /** Offsets of the neighbouring pages, absent at either end (`last` also while counting). */
  previous?: number;
  next?: number;
  last?: number;
}

/**
 * One page of the log table: `rows` (newest first) start at `offset` among `total` matches. The
 * total is `undefined` while it is being counted (a full count reads the whole index: about a
 * second at 100 000 events), so the page shows at once and says so; "Oldest" waits for the count.
 */
export function logTableView(rows: readonly StoredRow[], offset: number, total: number | undefined, state: VigieState): LogTableView {
  const { lang } = state;
  const { policy } = state.policy;
  const shown = rows.map((r): LogRow => {
    if (!r.ok) return { id: r.id, iso: '', when: '', text: t(lang, 'logCorruptRow', { id: r.id }), platform: '', clauses: '', corrupt: true };
    const e = r.event;
    return { ...describeEvent(e, policy, lang, { withPlatform: false }), platform: platformName(policy, e.platform, lang), clauses: e.clauses.join(', '), verdict: e.verdict };
  });
  const number = (n: number) => formatNumber(lang, n);
  const range = { first: number(offset + 1), last: number(offset + shown.length) };
  if (total === undefined) {
    const full = shown.length === LOG_TABLE_ROWS;
    return {
      rows: shown,
      count: offset === 0 && !full ? t(lang, 'logCount', { count: shown.length }) : t(lang, 'logRangeCounting', range),
      empty: offset === 0 && shown.length === 0 ? t(lang, 'noEvents') : undefined,
      previous: offset > 0 ? Math.max(0, offset - LOG_TABLE_ROWS) : undefined,
      next: full ? offset + LOG_TABLE_ROWS : undefined,
      paged: full || offset > 0,
    };
  }
  const paged = total > LOG_TABLE_ROWS;
  const lastPage = Math.max(0, Math.floor((total - 1) / LOG_TABLE_ROWS) * LOG_TABLE_ROWS);
  return {
    rows: shown,
    count: paged ? t(lang, 'logRange', { ...range, count: number(total) }) : t(lang, 'logCount', { count: total }),
    empty: total === 0 ? t(lang, 'noEvents') : undefined,
    previous: offset > 0 ? Math.max(0, offset - LOG_TABLE_ROWS) : undefined,
    next: offset + LOG_TABLE_ROWS < total ? offset + LOG_TABLE_ROWS : undefined,
    paged,
    last: paged ? lastPage : undefined,
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
