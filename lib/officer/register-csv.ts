import type { RegisterEntry } from './register-service';

const COLUMNS = ['id', 'state', 'holder_name', 'holder_email', 'role', 'clearance', 'task', 'task_ends', 'section', 'platforms', 'issued_at', 'expires_at', 'signed_by', 'revoked_at', 'revoked_reason', 'export_authorizations'] as const;

/** One CSV cell (RFC 4180); a cell starting with = + - @ gets a leading ' so a spreadsheet never runs it. */
export function csvCell(value: string | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLines(header: readonly string[], rows: readonly (readonly (string | undefined)[])[]): string {
  return `${[header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;
}

export function registerCsv(entries: readonly RegisterEntry[]): string {
  return csvLines(
    COLUMNS,
    entries.map((e) => [
      e.id, e.state, e.holder.name, e.holder.email, e.role, e.clearance, e.task?.description, e.task?.endsAt, e.section, e.platforms.join(' '),
      e.issuedAt, e.expiresAt, e.signedBy, e.revokedAt, e.revokedReason,
      e.exportAuthorizations.map((a) => `${a.platform}:${a.reference}:${a.expires}`).join(' '),
    ]),
  );
}
