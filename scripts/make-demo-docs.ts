/**
 * Signs the demo access grant with the demo key (demo/demo-keypair.json, trusted only by
 * `wxt build --mode demo`) and writes it to .demo/demo-grant.txt so a person can paste it into the
 * options page. The end-to-end tests sign their grants with the same functions.
 *
 *   node --import tsx scripts/make-demo-docs.ts [--out .demo/demo-grant.txt]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Grant } from '../lib/core/grant';
import { signDocument, toToken, type KeyPairFile } from '../lib/core/signature';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DAY_MS = 24 * 60 * 60 * 1000;

export const DEMO_HOLDER = { name: 'Camille Roy', email: 'camille.roy@acep-cape.ca' } as const;

export function demoKeyPair(): KeyPairFile {
  return JSON.parse(readFileSync(resolve(ROOT, 'demo/demo-keypair.json'), 'utf8'));
}

/** The demo grant: an executive of local 70, in force from yesterday for a year. */
export function demoGrantPayload(now: Date = new Date(), overrides: Partial<Grant> = {}): Grant {
  return {
    schema: 'vigie.grant/1',
    id: 'demo-sl70-executive',
    organisation: 'acep',
    holder: { ...DEMO_HOLDER },
    section: {
      number: '70',
      name: { fr: 'Section locale 70 – Ottawa', en: 'Local 70 – Ottawa' },
      accounts: ['sl70@acep-cape.ca'],
    },
    role: 'executive',
    platforms: ['action-network', 'action-builder', 'gmail', 'outlook'],
    mfaResponsible: false,
    exportAuthorizations: [],
    issuedAt: new Date(now.getTime() - DAY_MS).toISOString(),
    expiresAt: new Date(now.getTime() + 365 * DAY_MS).toISOString(),
    ...overrides,
  };
}

/** A one-line `vigie1.` token, as the privacy officer would hand it out. */
export async function demoGrantToken(now: Date = new Date(), overrides: Partial<Grant> = {}): Promise<string> {
  const envelope = await signDocument('grant', demoGrantPayload(now, overrides), demoKeyPair());
  return toToken(envelope);
}

export async function writeDemoGrant(outFile = resolve(ROOT, '.demo/demo-grant.txt')): Promise<{ file: string; token: string }> {
  const token = await demoGrantToken();
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${token}\n`);
  return { file: outFile, token };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[process.argv.indexOf('--out') + 1];
  const { file } = await writeDemoGrant(process.argv.includes('--out') && out ? resolve(out) : undefined);
  console.log(`demo grant for ${DEMO_HOLDER.name} (local 70) written to ${file}`);
}
