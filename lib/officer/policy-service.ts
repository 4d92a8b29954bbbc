import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { canonicalJson } from '../core/canonical-json';
import { InvalidDocumentError } from '../core/errors';
import { parsePolicy, type Policy } from '../core/policy';
import { signDocument, type SignedEnvelope } from '../core/signature';
import { audit, Conflict, OfficerError, paths, retrying, type Officer } from './officer';
import { transaction } from './database';
import { checkPolicyText } from './policy-text';

export interface SignedPolicy {
  version: number;
  envelope: SignedEnvelope;
  policy: Policy;
  text: string;
}

export function latestPolicy(officer: Officer): SignedPolicy | undefined {
  const row = officer.db.prepare('SELECT version, signed FROM policies ORDER BY version DESC LIMIT 1').get() as { version: number; signed: string } | undefined;
  if (!row) return undefined;
  const envelope = JSON.parse(row.signed) as SignedEnvelope;
  return { version: row.version, envelope, policy: parsePolicy(envelope.payload), text: row.signed };
}

export function currentPolicy(officer: Officer): Policy {
  const latest = latestPolicy(officer);
  if (!latest) throw new OfficerError('no policy yet: start with --policy FILE');
  return latest.policy;
}

/** The file the extensions fetch, exactly as published (undefined when none is). */
export function publishedText(officer: Officer): string | undefined {
  try {
    return readFileSync(paths(officer.dir).publishedPolicy, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Signs the next version of the policy: `change` gets the latest one (or none), its result gets the
 * next version number and today's date, and is signed, recorded, audited and written to publish —
 * all or nothing. Revocations are never lost to an edit made from an older version: the new list
 * keeps every grant the latest one revoked.
 */
export async function signNextPolicy(
  officer: Officer,
  change: (latest: Policy | undefined) => unknown,
  audited: { action: string; grantId?: string; detail: string; reason?: string; alsoInTransaction?: () => void },
): Promise<SignedPolicy> {
  return retrying(async () => {
    const latest = latestPolicy(officer);
    const proposed = parseOrRefuse(change(latest?.policy));
    const version = Math.max(proposed.version, (latest?.version ?? 0) + 1);
    const revokedGrants = [...new Set([...(latest?.policy.revokedGrants ?? []), ...proposed.revokedGrants])];
    const next = parsePolicy({ ...proposed, version, issuedAt: officer.now().toISOString(), revokedGrants });
    const envelope = await signDocument('policy', JSON.parse(canonicalJson(next)), officer.key);
    const text = `${JSON.stringify(envelope, null, 2)}\n`;
    transaction(officer.db, () => {
      const now = latestPolicy(officer)?.version ?? 0;
      if (now !== (latest?.version ?? 0)) throw new Conflict();
      officer.db.prepare('INSERT INTO policies (version, policy_id, signed, signed_at) VALUES (?, ?, ?, ?)').run(version, next.id, text, officer.now().toISOString());
      audited.alsoInTransaction?.();
      audit(officer, audited.action, audited.grantId ?? null, `${audited.detail} (policy ${next.id} v${version})`, audited.reason);
      writePublished(officer, text);
    });
    return { version, envelope, policy: next, text };
  });
}

function parseOrRefuse(value: unknown): Policy {
  try {
    return parsePolicy(value);
  } catch (error) {
    if (error instanceof InvalidDocumentError) throw new OfficerError('the policy is not valid', error.problems);
    throw error;
  }
}

/** Written beside and renamed over: an extension fetching meanwhile gets the old file or the new, never half. */
function writePublished(officer: Officer, text: string): void {
  const { publishedPolicy, publicKey } = paths(officer.dir);
  writeFileSync(`${publishedPolicy}.tmp`, text);
  renameSync(`${publishedPolicy}.tmp`, publishedPolicy);
  writeFileSync(publicKey, `${JSON.stringify({ keyId: officer.key.keyId, publicKey: officer.key.publicKey }, null, 2)}\n`);
}

/** First start: the policy the officer brought (plain or signed) becomes the first signed version here. */
export async function seedPolicy(officer: Officer, policy: unknown): Promise<void> {
  if (latestPolicy(officer)) return;
  await signNextPolicy(officer, () => policy, { action: 'policy-signed', detail: 'first policy of this register' });
}

export async function revokeGrant(officer: Officer, grantId: string, reason: string): Promise<SignedPolicy> {
  if (!reason.trim()) throw new OfficerError('say why the access is revoked', ['reason: required']);
  const row = officer.db.prepare('SELECT id FROM grants WHERE id = ?').get(grantId);
  if (!row) throw new OfficerError(`grant ${grantId} is not in the register`);
  return signNextPolicy(officer, (latest) => ({ ...latest, revokedGrants: [...(latest?.revokedGrants ?? []), grantId] }), {
    action: 'grant-revoked',
    grantId,
    detail: `revoked ${grantId}`,
    reason,
    alsoInTransaction: () => {
      officer.db.prepare('UPDATE grants SET revoked_at = COALESCE(revoked_at, ?), revoked_reason = ?, rev = rev + 1 WHERE id = ?').run(officer.now().toISOString(), reason, grantId);
    },
  });
}

/** The policy the officer edited, signed as the next version (or refused with located problems). */
export async function signEditedPolicy(officer: Officer, text: string, reason?: string): Promise<SignedPolicy> {
  const check = checkPolicyText(text);
  if (!check.ok) throw new OfficerError('the policy is not valid', check.problems);
  return signNextPolicy(officer, () => check.value, { action: 'policy-signed', detail: 'policy edited and signed', reason });
}
