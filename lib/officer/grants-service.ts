import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json';
import { describeIssues } from '../core/errors';
import { GrantSchema, type ExportAuthorization, type Grant } from '../core/grant';
import { AuthorizationRefused, authorizeGrant } from '../core/grant-authorization';
import { grantPolicyProblems } from '../core/grant-check';
import { endOfAccess } from '../core/grant-status';
import { signDocument, toToken } from '../core/signature';
import { transaction } from './database';
import { audit, Conflict, OfficerError, retrying, type Officer } from './officer';
import { currentPolicy } from './policy-service';

export interface IssuedGrant {
  grant: Grant;
  token: string;
}

/** Checks a draft (the console's form, a CSV row, a JSON file) against the grant schema and the policy. */
export function prepareGrant(officer: Officer, draft: unknown, base: { id?: string; issuedAt?: string } = {}): Grant {
  const policy = currentPolicy(officer);
  const payload = { id: base.id ?? `g-${randomUUID()}`, issuedAt: base.issuedAt ?? officer.now().toISOString(), schema: 'vigie.grant/1', organisation: policy.organisation.id, ...(draft as object) };
  const parsed = GrantSchema.safeParse(payload);
  if (!parsed.success) throw new OfficerError('the grant is not valid', describeIssues(parsed.error));
  const problems = grantPolicyProblems(parsed.data, policy);
  if (problems.length) throw new OfficerError('the grant does not fit the policy', problems);
  return parsed.data;
}

export async function signGrant(officer: Officer, grant: Grant): Promise<string> {
  return toToken(await signDocument('grant', JSON.parse(canonicalJson(grant)), officer.key));
}

export function insertGrant(officer: Officer, grant: Grant, token: string | null, signedBy: string): void {
  officer.db
    .prepare(
      `INSERT INTO grants (id, organisation, holder_name, holder_email, role, section, platforms, payload, token, issued_at, expires_at, ends_at, signed_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(grant.id, grant.organisation, grant.holder.name, grant.holder.email, grant.role, grant.section?.number ?? null, JSON.stringify(grant.platforms), token === null ? null : canonicalJson(grant), token, grant.issuedAt, grant.expiresAt, new Date(endOfAccess(grant)).toISOString(), signedBy);
}

/** Issues one grant: checked, signed, recorded and audited. */
export async function issueGrant(officer: Officer, draft: unknown): Promise<IssuedGrant> {
  const grant = prepareGrant(officer, draft);
  const token = await signGrant(officer, grant);
  transaction(officer.db, () => {
    insertGrant(officer, grant, token, officer.key.keyId);
    audit(officer, 'grant-issued', grant.id, `${grant.holder.name} <${grant.holder.email}>, ${grant.role}${grant.section ? `, section ${grant.section.number}` : ''}, until ${grant.expiresAt}`);
  });
  return { grant, token };
}

interface GrantRow {
  id: string;
  payload: string | null;
  rev: number;
  revoked_at: string | null;
}

function issuedGrant(officer: Officer, id: string): { grant: Grant; rev: number } {
  const row = officer.db.prepare('SELECT id, payload, rev, revoked_at FROM grants WHERE id = ?').get(id) as GrantRow | undefined;
  if (!row) throw new OfficerError(`grant ${id} is not in the register`);
  if (row.revoked_at) throw new OfficerError(`grant ${id} is revoked: issue a new one instead`);
  if (!row.payload) throw new OfficerError(`grant ${id} came from the old register.json without its content: issue a new one instead`);
  return { grant: GrantSchema.parse(JSON.parse(row.payload)), rev: row.rev };
}

/**
 * Re-issues a grant under the same id (so one revocation still ends every copy of it) with a
 * change: a later expiry, an added export authorization. `make` builds and signs the new grant
 * from the register's; this keeps the register's concurrency (rev) and the audit. The holder
 * imports the new token.
 */
async function reissue(officer: Officer, id: string, make: (old: Grant) => Promise<IssuedGrant>, action: string, detail: (g: Grant) => string, reason?: string): Promise<IssuedGrant> {
  return retrying(async () => {
    const { grant: old, rev } = issuedGrant(officer, id);
    const { grant, token } = await make(old);
    transaction(officer.db, () => {
      const result = officer.db
        .prepare('UPDATE grants SET payload = ?, token = ?, issued_at = ?, expires_at = ?, ends_at = ?, platforms = ?, signed_by = ?, rev = rev + 1 WHERE id = ? AND rev = ? AND revoked_at IS NULL')
        .run(canonicalJson(grant), token, grant.issuedAt, grant.expiresAt, new Date(endOfAccess(grant)).toISOString(), JSON.stringify(grant.platforms), officer.key.keyId, id, rev);
      if (Number(result.changes) !== 1) throw new Conflict();
      audit(officer, action, id, detail(grant), reason);
    });
    return { grant, token };
  });
}

export function renewGrant(officer: Officer, id: string, expiresAt: string, reason?: string): Promise<IssuedGrant> {
  const make = async (old: Grant): Promise<IssuedGrant> => {
    const grant = prepareGrant(officer, { ...old, expiresAt }, { id, issuedAt: officer.now().toISOString() });
    return { grant, token: await signGrant(officer, grant) };
  };
  return reissue(officer, id, make, 'grant-renewed', (g) => `renewed until ${g.expiresAt}`, reason);
}

/**
 * Adds a written export authorization (platform, purpose, reference, expiry) and re-issues the
 * grant, through the service the CLI's `vigie grant authorize` uses too (`authorizeGrant`).
 */
export function authorizeExport(officer: Officer, id: string, authorization: unknown): Promise<IssuedGrant> {
  let added: ExportAuthorization | undefined;
  const make = async (old: Grant): Promise<IssuedGrant> => {
    try {
      const issued = await authorizeGrant(old, authorization, { id, now: officer.now(), policy: currentPolicy(officer), key: officer.key });
      added = issued.authorization;
      return issued;
    } catch (error) {
      if (error instanceof AuthorizationRefused) throw new OfficerError(error.reason, error.problems);
      throw error;
    }
  };
  const detail = () => `export on ${added!.platform} for "${added!.purpose}" (ref. ${added!.reference}) until ${added!.expires}`;
  return reissue(officer, id, make, 'export-authorized', detail);
}
