import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, type KeyPairFile } from '../../lib/core/signature';
import { openOfficer, type Officer } from '../../lib/officer/officer';
import { seedPolicy } from '../../lib/officer/policy-service';
import acep from '../../lib/packs/acep/policy.json';

let sharedKey: KeyPairFile | undefined;

/** A fresh officer folder with the ACEP policy signed as its first version. */
export async function freshOfficer(options: { dir?: string; now?: () => Date } = {}): Promise<Officer> {
  sharedKey ??= await generateKeyPair();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'vigie-officer-'));
  const officer = openOfficer(dir, sharedKey, { keyProtected: false, actor: 'test-officer', ...(options.now ? { now: options.now } : {}) });
  await seedPolicy(officer, acep);
  return officer;
}

export const draft = (name: string, extra: Record<string, unknown> = {}) => ({
  holder: { name, email: `${name.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '.').replace(/^\.|\.$/g, '').toLowerCase() || 'x'}@example.org` },
  role: 'executive',
  section: { number: '70', name: { fr: 'Section locale 70', en: 'Local 70' } },
  platforms: ['action-network'],
  declarationDate: '2026-01-31',
  trainingDate: '2026-02-15',
  expiresAt: '2099-01-01T00:00:00Z',
  ...extra,
});
