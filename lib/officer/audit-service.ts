import type { Officer } from './officer';
import { csvLines } from './register-csv';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  grantId?: string;
  detail: string;
  reason?: string;
}

export const AUDIT_ACTIONS = ['grant-issued', 'grants-bulk-issued', 'grant-renewed', 'grant-revoked', 'export-authorized', 'policy-signed', 'register-imported'] as const;

export interface AuditFilter {
  action?: string;
  text?: string;
  since?: string;
}

/** The officer's own trail, newest first: who did what, when and why. */
export function listAudit(officer: Officer, filter: AuditFilter = {}): AuditEntry[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.action) (where.push('action = ?'), params.push(filter.action));
  if (filter.since) (where.push('at >= ?'), params.push(filter.since));
  if (filter.text?.trim()) {
    where.push("(detail LIKE ? ESCAPE '\\' OR IFNULL(reason, '') LIKE ? ESCAPE '\\' OR IFNULL(grant_id, '') LIKE ? ESCAPE '\\')");
    const like = `%${filter.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like);
  }
  const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC`;
  const rows = officer.db.prepare(sql).all(...params) as { seq: number; at: string; actor: string; action: string; grant_id: string | null; detail: string; reason: string | null }[];
  return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, ...(r.grant_id ? { grantId: r.grant_id } : {}), detail: r.detail, ...(r.reason ? { reason: r.reason } : {}) }));
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  return csvLines(['seq', 'at', 'actor', 'action', 'grant_id', 'detail', 'reason'], entries.map((e) => [String(e.seq), e.at, e.actor, e.action, e.grantId, e.detail, e.reason]));
}
