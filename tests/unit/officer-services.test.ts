import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyGrant, verifyPolicy, type TrustedKey } from '../../lib/core/signature';
import { authorizeExport, issueGrant, renewGrant } from '../../lib/officer/grants-service';
import { OfficerError, paths, type Officer } from '../../lib/officer/officer';
import { latestPolicy, revokeGrant, signEditedPolicy } from '../../lib/officer/policy-service';
import { listEntries, overview } from '../../lib/officer/register-service';
import { listAudit } from '../../lib/officer/audit-service';
import { registerCsv } from '../../lib/officer/register-csv';
import { checkPolicyText } from '../../lib/officer/policy-text';
import { lineDiff } from '../../lib/officer/line-diff';
import { handoutMessage, qrRows } from '../../lib/officer/handout';
import { qrPath } from '../../lib/officer/qr-path';
import { draft, freshOfficer } from './officer-helpers';

const trust = (o: Officer): TrustedKey[] => [{ keyId: o.key.keyId, publicKey: o.key.publicKey, label: 'officer', source: 'managed' }];
const published = (o: Officer) => JSON.parse(readFileSync(paths(o.dir).publishedPolicy, 'utf8'));

describe('the officer services', () => {
  it('issues a grant the extension verifies, records it and audits it', async () => {
    const officer = await freshOfficer();
    const { grant, token } = await issueGrant(officer, draft('Léa Tremblay'));
    const { grant: verified } = await verifyGrant(token, trust(officer), latestPolicy(officer)!.policy, new Date());
    expect(verified).toEqual(grant);
    expect(listEntries(officer)).toMatchObject([{ id: grant.id, state: 'active', holder: { name: 'Léa Tremblay' }, section: '70', hasToken: true }]);
    expect(listAudit(officer, { action: 'grant-issued' })).toMatchObject([{ grantId: grant.id, actor: 'test-officer' }]);
  });

  it('refuses a draft with located problems, against the schema and the policy, and records nothing', async () => {
    const officer = await freshOfficer();
    const error = await issueGrant(officer, draft('X', { holder: { name: 'X', email: 'pas-un-courriel' }, role: 'tresorier' })).catch((e) => e);
    expect(error).toBeInstanceOf(OfficerError);
    expect(error.problems).toEqual(['holder.email: expected an email address']);
    const policyError = await issueGrant(officer, draft('Y', { role: 'tresorier' })).catch((e) => e);
    expect(policyError.problems[0]).toMatch(/^role: "tresorier" is not one of executive, cla/);
    expect(listEntries(officer)).toEqual([]);
  });

  it('renews under the same id; adds an export authorization and re-issues', async () => {
    const officer = await freshOfficer();
    const { grant } = await issueGrant(officer, draft('Marc Roy', { expiresAt: '2027-01-01T00:00:00Z' }));
    const renewed = await renewGrant(officer, grant.id, '2028-01-01T00:00:00Z');
    expect(renewed.grant).toMatchObject({ id: grant.id, expiresAt: '2028-01-01T00:00:00Z' });
    const auth = { platform: 'action-network', purpose: 'Envoi postal du congrès', reference: 'LET-2026-14', expires: '2027-03-01T00:00:00Z' };
    const { token } = await authorizeExport(officer, grant.id, auth);
    const { grant: verified } = await verifyGrant(token, trust(officer), latestPolicy(officer)!.policy, new Date());
    expect(verified.exportAuthorizations).toEqual([auth]);
    expect(verified.expiresAt).toBe('2028-01-01T00:00:00Z');
    const bad = await authorizeExport(officer, grant.id, { ...auth, platform: 'facebook' }).catch((e) => e);
    expect(bad.problems).toEqual(['exportAuthorizations[1].platform: unknown platform "facebook"']);
    expect(listAudit(officer).map((a) => a.action)).toEqual(['export-authorized', 'grant-renewed', 'grant-issued', 'policy-signed']);
  });

  it('revokes with a reason: the next policy version lists the grant, signed and written to publish', async () => {
    const officer = await freshOfficer();
    const { grant, token } = await issueGrant(officer, draft('Anne Caron'));
    const before = latestPolicy(officer)!.version;
    await expect(revokeGrant(officer, grant.id, '  ')).rejects.toThrow(/say why/);
    const signed = await revokeGrant(officer, grant.id, 'Fin de mandat');
    expect(signed.version).toBe(before + 1);
    const { policy } = await verifyPolicy(published(officer), trust(officer));
    expect(policy.revokedGrants).toEqual([grant.id]);
    await expect(verifyGrant(token, trust(officer), policy, new Date())).rejects.toThrow(/revoked/);
    expect(listEntries(officer)[0]).toMatchObject({ state: 'revoked', revokedReason: 'Fin de mandat' });
    await expect(renewGrant(officer, grant.id, '2100-01-01T00:00:00Z')).rejects.toThrow(/revoked/);
    expect(overview(officer)).toMatchObject({ counts: { revoked: 1, active: 0 }, policy: { version: before + 1, publishedMatches: true } });
  });

  it('an edited policy is signed as the next version and keeps the revocations made meanwhile', async () => {
    const officer = await freshOfficer();
    const base = latestPolicy(officer)!.policy;
    const { grant } = await issueGrant(officer, draft('Paul Côté'));
    await revokeGrant(officer, grant.id, 'Départ');
    // The officer edited the JSON of the version before the revocation, in another tab.
    const edited = { ...base, copyThreshold: { ...base.copyThreshold, emails: 7 } };
    const signed = await signEditedPolicy(officer, JSON.stringify(edited, null, 2));
    expect(signed.policy).toMatchObject({ version: base.version + 2, copyThreshold: { emails: 7 }, revokedGrants: [grant.id] });
    await expect(signEditedPolicy(officer, '{"schema": "vigie.policy/1",\n  "id": }')).rejects.toThrow(/line 2, column 9/);
  });

  it('counts states, expiring within 30 days, and names people without declaration or training dates', async () => {
    const now = new Date('2026-11-01T12:00:00Z');
    const officer = await freshOfficer({ now: () => now });
    await issueGrant(officer, draft('A', { expiresAt: '2026-11-20T00:00:00Z' }));
    await issueGrant(officer, draft('B', { declarationDate: undefined }));
    await issueGrant(officer, draft('C', { task: { description: 'Relance', endsAt: '2026-12-01T00:00:00Z' }, expiresAt: '2027-01-01T00:00:00Z' }));
    const o = overview(officer);
    expect(o.counts).toEqual({ active: 1, expiring: 2, ended: 0, revoked: 0 });
    expect(o.missingDates).toMatchObject([{ name: 'B', declaration: true, training: false }]);
    expect(o.keyProtected).toBe(false);
    expect(listEntries(officer, { state: 'expiring' }).map((e) => e.holder.name)).toEqual(['A', 'C']);
  });

  it('filters by section and role, and exports formula-safe CSV', async () => {
    const officer = await freshOfficer();
    await issueGrant(officer, draft('=HYPERLINK("x")'));
    await issueGrant(officer, draft('Zoé', { role: 'cla', section: { number: '12', name: { fr: 'Section 12', en: 'Local 12' } } }));
    expect(listEntries(officer, { section: '12' }).map((e) => e.holder.name)).toEqual(['Zoé']);
    expect(listEntries(officer, { role: 'executive' })).toHaveLength(1);
    const csv = registerCsv(listEntries(officer));
    expect(csv.split('\r\n')[0]).toMatch(/^id,state,holder_name,holder_email,role/);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('checks policy text with located problems, and diffs it', () => {
    expect(checkPolicyText('{"schema": 1}').problems[0]).toMatch(/^schema: expected "vigie.policy\/1"/);
    expect(checkPolicyText('{\n  "a": tru\n}').problems[0]).toMatch(/^line 2, column \d+:/);
    expect(lineDiff('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('the handout says how to import in both languages and its QR code holds the token', async () => {
    const officer = await freshOfficer();
    const { grant, token } = await issueGrant(officer, draft('Léa'));
    const { body } = handoutMessage(grant, token, latestPolicy(officer)!.policy);
    expect(body).toMatch(/Options.*Autorisation d'accès signée.*Importer/s);
    expect(body).toMatch(/Signed access grant.*Import/s);
    expect(body.endsWith(token)).toBe(true);
    const rows = qrRows(token)!;
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.every((r) => r.length === rows.length && /^[01]+$/.test(r))).toBe(true);
  });

  // Regression: the page once stripped the spaces inside "M x y" and drew an empty QR code.
  it('draws each run of dark modules as one rectangle at its row and column', () => {
    expect(qrPath(['0110', '1001'])).toBe('M1 0h2v1h-2zM0 1h1v1h-1zM3 1h1v1h-1z');
  });
});
