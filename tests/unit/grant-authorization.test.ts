import { describe, expect, it } from 'vitest';
import { AuthorizationRefused, authorizeGrant, withExportAuthorization } from '../../lib/core/grant-authorization';
import { verifyGrant } from '../../lib/core/signature';
import { DEFAULT_POLICY } from '../../lib/packs';
import { demoKeyPair, demoTrust, NOW, sampleGrant } from './helpers';

const policy = DEFAULT_POLICY;
const options = { id: 'g-reissued', now: NOW, policy };
const letter = { platform: 'action-network', purpose: 'Envoi postal du congrès', reference: 'BN-2026-014', expires: '2027-03-01T00:00:00Z' };

/** The one service behind `vigie grant authorize` and the officer console's `authorizeExport`. */
describe('authorizeGrant: a grant re-issued with a written export authorization', () => {
  it('adds the authorization under the id given, issued now, signed so that it verifies', async () => {
    const { grant, token, authorization } = await authorizeGrant(sampleGrant(), letter, { ...options, key: demoKeyPair });
    expect(authorization).toEqual(letter);
    expect(grant).toMatchObject({ id: 'g-reissued', issuedAt: NOW.toISOString(), holder: sampleGrant().holder, exportAuthorizations: [letter] });
    const verified = await verifyGrant(token, demoTrust, policy, NOW);
    expect(verified.grant).toEqual(grant);
  });

  it('drops the expired authorizations and replaces one with the same platform and reference; keeps the others', () => {
    const expired = { ...letter, reference: 'OLD-1', expires: '2026-01-01T00:00:00Z' };
    const other = { ...letter, reference: 'BN-2026-002' };
    const earlier = { ...letter, purpose: 'Première version' };
    const { grant } = withExportAuthorization(sampleGrant({ exportAuthorizations: [expired, other, earlier] }), letter, options);
    expect(grant.exportAuthorizations).toEqual([other, letter]);
  });

  it('refuses, with located problems, an authorization that is malformed, already expired, or for a platform the policy does not know', () => {
    const refusal = (authorization: unknown) => {
      try {
        withExportAuthorization(sampleGrant(), authorization, options);
      } catch (error) {
        expect(error).toBeInstanceOf(AuthorizationRefused);
        const { reason, problems } = error as AuthorizationRefused;
        return { reason, problems };
      }
      throw new Error('not refused');
    };
    expect(refusal({ ...letter, purpose: 'x', expires: 'soon' })).toEqual({
      reason: 'the export authorization is not valid',
      problems: ['purpose: say what the export is for', 'expires: expected an ISO 8601 date-time'],
    });
    expect(refusal({ ...letter, expires: '2026-01-01T00:00:00Z' })).toEqual({ reason: 'the export authorization is not valid', problems: ['expires: 2026-01-01T00:00:00Z has passed'] });
    expect(refusal({ ...letter, platform: 'myspace' })).toEqual({ reason: 'the grant does not fit the policy', problems: ['exportAuthorizations[0].platform: unknown platform "myspace"'] });
  });

  it('changes nothing in the grant it was given', () => {
    const original = sampleGrant();
    const copy = structuredClone(original);
    withExportAuthorization(original, letter, options);
    expect(original).toEqual(copy);
  });
});
