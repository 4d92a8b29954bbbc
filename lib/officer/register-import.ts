import { z } from 'zod';
import { describeIssues } from '../core/errors';
import { transaction } from './database';
import { audit, OfficerError, type Officer } from './officer';

/** Today's `register.json` (the CLI's register before the database), read strictly. */
const LegacyEntry = z.object({
  id: z.string(),
  holder: z.object({ name: z.string(), email: z.string() }),
  role: z.string(),
  clearance: z.string().optional(),
  task: z.object({ description: z.string(), endsAt: z.string() }).optional(),
  section: z.string().optional(),
  platforms: z.array(z.string()),
  issuedAt: z.string(),
  expiresAt: z.string(),
  signedBy: z.string(),
  revokedAt: z.string().optional(),
  revokedReason: z.string().optional(),
});
const LegacyRegister = z.object({ schema: z.literal('vigie.register/1'), organisation: z.string(), entries: z.array(LegacyEntry) });

/**
 * Imports a `register.json`: every entry, revocations kept. The old file held no token nor the
 * grant's full content, so imported grants can be listed, exported and revoked, not re-issued.
 * All or nothing; entries already in the database (same id) are skipped, so importing twice is safe.
 */
export function importRegisterJson(officer: Officer, value: unknown, source: string): { imported: number; skipped: number } {
  const parsed = LegacyRegister.safeParse(value);
  if (!parsed.success) throw new OfficerError(`${source} is not a Vigie register`, describeIssues(parsed.error));
  const insert = officer.db.prepare(
    `INSERT OR IGNORE INTO grants (id, organisation, holder_name, holder_email, role, section, platforms, payload, token, issued_at, expires_at, ends_at, signed_by, revoked_at, revoked_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?)`,
  );
  return transaction(officer.db, () => {
    let imported = 0;
    for (const e of parsed.data.entries) {
      const ends = e.task && Date.parse(e.task.endsAt) < Date.parse(e.expiresAt) ? e.task.endsAt : e.expiresAt;
      const result = insert.run(e.id, parsed.data.organisation, e.holder.name, e.holder.email, e.role, e.section ?? null, JSON.stringify(e.platforms), e.issuedAt, e.expiresAt, new Date(Date.parse(ends)).toISOString(), e.signedBy, e.revokedAt ?? null, e.revokedReason ?? null);
      imported += Number(result.changes);
    }
    audit(officer, 'register-imported', null, `${imported} entries from ${source}`);
    return { imported, skipped: parsed.data.entries.length - imported };
  });
}
