import type { StoredEvent } from '../log/database';
import type { LogRow } from '../log/log-pages';
import type { Policy } from '../core/policy';
import type { Lang } from '../core/text';
import { t, type MessageKey } from '../i18n';
import { eventText } from './event-words';
import { localClock, type LocalClock } from './local-clock';

/** The columns, each with its header's catalogue key: headers are in the person's language. */
const COLUMNS = [
  ['time', 'csvTime'],
  ['platform', 'csvPlatform'],
  ['surface', 'csvSurface'],
  ['action', 'csvAction'],
  ['verdict', 'csvVerdict'],
  ['description', 'csvDescription'],
  ['clauses', 'csvClauses'],
  ['rules', 'csvRules'],
  ['findings', 'csvFindings'],
  ['origin', 'csvOrigin'],
  ['path', 'csvPath'],
  ['sender_domain', 'csvSenderDomain'],
  ['emails', 'csvEmails'],
  ['phones', 'csvPhones'],
  ['rows', 'csvRows'],
  ['justification', 'csvJustification'],
  ['detail', 'csvDetail'],
  ['policy_id', 'csvPolicyId'],
  ['policy_version', 'csvPolicyVersion'],
  ['grant_id', 'csvGrantId'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

type Column = (typeof COLUMNS)[number][0];

/**
 * The audit log as CSV (RFC 4180: CRLF, quoted where needed), one event a row, oldest first,
 * times in the person's time zone (named in the header, offset in each cell) and a plain-words
 * description in their language. The log holds no member data, so this file does not either. A
 * cell that a spreadsheet would run as a formula is prefixed with `'`. Built a chunk at a time
 * (csvHeader, then csvLines per chunk) so 100 000 events never sit in one string or one task.
 */
export function csvHeader(lang: Lang, clock: LocalClock): string {
  return `${COLUMNS.map(([, key]) => cell(t(lang, key, { zone: clock.zone }))).join(',')}\r\n`;
}

/** CSV lines for rows already in order; an unreadable row keeps its line, marked, with its number. */
export function csvLines(rows: readonly LogRow[], policy: Policy, lang: Lang, clock: LocalClock): string {
  const lines = rows.map((row) => (row.ok ? eventLine(row.event, policy, lang, clock) : corruptLine(row.id, lang)));
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}

/** The whole CSV of `events` at once, sorted oldest first (small logs and tests). */
export function auditCsv(events: readonly StoredEvent[], policy: Policy, lang: Lang, clock: LocalClock = localClock()): string {
  const rows = [...events].sort((a, b) => a.time - b.time || a.id - b.id).map((event) => ({ ok: true as const, event }));
  return csvHeader(lang, clock) + csvLines(rows, policy, lang, clock);
}

function eventLine(e: StoredEvent, policy: Policy, lang: Lang, clock: LocalClock): string {
  const cells: Record<Column, unknown> = {
    time: clock.format(e.time),
    platform: e.platform,
    surface: e.surface,
    action: e.action,
    verdict: e.verdict,
    description: eventText(e, policy, lang),
    clauses: e.clauses.join(' '),
    rules: e.ruleIds.join(' '),
    findings: e.findings.join(' '),
    origin: e.origin,
    path: e.path,
    sender_domain: e.senderDomain,
    emails: e.counts?.emails,
    phones: e.counts?.phones,
    rows: e.counts?.rows,
    justification: e.justification,
    detail: e.detail,
    policy_id: e.policyId,
    policy_version: e.policyVersion,
    grant_id: e.grantId,
  };
  return COLUMNS.map(([c]) => cell(cells[c])).join(',');
}

function corruptLine(id: number, lang: Lang): string {
  return COLUMNS.map(([c]) => (c === 'description' ? cell(`${t(lang, 'csvCorrupt')} (${id})`) : '')).join(',');
}

/** First characters that make a spreadsheet read a cell as a formula: = + - @ tab, CR. */
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]);
const NEEDS_QUOTES = /[",\r\n]/;

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  // Counts and versions: never negative, so never read as a formula, never quoted.
  if (typeof value === 'number' && value >= 0) return String(value);
  let text = String(value);
  if (FORMULA_START.has(text.charCodeAt(0))) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `vigie-audit-log-2026-11-22.csv`, dated in the person's time zone. */
export function auditCsvName(now: Date): string {
  const day = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return `vigie-audit-log-${day}.csv`;
}
