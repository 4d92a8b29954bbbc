import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openLogDatabase, type LogDatabase, type StoredEvent } from '../../lib/log/database';
import { appendEvents } from '../../lib/log/event-log';
import type { Services } from '../../lib/state/services';
import { readFileSync } from 'node:fs';
import type { Grant } from '../../lib/core/grant';
import type { KeyPairFile, TrustedKey } from '../../lib/core/signature';

/** The demo key pair: public in this repository, trusted only by demo/test builds. */
export const demoKeyPair: KeyPairFile = JSON.parse(readFileSync(new URL('../../demo/demo-keypair.json', import.meta.url), 'utf8'));
export const demoTrust: TrustedKey[] = [{ keyId: demoKeyPair.keyId, publicKey: demoKeyPair.publicKey, label: 'demo', source: 'demo' }];

export const NOW = new Date('2026-11-22T12:00:00Z');

export function sampleGrant(overrides: Partial<Grant> = {}): Grant {
  return {
    schema: 'vigie.grant/1',
    id: 'g-2026-0070-01',
    organisation: 'acep',
    holder: { name: 'Marie Tremblay', email: 'marie.tremblay@example.org' },
    section: { number: '70', name: { fr: 'Section locale 70 – Ottawa', en: 'Local 70 – Ottawa' }, accounts: ['sl70@acep-cape.ca'] },
    role: 'executive',
    platforms: ['action-network', 'action-builder', 'gmail', 'outlook'],
    declarationDate: '2026-05-01',
    trainingDate: '2026-05-15',
    mfaResponsible: true,
    exportAuthorizations: [],
    issuedAt: '2026-05-01T00:00:00Z',
    expiresAt: '2027-05-01T00:00:00Z',
    ...overrides,
  };
}

/** The background's services on WXT's fake browser, with a fresh in-memory log (fake-indexeddb). */
export function fakeServices(now: () => Date = () => new Date()): Services {
  return {
    areas: { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session, managed: fakeBrowser.storage.managed },
    db: openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange }),
    runtimeId: fakeBrowser.runtime.id,
    extensionBase: fakeBrowser.runtime.getURL(''),
    uiLanguage: () => 'en',
    alarms: { get: async () => undefined, create: () => undefined },
    now,
  };
}

/** Every stored event, as stored (unchecked), in logging order. */
export async function storedEvents(db: LogDatabase): Promise<StoredEvent[]> {
  return (await db.blocks.toArray()).flatMap((b) => b.events);
}

/** How many events are stored, corrupt ones included. */
export async function storedCount(db: LogDatabase): Promise<number> {
  return (await storedEvents(db)).length;
}

/** Stores an event as it is, without the checks (a corrupt row, an old one); returns its id. */
export async function storeRaw(db: LogDatabase, raw: object): Promise<number> {
  const [id] = await appendEvents(db, [raw as never]);
  return id!;
}
