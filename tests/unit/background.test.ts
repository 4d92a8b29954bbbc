import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signDocument, toToken, type KeyPairFile } from '../../lib/core/signature';
import { openLogDatabase } from '../../lib/log/database';
import { recentEvents } from '../../lib/log/event-log';
import type { AnyReply, Replies } from '../../lib/messaging/protocol';
import { DEFAULT_POLICY } from '../../lib/packs';
import { handleMessage } from '../../lib/state/handle-message';
import { onAlarm, onStart, RETENTION_ALARM } from '../../lib/state/lifecycle';
import { SYNC_ALARM } from '../../lib/sync/backoff';
import { loadPolicy } from '../../lib/state/policy-source';
import type { Services } from '../../lib/state/services';
import { loadSettings, saveSettings } from '../../lib/state/settings';
import { KEYS } from '../../lib/state/storage';
import { trustedKeys } from '../../lib/state/trust';
import { storedCount, storeRaw } from './helpers';

const demoKey = JSON.parse(readFileSync('demo/demo-keypair.json', 'utf8')) as KeyPairFile;
const NOW = new Date('2026-03-01T12:00:00Z');

const GRANT = {
  schema: 'vigie.grant/1',
  id: 'acep-70-0001',
  organisation: 'acep',
  holder: { name: 'Jeanne Tremblay', email: 'jeanne.tremblay@example.org' },
  section: { number: '70', name: { fr: 'Région de la capitale nationale', en: 'National Capital Region' }, accounts: ['sl70@acep-cape.ca'] },
  role: 'executive',
  platforms: ['action-network', 'gmail'],
  declarationDate: '2026-01-10',
  trainingDate: '2026-01-12',
  mfaResponsible: true,
  exportAuthorizations: [],
  issuedAt: '2026-01-15T00:00:00-05:00',
  expiresAt: '2027-01-15T00:00:00-05:00',
};

async function grantToken(overrides: Record<string, unknown> = {}): Promise<string> {
  return toToken(await signDocument('grant', { ...GRANT, ...overrides }, demoKey));
}

let services: Services;
let alarms: Map<string, { periodInMinutes?: number }>;
beforeEach(() => {
  fakeBrowser.reset();
  alarms = new Map();
  services = {
    areas: { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session, managed: fakeBrowser.storage.managed },
    db: openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange }),
    runtimeId: fakeBrowser.runtime.id,
    extensionBase: fakeBrowser.runtime.getURL(''),
    uiLanguage: () => 'fr-CA',
    alarms: { get: async (name) => alarms.get(name), create: (name, info) => void alarms.set(name, info) },
    now: () => NOW,
  };
});

const page = (file: string) => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(file), tab: { url: fakeBrowser.runtime.getURL(file) } });
const options = () => page('options.html');
const popup = () => page('popup.html');
const content = (url: string) => ({ id: fakeBrowser.runtime.id, url, tab: { url } });

async function ask<K extends keyof Replies>(message: { type: K } & Record<string, unknown>, sender: object): Promise<Replies[K]> {
  const reply: AnyReply = await handleMessage(message, sender, services);
  return reply as Replies[K];
}

async function state() {
  const reply = await ask({ type: 'get-state' }, popup());
  if (!reply.ok) throw new Error('get-state refused');
  return reply.state;
}

describe('hello', () => {
  it('records the family, time and origin in session storage, and logs nothing', async () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox?compose=jane@x.org';
    expect(await ask({ type: 'hello', family: 'gmail' }, content(url))).toEqual({ ok: true });
    await ask({ type: 'hello', family: 'action-network' }, content('https://actionnetwork.org/groups/x'));
    const { [KEYS.seen]: seen } = await fakeBrowser.storage.session.get(KEYS.seen);
    expect(seen).toEqual({
      gmail: { time: NOW.getTime(), origin: 'https://mail.google.com' },
      'action-network': { time: NOW.getTime(), origin: 'https://actionnetwork.org' },
    });
    expect(await storedCount(services.db)).toBe(0);
  });

  it('is refused from a page of another family, an unguarded host, or an extension page', async () => {
    expect(await handleMessage({ type: 'hello', family: 'gmail' }, content('https://actionnetwork.org/'), services)).toEqual({ ok: false, error: 'bad-sender' });
    expect(await handleMessage({ type: 'hello', family: 'gmail' }, content('https://example.org/'), services)).toEqual({ ok: false, error: 'bad-sender' });
    expect(await handleMessage({ type: 'hello', family: 'gmail' }, options(), services)).toEqual({ ok: false, error: 'bad-message' });
    expect(await fakeBrowser.storage.session.get(KEYS.seen)).toEqual({});
  });
});

describe('import-grant', () => {
  it('stores a valid grant as imported and logs it', async () => {
    const token = await grantToken();
    expect(await ask({ type: 'import-grant', token: `  ${token}\n` }, options())).toEqual({ ok: true, holder: 'Jeanne Tremblay' });
    expect((await fakeBrowser.storage.local.get(KEYS.grant))[KEYS.grant]).toBe(token);
    const { events } = await recentEvents(services.db, 5);
    expect(events).toMatchObject([{ surface: 'grant', action: 'grant-imported', grantId: 'acep-70-0001', policyId: 'acep-member-data' }]);
    const s = await state();
    expect(s.grant).toMatchObject({ state: 'held', status: 'valid', grant: { holder: { name: 'Jeanne Tremblay' } } });
  });

  it.each([
    ['another organisation', { organisation: 'pcq' }, 'wrong-organisation'],
    ['an expired grant', { expiresAt: '2026-02-01T00:00:00Z' }, 'expired'],
    ['a grant not yet in force', { issuedAt: '2026-04-01T00:00:00Z' }, 'not-yet-valid'],
  ])('refuses %s with its code and bilingual text, stores nothing, logs the refusal', async (_name, overrides, code) => {
    const reply = await ask({ type: 'import-grant', token: await grantToken(overrides) }, options());
    expect(reply).toMatchObject({ ok: false, error: 'refused', code });
    if (reply.ok || reply.error !== 'refused') throw new Error('unreachable');
    expect(reply.text.fr.length).toBeGreaterThan(0);
    expect(reply.text.en.length).toBeGreaterThan(0);
    expect(await fakeBrowser.storage.local.get(KEYS.grant)).toEqual({});
    expect((await recentEvents(services.db, 5)).events).toMatchObject([{ action: 'grant-refused', detail: code }]);
  });

  it('refuses a tampered grant and garbage', async () => {
    const token = await grantToken();
    const tampered = token.slice(0, -6) + (token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
    const forged = JSON.stringify({ ...(await signDocument('grant', GRANT, demoKey)), payload: { ...GRANT, role: 'cla' } });
    expect(await ask({ type: 'import-grant', token: forged }, options())).toMatchObject({ ok: false, code: 'bad-signature' });
    expect((await ask({ type: 'import-grant', token: tampered }, options())).ok).toBe(false);
    expect(await ask({ type: 'import-grant', token: 'hello' }, options())).toMatchObject({ ok: false, code: 'malformed' });
    expect(await fakeBrowser.storage.local.get(KEYS.grant)).toEqual({});
  });

  it('is not accepted from the popup or a content script', async () => {
    const token = await grantToken();
    expect(await handleMessage({ type: 'import-grant', token }, popup(), services)).toEqual({ ok: false, error: 'bad-message' });
    expect(await handleMessage({ type: 'import-grant', token }, content('https://actionnetwork.org/'), services)).toEqual({ ok: false, error: 'bad-message' });
    expect(await handleMessage({ type: 'import-grant', token }, { ...options(), id: 'other-extension' }, services)).toEqual({ ok: false, error: 'bad-sender' });
    expect(await fakeBrowser.storage.local.get(KEYS.grant)).toEqual({});
  });
});

describe('get-state', () => {
  it('with no grant: the bundled default policy and a missing grant', async () => {
    const s = await state();
    expect(s.lang).toBe('fr');
    expect(s.policy).toMatchObject({ source: 'default', policy: { id: 'acep-member-data' } });
    expect(s.grant).toEqual({ state: 'missing' });
  });

  it('still shows a grant that expired after it was imported, with its status', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.grant]: await grantToken({ expiresAt: '2026-02-01T00:00:00Z' }) });
    expect((await state()).grant).toMatchObject({ state: 'held', status: 'expired', grant: { id: 'acep-70-0001' } });
  });

  it('shows a revoked grant as revoked once the held policy revokes it', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.grant]: await grantToken() });
    const policy = await signDocument('policy', { ...DEFAULT_POLICY, version: 2, revokedGrants: ['acep-70-0001'] }, demoKey);
    await fakeBrowser.storage.local.set({ [KEYS.policy]: JSON.stringify(policy) });
    const s = await state();
    expect(s.policy).toMatchObject({ source: 'stored', policy: { version: 2 } });
    expect(s.grant).toMatchObject({ state: 'held', status: 'revoked' });
  });

  it('follows the language setting over the browser language', async () => {
    await saveSettings(fakeBrowser.storage.local, { language: 'en' });
    expect((await state()).lang).toBe('en');
  });

  it("sends the popup's recent events, or to the options page the log's first page instead (logPage)", async () => {
    await ask({ type: 'import-grant', token: await grantToken() }, options());
    await ask({ type: 'remove-grant' }, options());
    const popupState = await state();
    expect(popupState.recent?.events.map((e) => e.action)).toEqual(['grant-removed', 'grant-imported']);
    expect(popupState.logPage).toBeUndefined();
    const reply = await ask({ type: 'get-state', logPage: 1 }, options());
    if (!reply.ok) throw new Error('get-state refused');
    expect(reply.state.recent).toBeUndefined();
    // Newest first, each row checked against the schema (a corrupt one would be { ok: false, id }).
    expect(reply.state.logPage).toEqual([{ ok: true, event: expect.objectContaining({ action: 'grant-removed', id: expect.any(Number) }) }]);
    for (const logPage of [0, 501, 2.5, '200']) expect(await ask({ type: 'get-state', logPage }, options())).toEqual({ ok: false, error: 'bad-message' });
  });

  it('marks a corrupt row of the first page as such, in its place, and keeps it', async () => {
    await ask({ type: 'import-grant', token: await grantToken() }, options());
    const corrupt = await storeRaw(services.db, { time: Date.now() + 1000, platform: 'gmail', surface: 'copy', action: 'NOT an action' } as never);
    const reply = await ask({ type: 'get-state', logPage: 5 }, options());
    if (!reply.ok) throw new Error('get-state refused');
    expect(reply.state.logPage).toEqual([{ ok: false, id: corrupt }, { ok: true, event: expect.objectContaining({ action: 'grant-imported' }) }]);
    expect(await storedCount(services.db)).toBe(2);
  });
});

describe('remove-grant', () => {
  it('removes the grant and logs it', async () => {
    await ask({ type: 'import-grant', token: await grantToken() }, options());
    expect(await ask({ type: 'remove-grant' }, options())).toEqual({ ok: true });
    expect(await fakeBrowser.storage.local.get(KEYS.grant)).toEqual({});
    expect((await recentEvents(services.db, 1)).events[0]).toMatchObject({ action: 'grant-removed' });
  });
});

describe('policy source', () => {
  it('uses a held signed policy, and refuses an unsigned or altered one for the bundled default', async () => {
    const trusted = () => trustedKeys(services.areas);
    await fakeBrowser.storage.local.set({ [KEYS.policy]: JSON.stringify(DEFAULT_POLICY) });
    expect(await loadPolicy(services.areas, trusted)).toMatchObject({ source: 'default', refused: { code: 'malformed' } });

    const signed = await signDocument('policy', { ...DEFAULT_POLICY, version: 2 }, demoKey);
    await fakeBrowser.storage.local.set({ [KEYS.policy]: { ...signed, payload: { ...signed.payload, rollout: 'audit' } } });
    expect(await loadPolicy(services.areas, trusted)).toMatchObject({ source: 'default', refused: { code: 'bad-signature' } });

    await fakeBrowser.storage.local.set({ [KEYS.policy]: await signDocument('policy', { ...DEFAULT_POLICY, version: 2 }, demoKey) });
    expect(await loadPolicy(services.areas, trusted)).toMatchObject({ source: 'stored', signedBy: 'Vigie demo key (not for production)', policy: { version: 2 } });
  });
});

describe('trusted keys', () => {
  const managedKey = { keyId: 'it-key-1', publicKey: 'A'.repeat(43), label: 'IT' };

  it('adds valid managed keys to the built-in ones and ignores malformed entries', async () => {
    const builtin = await trustedKeys(services.areas);
    expect(builtin.map((k) => k.source)).toEqual(['demo']);
    await fakeBrowser.storage.managed.set({ trustedKeys: [managedKey, { keyId: 'x' }, 'nonsense'] });
    const keys = await trustedKeys(services.areas);
    expect(keys.map((k) => k.keyId)).toEqual([builtin[0]!.keyId, 'it-key-1']);
    expect(keys[1]).toMatchObject({ source: 'managed', label: 'IT' });
  });

  it('works when managed storage throws (Firefox without a managed manifest)', async () => {
    const throwing = { get: async () => Promise.reject(new Error('Managed storage manifest not found')) };
    expect(await trustedKeys({ managed: throwing })).toHaveLength(1);
    const s = await handleMessage({ type: 'get-state' }, popup(), { ...services, areas: { ...services.areas, managed: throwing } });
    expect(s).toMatchObject({ ok: true, state: { grant: { state: 'missing' } } });
  });

  it('does not leave pages waiting on a managed storage that is slow to answer (Chromium at start-up)', async () => {
    const silent = { get: () => new Promise<Record<string, unknown>>(() => undefined) };
    expect(await trustedKeys({ managed: silent }, 20)).toHaveLength(1);
    const slow = { ...services, areas: { ...services.areas, managed: silent } };
    // No held policy and no grant: the keys are never needed, so nothing waits for them.
    expect(await handleMessage({ type: 'hello', family: 'gmail' }, content('https://mail.google.com/'), slow)).toEqual({ ok: true });
    await fakeBrowser.storage.local.set({ [KEYS.grant]: await grantToken() });
    const reply = await handleMessage({ type: 'get-state' }, popup(), slow);
    expect(reply).toMatchObject({ ok: true, state: { grant: { state: 'held', status: 'valid' } } });
  });

  it('lets a grant signed by a managed key in, and not one signed by an unknown key', async () => {
    const { generateKeyPair } = await import('../../lib/core/signature');
    const itKey = await generateKeyPair();
    const token = toToken(await signDocument('grant', GRANT, itKey));
    expect(await ask({ type: 'import-grant', token }, options())).toMatchObject({ ok: false, code: 'unknown-key' });
    await fakeBrowser.storage.managed.set({ trustedKeys: [{ keyId: itKey.keyId, publicKey: itKey.publicKey }] });
    expect(await ask({ type: 'import-grant', token }, options())).toEqual({ ok: true, holder: 'Jeanne Tremblay' });
  });
});

describe('settings', () => {
  it('repairs a bad stored field without wiping the rest', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.settings]: { language: 'de', future: 1 } });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual({ language: 'auto' });
    await fakeBrowser.storage.local.set({ [KEYS.settings]: 'garbage' });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual({ language: 'auto' });
    await fakeBrowser.storage.local.set({ [KEYS.settings]: { language: 'en' } });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual({ language: 'en' });
  });
});

describe('lifecycle', () => {
  it('schedules the daily purge once and purges by the policy retention', async () => {
    const old = NOW.getTime() - (DEFAULT_POLICY.log.retentionDays + 1) * 24 * 60 * 60 * 1000;
    await storeRaw(services.db, { time: old, platform: 'gmail', surface: 'send', action: 'decided', ruleIds: [], clauses: [], findings: [] } as never);
    await onStart(services);
    await onStart(services);
    expect([...alarms]).toEqual([
      [RETENTION_ALARM, { delayInMinutes: 1440, periodInMinutes: 1440 }],
      [SYNC_ALARM, { delayInMinutes: DEFAULT_POLICY.sync.refreshMinutes, periodInMinutes: DEFAULT_POLICY.sync.refreshMinutes }],
    ]);
    expect(await storedCount(services.db)).toBe(0);
    await storeRaw(services.db, { time: old, platform: 'gmail', surface: 'send', action: 'decided', ruleIds: [], clauses: [], findings: [] } as never);
    await onAlarm('something-else', services);
    expect(await storedCount(services.db)).toBe(1);
    await onAlarm(RETENTION_ALARM, services);
    expect(await storedCount(services.db)).toBe(0);
  });
});
