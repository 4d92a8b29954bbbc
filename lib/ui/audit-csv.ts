import type { StoredEvent } from '../log/database';
import type { Policy } from '../core/policy';
import type { Lang } from '../core/text';
import { describeEvent } from './event-words';

const COLUMNS = [
  'time',
  'platform',
  'surface',
  'action',
  'verdict',
  'description',
  'clauses',
  'rules',
  'findings',
  'origin',
  'path',
  'sender_domain',
  'emails',
  'phones',
  'rows',
  'justification',
  'detail',
  'policy_id',
  'policy_version',
  'grant_id',
] as const;

/**
 * The audit log as CSV (RFC 4180: CRLF, quoted where needed), one event a row, oldest first,
 * with a plain-words description in the person's language. The log holds no member data, so this
 * file does not either. A cell that a spreadsheet would run as a formula is prefixed with `'`.
 */
export function auditCsv(events: readonly StoredEvent[], policy: Policy, lang: Lang): string {
  const rows = [...events]
    .sort((a, b) => a.time - b.time || a.id - b.id)
    .map((e) => {
      const cells: Record<(typeof COLUMNS)[number], unknown> = {
        time: new Date(e.time).toISOString(),
        platform: e.platform,
        surface: e.surface,
        action: e.action,
        verdict: e.verdict,
        description: describeEvent(e, policy, lang).text,
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
      return COLUMNS.map((c) => cell(cells[c])).join(',');
    });
  return [COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `vigie-audit-log-2026-11-22.csv`, dated in the person's time zone. */
export function auditCsvName(now: Date): string {
  const day = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return `vigie-audit-log-${day}.csv`;
}
