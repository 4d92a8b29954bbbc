import type { Grant } from '../core/grant';
import type { Officer } from './officer';
import { currentPolicy, latestPolicy, publishedText } from './policy-service';

export type EntryState = 'active' | 'expiring' | 'ended' | 'revoked';

/** One line of the register, as the screens, the CSV and `vigie register list` show it. */
export interface RegisterEntry {
  id: string;
  state: EntryState;
  holder: { name: string; email: string };
  role: string;
  section?: string;
  platforms: string[];
  issuedAt: string;
  expiresAt: string;
  endsAt: string;
  signedBy: string;
  revokedAt?: string;
  revokedReason?: string;
  clearance?: string;
  task?: { description: string; endsAt: string };
  declarationDate?: string;
  trainingDate?: string;
  exportAuthorizations: Grant['exportAuthorizations'];
  hasToken: boolean;
}

const EXPIRING_DAYS = 30;

interface Row {
  id: string;
  holder_name: string;
  holder_email: string;
  role: string;
  section: string | null;
  platforms: string;
  payload: string | null;
  token: string | null;
  issued_at: string;
  expires_at: string;
  ends_at: string;
  signed_by: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export function stateAt(row: { revoked_at: string | null; ends_at: string }, now: Date): EntryState {
  if (row.revoked_at) return 'revoked';
  const end = Date.parse(row.ends_at);
  if (end <= now.getTime()) return 'ended';
  return end - now.getTime() <= EXPIRING_DAYS * 86_400_000 ? 'expiring' : 'active';
}

function toEntry(row: Row, now: Date): RegisterEntry {
  const grant = row.payload ? (JSON.parse(row.payload) as Grant) : undefined;
  return {
    id: row.id,
    state: stateAt(row, now),
    holder: { name: row.holder_name, email: row.holder_email },
    role: row.role,
    ...(row.section ? { section: row.section } : {}),
    platforms: JSON.parse(row.platforms) as string[],
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    endsAt: row.ends_at,
    signedBy: row.signed_by,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    ...(row.revoked_reason ? { revokedReason: row.revoked_reason } : {}),
    ...(grant?.clearance ? { clearance: grant.clearance } : {}),
    ...(grant?.task ? { task: grant.task } : {}),
    ...(grant?.declarationDate ? { declarationDate: grant.declarationDate } : {}),
    ...(grant?.trainingDate ? { trainingDate: grant.trainingDate } : {}),
    exportAuthorizations: grant?.exportAuthorizations ?? [],
    hasToken: row.token !== null,
  };
}

export interface RegisterFilter {
  section?: string;
  role?: string;
  state?: EntryState | 'in-force';
  text?: string;
}

export function listEntries(officer: Officer, filter: RegisterFilter = {}): RegisterEntry[] {
  const now = officer.now();
  const rows = officer.db.prepare('SELECT * FROM grants ORDER BY holder_name COLLATE NOCASE, issued_at').all() as unknown as Row[];
  const text = filter.text?.trim().toLowerCase();
  return rows
    .map((row) => toEntry(row, now))
    .filter((e) => !filter.section || e.section === filter.section)
    .filter((e) => !filter.role || e.role === filter.role)
    .filter((e) => !filter.state || (filter.state === 'in-force' ? e.state === 'active' || e.state === 'expiring' : e.state === filter.state))
    .filter((e) => !text || `${e.holder.name} ${e.holder.email} ${e.id}`.toLowerCase().includes(text));
}

export function grantToken(officer: Officer, id: string): { entry: RegisterEntry; token?: string } | undefined {
  const row = officer.db.prepare('SELECT * FROM grants WHERE id = ?').get(id) as Row | undefined;
  if (!row) return undefined;
  return { entry: toEntry(row, officer.now()), ...(row.token ? { token: row.token } : {}) };
}

export interface Overview {
  counts: Record<EntryState, number>;
  /** People whose solemn declaration or training date is missing (policy clauses 6.2, 6.5). */
  missingDates: { id: string; name: string; declaration: boolean; training: boolean }[];
  policy?: { id: string; version: number; publishedVersion?: number; publishedMatches: boolean };
  keyProtected: boolean;
}

export function overview(officer: Officer): Overview {
  const entries = listEntries(officer);
  const counts: Record<EntryState, number> = { active: 0, expiring: 0, ended: 0, revoked: 0 };
  for (const e of entries) counts[e.state] += 1;
  const missingDates = entries
    .filter((e) => (e.state === 'active' || e.state === 'expiring') && (!e.declarationDate || !e.trainingDate))
    .map((e) => ({ id: e.id, name: e.holder.name, declaration: !e.declarationDate, training: !e.trainingDate }));
  const latest = latestPolicy(officer);
  const published = publishedText(officer);
  let publishedVersion: number | undefined;
  try {
    publishedVersion = published ? (JSON.parse(published) as { payload: { version: number } }).payload.version : undefined;
  } catch {
    publishedVersion = undefined;
  }
  return {
    counts,
    missingDates,
    ...(latest ? { policy: { id: latest.policy.id, version: latest.version, ...(publishedVersion ? { publishedVersion } : {}), publishedMatches: published === latest.text } } : {}),
    keyProtected: officer.keyProtected,
  };
}

/** The values the People screen filters on: sections present in the register, the policy's roles. */
export function filterChoices(officer: Officer): { sections: string[]; roles: { id: string; name: { fr: string; en: string } }[] } {
  const sections = (officer.db.prepare('SELECT DISTINCT section FROM grants WHERE section IS NOT NULL ORDER BY CAST(section AS INTEGER), section').all() as { section: string }[]).map((r) => r.section);
  return { sections, roles: currentPolicy(officer).roles.map((r) => ({ id: r.id, name: r.name })) };
}
