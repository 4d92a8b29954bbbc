/**
 * The party's side of the demo and of the party e2e tests: its bundled policy pack signed with the
 * demo key (a signed policy, as IT's policy URL or managed storage would deliver it), and a party
 * grant (role, clearance, task with its end, confidentiality agreement) signed with the same key.
 * Nothing here is code for the party: it reads lib/packs/pcq/policy.json like any pack.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Grant } from '../lib/core/grant';
import { signDocument, toToken, type SignedEnvelope } from '../lib/core/signature';
import { demoKeyPair } from './make-demo-docs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DAY_MS = 24 * 60 * 60 * 1000;

export const PARTY_HOLDER = { name: 'Alexandre Dion', email: 'alexandre.dion@pcq.example' } as const;

/** The party's policy pack, `change`d (a copy), signed with the demo key. */
export async function signedPartyPolicy(change: (p: Record<string, unknown>) => Record<string, unknown> = (p) => p): Promise<SignedEnvelope> {
  const pack = JSON.parse(readFileSync(resolve(ROOT, 'lib/packs/pcq/policy.json'), 'utf8'));
  return signDocument('policy', change(pack), demoKeyPair());
}

/** A party member's grant for a task (door-to-door data entry) that ends in 30 days. */
export function partyGrantPayload(now: Date = new Date(), overrides: Partial<Grant> = {}): Grant {
  return {
    schema: 'vigie.grant/1',
    id: 'demo-pcq-member',
    organisation: 'pcq',
    holder: { ...PARTY_HOLDER },
    role: 'party-member',
    platforms: ['nationbuilder', 'nextcloud', 'facebook', 'instagram', 'x', 'youtube'],
    task: { description: 'Saisie du porte-à-porte, circonscription de Beauce-Sud', endsAt: new Date(now.getTime() + 30 * DAY_MS).toISOString() },
    confidentialityAgreementDate: new Date(now.getTime() - 7 * DAY_MS).toISOString().slice(0, 10),
    mfaResponsible: false,
    exportAuthorizations: [],
    issuedAt: new Date(now.getTime() - DAY_MS).toISOString(),
    expiresAt: new Date(now.getTime() + 365 * DAY_MS).toISOString(),
    ...overrides,
  };
}

export async function partyGrantToken(now: Date = new Date(), overrides: Partial<Grant> = {}): Promise<string> {
  return toToken(await signDocument('grant', partyGrantPayload(now, overrides), demoKeyPair()));
}
