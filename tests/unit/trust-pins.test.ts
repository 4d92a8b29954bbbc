import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/core/canonical-json';
import { pinnedId, readEnvelope, signDocument, SignatureRefusal, toToken, verifyGrantSignature, verifyPolicy, type RefusalCode } from '../../lib/core/signature';
import { DEFAULT_POLICY } from '../../lib/packs';
import { demoKeyPair, demoTrust, sampleGrant } from './helpers';

async function refusal(promise: Promise<unknown>): Promise<RefusalCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignatureRefusal) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

const payload = (changes: Record<string, unknown> = {}) => ({ ...(DEFAULT_POLICY as unknown as Record<string, unknown>), ...changes });

describe('strict envelopes: "modified" means "refused"', () => {
  it('refuses an envelope with a field the format does not have, at the top or in the signature', async () => {
    const signed = await signDocument('policy', payload(), demoKeyPair);
    expect(await refusal(verifyPolicy({ ...signed, note: 'ajouté' }, demoTrust))).toBe('malformed');
    expect(await refusal(verifyPolicy({ ...signed, signature: { ...signed.signature, by: 'x' } }, demoTrust))).toBe('malformed');
    expect(() => readEnvelope(JSON.stringify({ ...signed, note: 1 }))).toThrow(/note/);
    await expect(verifyPolicy(signed, demoTrust)).resolves.toBeTruthy();
  });

  it('refuses a "__proto__" member anywhere, even one the signature covers', async () => {
    const signed = await signDocument('policy', payload(), demoKeyPair);
    const text = JSON.stringify(signed);
    // Top level, in the signature, deep in the payload: each is an own member after JSON.parse.
    for (const forged of [
      text.replace('{"vigie"', '{"__proto__":{"x":1},"vigie"'),
      text.replace('"signature":{', '"signature":{"__proto__":{},'),
      text.replace('"payload":{', '"payload":{"_":[{"__proto__":{"verdict":"allow"}}],'),
    ]) {
      expect(() => JSON.parse(forged)).not.toThrow();
      expect(await refusal(verifyPolicy(forged, demoTrust))).toBe('malformed');
      expect(() => readEnvelope(forged)).toThrow(/__proto__/);
    }
    // Signed with the member in the payload: the signature verifies, the document is still refused.
    const withProto = JSON.parse(`{"__proto__":{"polluted":true},${canonicalJson(payload()).slice(1)}`) as Record<string, unknown>;
    const signedProto = await signDocument('policy', withProto, demoKeyPair);
    const token = JSON.stringify(signedProto);
    expect(token).toContain('"__proto__"');
    try {
      await verifyPolicy(token, demoTrust);
      expect.unreachable();
    } catch (error) {
      expect((error as SignatureRefusal).code).toBe('malformed');
      expect((error as Error).message).toMatch(/payload\.__proto__/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a grant token with an extra field', async () => {
    const signed = await signDocument('grant', sampleGrant(), demoKeyPair);
    await expect(verifyGrantSignature(toToken(signed), demoTrust)).resolves.toBeTruthy();
    expect(await refusal(verifyGrantSignature(toToken({ ...signed, extra: true } as never), demoTrust))).toBe('malformed');
  });
});

describe('policy ids pinned per organisation', () => {
  const held = { id: DEFAULT_POLICY.id, version: 7 };

  it('refuses a policy of another id than the one pinned for its organisation, even newer, with its own error', async () => {
    const pilot = await signDocument('policy', payload({ id: 'acep-pilote-audit', version: 99, rollout: 'audit' }), demoKeyPair);
    const pins = { accepted: { [DEFAULT_POLICY.organisation.id]: DEFAULT_POLICY.id } };
    try {
      await verifyPolicy(pilot, demoTrust, { ...held, pins });
      expect.unreachable();
    } catch (error) {
      const refused = error as SignatureRefusal;
      expect(refused.code).toBe('other-policy');
      expect(refused.text.fr).toMatch(/n’est pas celle retenue pour votre organisation/);
      expect(refused.text.en).toMatch(/not the one set for your organisation/);
      expect(refused.message).toMatch(/acep-pilote-audit/);
    }
    // Without a pin the rollback check alone lets another id through: that is the hole the pin closes.
    await expect(verifyPolicy(pilot, demoTrust, held)).resolves.toBeTruthy();
  });

  it("IT's pinned id wins over the id first accepted", async () => {
    const next = await signDocument('policy', payload({ id: 'acep-2027', version: 1 }), demoKeyPair);
    const pins = { managed: 'acep-2027', accepted: { [DEFAULT_POLICY.organisation.id]: DEFAULT_POLICY.id } };
    await expect(verifyPolicy(next, demoTrust, { ...held, pins })).resolves.toBeTruthy();
    const old = await signDocument('policy', payload({ version: 50 }), demoKeyPair);
    expect(await refusal(verifyPolicy(old, demoTrust, { ...held, pins }))).toBe('other-policy');
  });

  it('a pin for one organisation says nothing about another, and an inherited name is no pin', () => {
    expect(pinnedId({ accepted: { acep: 'acep-2026' } }, 'pcq')).toBeUndefined();
    expect(pinnedId({ accepted: { acep: 'acep-2026' } }, 'constructor')).toBeUndefined();
    expect(pinnedId({ accepted: { acep: 'acep-2026' } }, 'acep')).toBe('acep-2026');
  });

  it('rollback within the pinned id is still refused', async () => {
    const older = await signDocument('policy', payload({ version: 3 }), demoKeyPair);
    const pins = { accepted: { [DEFAULT_POLICY.organisation.id]: DEFAULT_POLICY.id } };
    expect(await refusal(verifyPolicy(older, demoTrust, { ...held, pins }))).toBe('rollback');
  });
});
