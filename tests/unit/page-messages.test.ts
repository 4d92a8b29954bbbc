import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signDocument, toToken } from '../../lib/core/signature';
import { openLogDatabase } from '../../lib/log/database';
import { logEvents, queryEvents } from '../../lib/log/event-log';
import { DEFAULT_POLICY } from '../../lib/packs';
import { handleMessage } from '../../lib/state/handle-message';
import type { Services } from '../../lib/state/services';
import { KEYS } from '../../lib/state/storage';
import { demoKeyPair, sampleGrant } from './helpers';

const NOW = new Date('2026-11-22T12:00:00Z');
let services: Services;

beforeEach(() => {
  fakeBrowser.reset();
  services = {
    areas: { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session, managed: fakeBrowser.storage.managed },
    db: openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange }),
    runtimeId: fakeBrowser.runtime.id,
    extensionBase: fakeBrowser.runtime.getURL(''),
    uiLanguage: () => 'en-CA',
    alarms: { get: async () => undefined, create: () => undefined },
    now: () => NOW,
    fetch: (async () => new Response(JSON.stringify(await signDocument('policy', { ...DEFAULT_POLICY, version: 2 }, demoKeyPair)))) as typeof fetch,
  };
});

const page = (file: string) => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(file), tab: { url: fakeBrowser.runtime.getURL(file) } });
const popup = page('popup.html');
const options = page('options.html');
const content = { id: fakeBrowser.runtime.id, url: 'https://actionnetwork.org/x', tab: { url: 'https://actionnetwork.org/x' } };
const ev = (time: number, platform: string, verdict?: 'block' | 'allow') => ({ time, platform, surface: 'export-click', action: 'decided', verdict, ruleIds: [], clauses: [], findings: [] });

describe('query-log (options page)', () => {
  it('returns the matching events, newest first', async () => {
    await logEvents(services.db, [ev(1000, 'gmail', 'allow'), ev(2000, 'action-network', 'block'), ev(3000, 'action-network', 'allow')]);
    const reply = await handleMessage({ type: 'query-log', query: { platform: 'action-network' } }, options, services);
    expect(reply).toMatchObject({ ok: true, log: { events: [{ time: 3000 }, { time: 2000 }], skipped: 0 } });
    const blocked = await handleMessage({ type: 'query-log', query: { verdict: 'block', from: 1500, to: 2500 } }, options, services);
    expect(blocked).toMatchObject({ ok: true, log: { events: [{ time: 2000, platform: 'action-network' }] } });
  });

  it('is refused from the popup and from content scripts, and with a malformed query', async () => {
    expect(await handleMessage({ type: 'query-log', query: {} }, popup, services)).toEqual({ ok: false, error: 'bad-message' });
    expect(await handleMessage({ type: 'query-log', query: {} }, content, services)).toEqual({ ok: false, error: 'bad-message' });
    expect(await handleMessage({ type: 'query-log', query: { verdict: 'maybe' } }, options, services)).toEqual({ ok: false, error: 'bad-message' });
  });
});

describe('report-compromise (popup)', () => {
  it('logs a report event with the grant and the clause, nothing else', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.grant]: toToken(await signDocument('grant', sampleGrant(), demoKeyPair)) });
    expect(await handleMessage({ type: 'report-compromise' }, popup, services)).toEqual({ ok: true });
    const [event] = (await queryEvents(services.db)).events;
    expect(event).toMatchObject({ platform: 'vigie', surface: 'report', action: 'reported', clauses: ['7.7'], grantId: 'g-2026-0070-01', time: NOW.getTime() });
    expect(event?.detail).toBeUndefined();
  });

  it('cannot be sent by a content script', async () => {
    expect(await handleMessage({ type: 'report-compromise' }, content, services)).toEqual({ ok: false, error: 'bad-message' });
  });
});

describe('sync-now (popup and options page)', () => {
  it('syncs before answering, so the next get-state shows the result', async () => {
    await fakeBrowser.storage.managed.set({ policyUrl: 'https://policy.example.org/p.json' });
    expect(await handleMessage({ type: 'sync-now' }, popup, services)).toEqual({ ok: true });
    const state = await handleMessage({ type: 'get-state' }, popup, services);
    expect(state).toMatchObject({ ok: true, state: { policy: { source: 'url', policy: { version: 2 } }, sync: { source: 'url', problems: [] } } });
    expect(await handleMessage({ type: 'sync-now' }, options, services)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'sync-now' }, content, services)).toEqual({ ok: false, error: 'bad-message' });
  });
});
