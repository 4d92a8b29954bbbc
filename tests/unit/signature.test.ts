import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/core/canonical-json';
import {
  generateKeyPair,
  readEnvelope,
  signDocument,
  SignatureRefusal,
  toToken,
  verifyGrant,
  verifyPolicy,
  type RefusalCode,
} from '../../lib/core/signature';
import { DEFAULT_POLICY } from '../../lib/packs';
import { demoKeyPair, demoTrust, NOW, sampleGrant } from './helpers';

async function refusal(promise: Promise<unknown>): Promise<RefusalCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignatureRefusal) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('signed policies', () => {
  const policyPayload = DEFAULT_POLICY as unknown as Record<string, unknown>;

  it('verifies a policy signed by a trusted key, in any key order', async () => {
    const signed = await signDocument('policy', policyPayload, demoKeyPair);
    const reordered = JSON.parse(JSON.stringify({ signature: signed.signature, payload: signed.payload, kind: signed.kind, vigie: signed.vigie }));
    const { policy } = await verifyPolicy(JSON.stringify(reordered), demoTrust);
    expect(policy.version).toBe(DEFAULT_POLICY.version);
  });

  it('refuses a tampered policy', async () => {
    const signed = await signDocument('policy', policyPayload, demoKeyPair);
    const tampered = structuredClone(signed);
    (tampered.payload as { rollout: string }).rollout = 'audit';
    expect(await refusal(verifyPolicy(tampered, demoTrust))).toBe('bad-signature');
  });

  it('refuses an unknown key', async () => {
    const other = await generateKeyPair();
    const signed = await signDocument('policy', policyPayload, other);
    expect(await refusal(verifyPolicy(signed, demoTrust))).toBe('unknown-key');
  });

  it('refuses a key id that claims to be trusted but signs with another key', async () => {
    const other = await generateKeyPair();
    const signed = await signDocument('policy', policyPayload, { ...other, keyId: demoKeyPair.keyId });
    expect(await refusal(verifyPolicy(signed, demoTrust))).toBe('bad-signature');
  });

  it('refuses a rollback to an older version of the same policy', async () => {
    const signed = await signDocument('policy', policyPayload, demoKeyPair);
    expect(await refusal(verifyPolicy(signed, demoTrust, { id: DEFAULT_POLICY.id, version: DEFAULT_POLICY.version + 1 }))).toBe('rollback');
    await expect(verifyPolicy(signed, demoTrust, { id: DEFAULT_POLICY.id, version: DEFAULT_POLICY.version })).resolves.toBeTruthy();
  });

  it('refuses a validly signed but invalid policy, with located problems', async () => {
    const signed = await signDocument('policy', { ...policyPayload, version: -1 }, demoKeyPair);
    try {
      await verifyPolicy(signed, demoTrust);
      expect.unreachable();
    } catch (error) {
      expect((error as SignatureRefusal).code).toBe('invalid');
      expect((error as SignatureRefusal).problems[0]).toMatch(/^version: /);
    }
  });

  it('refuses a grant presented as a policy', async () => {
    const signed = await signDocument('grant', sampleGrant(), demoKeyPair);
    expect(await refusal(verifyPolicy(signed, demoTrust))).toBe('wrong-kind');
  });
});

describe('signed grants', () => {
  it('round-trips through a one-line token', async () => {
    const token = toToken(await signDocument('grant', sampleGrant(), demoKeyPair));
    expect(token).toMatch(/^vigie1\.[A-Za-z0-9_-]+$/);
    const { grant } = await verifyGrant(token, demoTrust, DEFAULT_POLICY, NOW);
    expect(grant.section?.number).toBe('70');
  });

  it.each([
    ['not json at all', 'malformed'],
    ['vigie1.%%%', 'malformed'],
    ['vigie1.e30', 'malformed'],
    ['{"vigie":"signed/1","kind":"grant","payload":{}}', 'malformed'],
  ] as const)('refuses a malformed token %s', async (input, code) => {
    expect(await refusal(verifyGrant(input, demoTrust, DEFAULT_POLICY, NOW))).toBe(code);
  });

  it('refuses a forged grant (payload changed after signing)', async () => {
    const signed = await signDocument('grant', sampleGrant(), demoKeyPair);
    (signed.payload as { role: string }).role = 'cla';
    expect(await refusal(verifyGrant(toToken(signed), demoTrust, DEFAULT_POLICY, NOW))).toBe('bad-signature');
  });

  it('refuses an expired grant', async () => {
    const signed = await signDocument('grant', sampleGrant({ expiresAt: '2026-11-01T00:00:00Z' }), demoKeyPair);
    expect(await refusal(verifyGrant(signed, demoTrust, DEFAULT_POLICY, NOW))).toBe('expired');
  });

  it('refuses a grant that is not in force yet', async () => {
    const signed = await signDocument('grant', sampleGrant({ issuedAt: '2026-12-01T00:00:00Z' }), demoKeyPair);
    expect(await refusal(verifyGrant(signed, demoTrust, DEFAULT_POLICY, NOW))).toBe('not-yet-valid');
  });

  it('refuses a revoked grant', async () => {
    const signed = await signDocument('grant', sampleGrant(), demoKeyPair);
    const policy = { ...DEFAULT_POLICY, revokedGrants: ['g-2026-0070-01'] };
    expect(await refusal(verifyGrant(signed, demoTrust, policy, NOW))).toBe('revoked');
  });

  it("refuses a grant for another organisation", async () => {
    const signed = await signDocument('grant', sampleGrant({ organisation: 'pcq' }), demoKeyPair);
    expect(await refusal(verifyGrant(signed, demoTrust, DEFAULT_POLICY, NOW))).toBe('wrong-organisation');
  });

  it('gives every refusal a French and an English message', async () => {
    try {
      readEnvelope('nope');
    } catch (error) {
      const text = (error as SignatureRefusal).text;
      expect(text.fr).toMatch(/illisible/);
      expect(text.en).toMatch(/cannot be read/);
    }
  });
});
