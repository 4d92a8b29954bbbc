import { parsePolicy } from '../core/policy';
import { auditCsv, listAudit } from './audit-service';
import { issueBulk, previewBulk } from './bulk-service';
import { authorizeExport, issueGrant, renewGrant } from './grants-service';
import { handoutMessage, qrRows } from './handout';
import { OfficerError, type Officer } from './officer';
import { currentPolicy, latestPolicy, publishedText, revokeGrant, signEditedPolicy } from './policy-service';
import { registerCsv } from './register-csv';
import { filterChoices, grantToken, listEntries, overview, type RegisterFilter } from './register-service';
import { grantTemplate } from '../core/grant-template';

export type ApiResult = { status: number; json: unknown } | { csv: string; filename: string };

const ok = (json: unknown): ApiResult => ({ status: 200, json });
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The console's requests, each one service call: the same functions the CLI calls. */
export async function handleApi(officer: Officer, method: string, url: URL, body: unknown): Promise<ApiResult> {
  const q = (name: string) => url.searchParams.get(name) ?? undefined;
  const b = (body ?? {}) as Record<string, unknown>;
  const grantPath = /^\/api\/grants\/([A-Za-z0-9._-]+)(?:\/(renew|revoke|authorizations))?$/.exec(url.pathname);
  try {
    if (method === 'GET') {
      switch (url.pathname) {
        case '/api/overview':
          return ok(overview(officer));
        case '/api/choices':
          return ok({ ...filterChoices(officer), template: grantTemplate(currentPolicy(officer)), policy: currentPolicy(officer) });
        case '/api/grants':
          return ok(listEntries(officer, { section: q('section'), role: q('role'), state: q('state') as RegisterFilter['state'], text: q('text') }));
        case '/api/register.csv':
          return { csv: registerCsv(listEntries(officer)), filename: 'registre-register.csv' };
        case '/api/audit':
          return ok(listAudit(officer, { action: q('action'), text: q('text') }));
        case '/api/audit.csv':
          return { csv: auditCsv(listAudit(officer, { action: q('action'), text: q('text') })), filename: 'journal-audit.csv' };
        case '/api/policy':
          return ok(policyState(officer));
      }
      if (grantPath && !grantPath[2]) return grantDetail(officer, grantPath[1]!);
    } else if (method === 'POST') {
      if (url.pathname === '/api/grants') return ok(await issueGrant(officer, b.draft));
      if (url.pathname === '/api/bulk/preview') return ok(previewBulk(officer, str(b.csv)));
      if (url.pathname === '/api/bulk/issue') return ok(await issueBulk(officer, str(b.csv)));
      if (url.pathname === '/api/policy/sign') return ok(await signEditedPolicy(officer, str(b.text), str(b.reason) || undefined));
      if (grantPath?.[2] === 'renew') return ok(await renewGrant(officer, grantPath[1]!, str(b.expiresAt), str(b.reason) || undefined));
      if (grantPath?.[2] === 'revoke') return ok(await revokeGrant(officer, grantPath[1]!, str(b.reason)));
      if (grantPath?.[2] === 'authorizations') return ok(await authorizeExport(officer, grantPath[1]!, b.authorization));
    }
    return { status: 404, json: { error: 'no such request' } };
  } catch (error) {
    if (error instanceof OfficerError) return { status: 422, json: { error: error.message, problems: error.problems } };
    throw error;
  }
}

function grantDetail(officer: Officer, id: string): ApiResult {
  const found = grantToken(officer, id);
  if (!found) return { status: 404, json: { error: `grant ${id} is not in the register` } };
  if (!found.token) return ok({ entry: found.entry });
  const row = officer.db.prepare('SELECT payload FROM grants WHERE id = ?').get(id) as { payload: string };
  const message = handoutMessage(JSON.parse(row.payload), found.token, currentPolicy(officer));
  return ok({ entry: found.entry, token: found.token, message, qr: qrRows(found.token) ?? null });
}

/** Policy screen: the latest signed, the published file's payload, the revocation list with names. */
function policyState(officer: Officer) {
  const latest = latestPolicy(officer);
  const published = publishedText(officer);
  let publishedPayload: unknown;
  try {
    // Parsed like the latest one, so both print with the same key order and the diff shows only changes.
    publishedPayload = published ? parsePolicy((JSON.parse(published) as { payload: unknown }).payload) : undefined;
  } catch {
    publishedPayload = undefined;
  }
  const names = new Map(listEntries(officer).map((e) => [e.id, e.holder.name]));
  return {
    latest: latest ? { version: latest.version, policy: latest.policy } : null,
    published: publishedPayload ?? null,
    publishedMatches: published !== undefined && published === latest?.text,
    revoked: (latest?.policy.revokedGrants ?? []).map((id) => ({ id, name: names.get(id) ?? null })),
    keyId: officer.key.keyId,
    keyProtected: officer.keyProtected,
  };
}
