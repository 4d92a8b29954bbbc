import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { decide } from '../../lib/core/decide';
import { generateKeyPair, signDocument, toToken, type KeyPairFile } from '../../lib/core/signature';
import { openLogDatabase } from '../../lib/log/database';
import { queryEvents } from '../../lib/log/event-log';
import type { AnyReply } from '../../lib/messaging/protocol';
import { DEFAULT_POLICY } from '../../lib/packs';
import { handleMessage } from '../../lib/state/handle-message';
import { onAlarm, onStart, onStorageChanged } from '../../lib/state/lifecycle';
import { loadPolicy } from '../../lib/state/policy-source';
import type { Services } from '../../lib/state/services';
import { KEYS } from '../../lib/state/storage';
import { keySource } from '../../lib/state/trust';
import { RETRY_ALARM, retryDelayMinutes, SYNC_ALARM } from '../../lib/sync/backoff';
import { readManagedConfig } from '../../lib/sync/managed-config';
import { syncPolicy } from '../../lib/sync/run-sync';
import { readSyncStatus } from '../../lib/sync/sync-status';
import { demoKeyPair, sampleGrant } from './helpers';

const NOW = new Date('2026-11-22T12:00:00Z');
const URL_ = 'https://policy.example.org/acep.signed.json';
const GRANT_ID = 'g-2026-0070-01';

/** The bundled policy, re-issued at `version` with `changes`, signed by `key`. */
async function signedPolicy(version: number, changes: Record<string, unknown> = {}, key: KeyPairFile = demoKeyPair) {
  return signDocument('policy', { ...DEFAULT_POLICY, version, ...changes }, key);
}

/** A policy server that answers each request with the next response (or throws it). */
function server(...responses: Array<Response | Error | (() => Response)>) {
  const requests: Array<{ url: string; init?: RequestInit }> = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    requests.push({ url, init });
    const next = responses.length > 1 ? responses.shift()! : responses[0]!;
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next() : next.clone();
  }) as typeof fetch;
  return { fetcher, requests };
}

const json = (body: unknown, init: ResponseInit = {}) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200, ...init });

let services: Services;
let alarms: Map<string, { delayInMinutes?: number; periodInMinutes?: number }>;
let clock: Date;

function setup(fetcher?: typeof fetch) {
  services = { ...services, fetch: fetcher };
}

beforeEach(() => {
  fakeBrowser.reset();
  alarms = new Map();
  clock = NOW;
  services = {
    areas: { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session, managed: fakeBrowser.storage.managed },
    db: openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange }),
    runtimeId: fakeBrowser.runtime.id,
    extensionBase: fakeBrowser.runtime.getURL(''),
    uiLanguage: () => 'fr-CA',
    alarms: { get: async (name) => alarms.get(name), create: (name, info) => void alarms.set(name, info) },
    now: () => clock,
    fetch: server(new Error('no network in unit tests')).fetcher,
  };
});

const policyInForce = () => loadPolicy(services.areas, keySource(services.areas));
const events = async () => (await queryEvents(services.db)).events;
const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

describe('policy sources, highest first', () => {
  it('with nothing configured, keeps the bundled default and says no source is configured', async () => {
    const status = await syncPolicy(services);
    expect(await policyInForce()).toMatchObject({ source: 'default', policy: { version: 1 } });
    expect(status).toMatchObject({ configured: [], problems: [], failures: 0, lastSuccess: NOW.getTime() });
    expect(alarms.get(SYNC_ALARM)).toEqual({ delayInMinutes: 60, periodInMinutes: 60 });
  });

  it("takes IT's inline policy, as JSON text or as an object (Firefox's policies.json)", async () => {
    await fakeBrowser.storage.managed.set({ signedPolicy: JSON.stringify(await signedPolicy(2)) });
    await syncPolicy(services);
    expect(await policyInForce()).toMatchObject({ source: 'managed', policy: { version: 2 } });
    await fakeBrowser.storage.managed.set({ signedPolicy: await signedPolicy(3) });
    await syncPolicy(services);
    expect(await policyInForce()).toMatchObject({ source: 'managed', policy: { version: 3 } });
  });

  it('fetches the policy URL without cookies and without the cache', async () => {
    const policyServer = server(json(await signedPolicy(2)));
    setup(policyServer.fetcher);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_ });
    const status = await syncPolicy(services);
    expect(await policyInForce()).toMatchObject({ source: 'url', policy: { version: 2 } });
    expect(status).toMatchObject({ source: 'url', url: URL_, configured: ['url'], acceptedAt: NOW.getTime() });
    expect(policyServer.requests).toMatchObject([{ url: URL_, init: { credentials: 'omit', cache: 'no-store' } }]);
  });

  it('at the same version, the inline policy wins over the URL', async () => {
    setup(server(json(await signedPolicy(2, { rollout: 'audit' }))).fetcher);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_, signedPolicy: await signedPolicy(2) });
    await syncPolicy(services);
    expect(await policyInForce()).toMatchObject({ source: 'managed', policy: { version: 2, rollout: 'enforce' } });
  });

  it('a newer version at the URL wins over a stale inline policy (a revocation is never hidden)', async () => {
    setup(server(json(await signedPolicy(3, { revokedGrants: [GRANT_ID] }))).fetcher);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_, signedPolicy: await signedPolicy(2) });
    const status = await syncPolicy(services);
    expect(await policyInForce()).toMatchObject({ source: 'url', policy: { version: 3, revokedGrants: [GRANT_ID] } });
    // Next time the inline v2 is older than the copy held: superseded, not a problem.
    expect((await syncPolicy(services)).problems).toEqual([]);
    expect(status.problems).toEqual([]);
  });

  it('falls to the URL when the inline policy is refused, and says why', async () => {
    const inline = await signedPolicy(2);
    setup(server(json(await signedPolicy(2))).fetcher);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_, signedPolicy: { ...inline, payload: { ...inline.payload, rollout: 'audit' } } });
    const status = await syncPolicy(services);
    expect(await policyInForce()).toMatchObject({ source: 'url', policy: { version: 2 } });
    expect(status.problems).toEqual([{ source: 'managed', code: 'bad-signature', version: 2 }]);
  });

  it('keeps the last verified copy when every source fails, and the bundled default when there is none', async () => {
    setup(server(new TypeError('Failed to fetch')).fetcher);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_ });
    expect((await syncPolicy(services)).problems).toEqual([{ source: 'url', code: 'unreachable' }]);
    expect(await policyInForce()).toMatchObject({ source: 'default' });

    setup(server(json(await signedPolicy(4))).fetcher);
    await syncPolicy(services);
    setup(server(new TypeError('Failed to fetch')).fetcher);
    later(120);
    const status = await syncPolicy(services);
    expect(await policyInForce()).toMatchObject({ source: 'url', policy: { version: 4 } });
    expect(status).toMatchObject({ lastSuccess: NOW.getTime(), lastAttempt: NOW.getTime() + 120 * 60_000, problems: [{ code: 'unreachable' }] });
  });

  it('works when managed storage throws (Firefox without policies.json)', async () => {
    const throwing = { get: async () => Promise.reject(new Error('Managed storage manifest not found')) };
    services = { ...services, areas: { ...services.areas, managed: throwing } };
    expect(await syncPolicy(services)).toMatchObject({ configured: [], problems: [] });
  });

  it('reads managed storage that is slow to answer (Chromium at start-up) until it answers, saying once that it waits', async () => {
    // The first read never answers; a later one does (the browser's policy service is up by then).
    let calls = 0;
    const slow = { get: () => (++calls < 3 ? new Promise<Record<string, unknown>>(() => undefined) : Promise.resolve({ policyUrl: URL_, x: 1 })) };
    const late = vi.fn();
    expect(await readManagedConfig(slow, { attemptMs: 5, onLate: late })).toEqual({ policyUrl: URL_ });
    expect(calls).toBe(3);
    expect(late).toHaveBeenCalledOnce();
    // A first read that answers late still counts, however many attempts were started beside it.
    let answer: (v: Record<string, unknown>) => void = () => undefined;
    const first = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
    const pending = readManagedConfig({ get: () => (calls++ === 3 ? first : new Promise(() => undefined)) }, { attemptMs: 5 });
    setTimeout(() => answer({ signedGrant: 'vigie1.x' }), 40);
    expect(await pending).toEqual({ signedGrant: 'vigie1.x' });
    expect(await readManagedConfig({ get: async () => ({ policyUrl: '', signedGrant: null, x: 1 }) })).toEqual({});
  });

  it('a sync waiting for managed storage says so in its status, and takes IT\'s configuration once it answers', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const grant = toToken(await signDocument('grant', sampleGrant(), demoKeyPair));
    await fakeBrowser.storage.managed.set({ signedPolicy: JSON.stringify(await signedPolicy(3)), signedGrant: grant });
    const real = fakeBrowser.storage.managed;
    services = { ...services, areas: { ...services.areas, managed: { get: async (keys) => (await gate, real.get(keys)) } } };
    const running = syncPolicy(services);
    await vi.waitFor(async () => expect((await readSyncStatus(services.areas.local)).problems).toEqual([{ source: 'managed', code: 'managed-late' }]), { timeout: 8_000 });
    expect(alarms.get(RETRY_ALARM)).toEqual({ delayInMinutes: 1 });
    expect(await fakeBrowser.storage.session.get(KEYS.configRead)).toEqual({});
    release();
    expect(await running).toMatchObject({ problems: [], source: 'managed', grantManaged: true });
    expect(await fakeBrowser.storage.local.get(KEYS.grant)).toEqual({ [KEYS.grant]: grant });
    expect(await fakeBrowser.storage.session.get(KEYS.configRead)).toEqual({ [KEYS.configRead]: NOW.getTime() });
  }, 15_000);

  it('a change of IT\'s configuration while a sync runs is not lost: one more sync follows', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = fakeBrowser.storage.managed;
    let reads = 0;
    services = { ...services, areas: { ...services.areas, managed: { get: async (keys) => (reads++ === 0 && (await gate), real.get(keys)) } } };
    const first = syncPolicy(services);
    await fakeBrowser.storage.managed.set({ signedPolicy: JSON.stringify(await signedPolicy(4)) });
    const second = onStorageChanged('managed', services);
    release();
    await first;
    await second;
    expect(await policyInForce()).toMatchObject({ source: 'managed', policy: { version: 4 } });
  });

  it('writes the policy only when it changed, so open tabs refresh only then', async () => {
    setup(server(json(await signedPolicy(2))).fetcher);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_ });
    const writes: string[] = [];
    fakeBrowser.storage.onChanged.addListener((changes, area) => area === 'local' && KEYS.policy in changes && writes.push('policy'));
    await syncPolicy(services);
    later(60);
    await syncPolicy(services);
    expect(writes).toEqual(['policy']);
    expect((await events()).filter((e) => e.action === 'policy-updated')).toMatchObject([{ surface: 'policy', detail: 'url v2', policyVersion: 2 }]);
  });
});

describe('refusals: the last good policy stays, and the log and the popup say why', () => {
  const cases: Array<[string, () => Promise<unknown>, string]> = [
    ['an unsigned policy', async () => DEFAULT_POLICY, 'malformed'],
    ['garbage', async () => '<html>maintenance</html>', 'malformed'],
    ['an altered policy', async () => {
      const good = await signedPolicy(3);
      return { ...good, payload: { ...good.payload, rollout: 'audit' } };
    }, 'bad-signature'],
    ['a policy signed by an unknown key', async () => signedPolicy(3, {}, await generateKeyPair()), 'unknown-key'],
    ['a grant served as a policy', async () => signDocument('grant', sampleGrant(), demoKeyPair), 'wrong-kind'],
    ['a signed policy that does not validate', async () => signedPolicy(3, { rules: [] }), 'invalid'],
    ['an older policy (rollback)', async () => signedPolicy(1), 'rollback'],
  ];

  it.each(cases)('refuses %s', async (_name, make, code) => {
    setup(server(json(await signedPolicy(2))).fetcher);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_ });
    await syncPolicy(services);

    setup(server(json((await make()) as object | string)).fetcher);
    later(60);
    const status = await syncPolicy(services);
    expect(await policyInForce()).toMatchObject({ source: 'url', policy: { version: 2 } });
    expect(status.problems).toMatchObject([{ source: 'url', code }]);
    expect((await events())[0]).toMatchObject({ surface: 'policy', action: 'policy-refused', detail: expect.stringMatching(new RegExp(`^url ${code}`)) });
  });

  it('refuses a rollback below the version held, naming the version', async () => {
    await fakeBrowser.storage.managed.set({ signedPolicy: await signedPolicy(5) });
    await syncPolicy(services);
    await fakeBrowser.storage.managed.set({ signedPolicy: await signedPolicy(4) });
    const status = await syncPolicy(services);
    expect(status.problems).toEqual([{ source: 'managed', code: 'rollback', version: 4 }]);
    expect(await policyInForce()).toMatchObject({ source: 'managed', policy: { version: 5 } });
  });
});

describe('backoff after a failed fetch', () => {
  it('doubles the wait from one minute, never beyond the refresh interval', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => retryDelayMinutes(n, 60))).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(retryDelayMinutes(0, 60)).toBe(60);
  });

  it('counts failures in storage, schedules the retry, logs the failure once, and resets on success', async () => {
    await fakeBrowser.storage.managed.set({ policyUrl: URL_ });
    setup(server(new Response('down', { status: 503 })).fetcher);
    const seen: Array<[number, number | undefined]> = [];
    for (let i = 0; i < 4; i++) {
      const status = await syncPolicy(services);
      seen.push([status.failures, alarms.get(RETRY_ALARM)?.delayInMinutes]);
      expect(status.nextRetry).toBe(clock.getTime() + alarms.get(RETRY_ALARM)!.delayInMinutes! * 60_000);
      later(10);
    }
    expect(seen).toEqual([[1, 1], [2, 2], [3, 4], [4, 8]]);
    expect((await events()).map((e) => [e.action, e.detail])).toEqual([['sync-failed', 'url http-error HTTP 503']]);

    setup(server(json(await signedPolicy(2))).fetcher);
    const status = await syncPolicy(services);
    expect(status).toMatchObject({ failures: 0, nextRetry: undefined, problems: [], lastSuccess: clock.getTime() });
    expect(await readSyncStatus(fakeBrowser.storage.local)).toMatchObject({ failures: 0 });
  });

  it.each([
    ['a plain-HTTP address', 'http://policy.example.org/p.json', undefined, 'not-https'],
    ['a 404', URL_, new Response('no', { status: 404 }), 'http-error'],
    ['a huge file', URL_, new Response('x'.repeat(1024 * 1024 + 1)), 'too-large'],
    ['a server without CORS headers (the fetch rejects)', URL_, new TypeError('Failed to fetch'), 'unreachable'],
    ['a server that does not answer in time', URL_, new DOMException('signal timed out', 'TimeoutError'), 'timeout'],
  ])('reports %s', async (_name, url, response, code) => {
    await fakeBrowser.storage.managed.set({ policyUrl: url });
    if (response) setup(server(response).fetcher);
    const status = await syncPolicy(services);
    expect(status).toMatchObject({ failures: 1, problems: [{ source: 'url', code }] });
  });
});

describe('revocation', () => {
  const content = (url: string) => ({ id: fakeBrowser.runtime.id, url, tab: { url } });

  it('a grant listed by the next policy stops working at that sync: context, decisions, log, popup', async () => {
    const grant = sampleGrant({
      exportAuthorizations: [{ platform: 'action-network', purpose: 'Liste pour l’AGA', reference: 'BN-2026-014', expires: '2027-01-31T00:00:00Z' }],
    });
    await fakeBrowser.storage.local.set({ [KEYS.grant]: toToken(await signDocument('grant', grant, demoKeyPair)) });
    await fakeBrowser.storage.managed.set({ policyUrl: URL_ });
    setup(server(json(await signedPolicy(2))).fetcher);
    await syncPolicy(services);

    const contextOf = async () => {
      const reply = (await handleMessage({ type: 'get-context' }, content('https://actionnetwork.org/reports/x/manage'), services)) as AnyReply;
      if (!('context' in reply)) throw new Error('no context');
      return reply.context;
    };
    const before = await contextOf();
    expect(before.grantStatus).toBe('valid');
    expect(decide({ surface: 'export-click', platform: 'action-network' }, before.policy, before.grant, NOW).verdict).toBe('allow');

    setup(server(json(await signedPolicy(3, { revokedGrants: [GRANT_ID] }))).fetcher);
    later(60);
    await syncPolicy(services);
    const after = await contextOf();
    expect(after.grantStatus).toBe('revoked');
    expect(decide({ surface: 'export-click', platform: 'action-network' }, after.policy, after.grant, clock).verdict).toBe('block');
    expect((await events()).map((e) => e.action).slice(0, 2)).toEqual(['grant-revoked', 'policy-updated']);
    const state = await handleMessage({ type: 'get-state' }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('popup.html') }, services);
    expect(state).toMatchObject({ ok: true, state: { grant: { state: 'held', status: 'revoked' }, policy: { policy: { version: 3 } } } });
  });
});

describe("IT's inline grant", () => {
  const options = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('options.html') };

  it('is applied at sync, and the person can then neither import nor remove a grant', async () => {
    const token = toToken(await signDocument('grant', sampleGrant(), demoKeyPair));
    await fakeBrowser.storage.managed.set({ signedGrant: token });
    const status = await syncPolicy(services);
    expect(status.grantManaged).toBe(true);
    expect((await fakeBrowser.storage.local.get(KEYS.grant))[KEYS.grant]).toBe(token);
    expect((await events())[0]).toMatchObject({ surface: 'grant', action: 'grant-imported', detail: 'managed', grantId: GRANT_ID });

    const other = toToken(await signDocument('grant', sampleGrant({ id: 'g-other-0001' }), demoKeyPair));
    expect(await handleMessage({ type: 'import-grant', token: other }, options, services)).toEqual({ ok: false, error: 'managed' });
    expect(await handleMessage({ type: 'remove-grant' }, options, services)).toEqual({ ok: false, error: 'managed' });
    expect((await fakeBrowser.storage.local.get(KEYS.grant))[KEYS.grant]).toBe(token);
  });

  it('is reported when it does not verify, leaving the held grant alone', async () => {
    const held = toToken(await signDocument('grant', sampleGrant(), demoKeyPair));
    await fakeBrowser.storage.local.set({ [KEYS.grant]: held });
    await fakeBrowser.storage.managed.set({ signedGrant: toToken(await signDocument('grant', sampleGrant(), await generateKeyPair())) });
    expect((await syncPolicy(services)).problems).toEqual([{ source: 'grant', code: 'unknown-key' }]);
    expect((await fakeBrowser.storage.local.get(KEYS.grant))[KEYS.grant]).toBe(held);
  });

  it('goes when IT withdraws it', async () => {
    await fakeBrowser.storage.managed.set({ signedGrant: toToken(await signDocument('grant', sampleGrant(), demoKeyPair)) });
    await syncPolicy(services);
    await fakeBrowser.storage.managed.set({ signedGrant: '' });
    expect((await syncPolicy(services)).grantManaged).toBe(false);
    expect(await fakeBrowser.storage.local.get(KEYS.grant)).toEqual({});
    expect((await events())[0]).toMatchObject({ action: 'grant-removed', detail: 'managed' });
  });
});

describe('sync triggers', () => {
  it('browser start, the sync and retry alarms, and a change of IT\'s configuration each sync', async () => {
    const policyServer = server(json(await signedPolicy(2)));
    setup(policyServer.fetcher);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_ });
    await onStart(services);
    await onAlarm(SYNC_ALARM, services);
    await onAlarm(RETRY_ALARM, services);
    await onAlarm('vigie:retention', services);
    await onStorageChanged('managed', services);
    await onStorageChanged('local', services);
    expect(policyServer.requests).toHaveLength(4);
  });

  it('a second trigger while a sync runs shares it (one fetch)', async () => {
    let release: (r: Response) => void = () => undefined;
    const pending = new Promise<Response>((r) => (release = r));
    let calls = 0;
    setup((async () => {
      calls++;
      return pending;
    }) as typeof fetch);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_ });
    const first = syncPolicy(services);
    const second = syncPolicy(services);
    release(json(await signedPolicy(2)));
    expect(await first).toBe(await second);
    expect(calls).toBe(1);
  });
});

describe('policy ids pinned per organisation: no trust replay across ids', () => {
  const pilot = (version: number, changes: Record<string, unknown> = {}) => signedPolicy(version, { id: 'acep-pilote-2025', rollout: 'audit', ...changes });

  it('after a revocation, an older policy of another id served at the URL is refused with its own error; the grant stays revoked', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.grant]: toToken(await signDocument('grant', sampleGrant(), demoKeyPair)) });
    setup(server(json(await signedPolicy(5, { revokedGrants: [GRANT_ID] }))).fetcher);
    await fakeBrowser.storage.managed.set({ policyUrl: URL_ });
    await syncPolicy(services);
    expect(await fakeBrowser.storage.local.get(KEYS.policyPins)).toEqual({ [KEYS.policyPins]: { [DEFAULT_POLICY.organisation.id]: DEFAULT_POLICY.id } });

    setup(server(json(await pilot(1))).fetcher);
    later(60);
    const status = await syncPolicy(services);
    expect(status.problems).toEqual([{ source: 'url', code: 'other-policy', version: 1 }]);
    expect(await policyInForce()).toMatchObject({ source: 'url', policy: { id: DEFAULT_POLICY.id, version: 5, revokedGrants: [GRANT_ID] } });
    expect((await events())[0]).toMatchObject({ action: 'policy-refused', detail: 'url other-policy v1' });
    const reply = (await handleMessage({ type: 'get-context' }, { id: services.runtimeId, url: 'https://actionnetwork.org/', tab: { url: 'https://actionnetwork.org/' } }, services)) as AnyReply & { context?: { grantStatus: string } };
    expect(reply.context?.grantStatus).toBe('revoked');
  });

  it("IT's managed policyId moves the pin: its policy is accepted, the one first pinned is then refused", async () => {
    await fakeBrowser.storage.managed.set({ signedPolicy: JSON.stringify(await signedPolicy(5)) });
    await syncPolicy(services);
    await fakeBrowser.storage.managed.set({ policyId: 'acep-pilote-2025', signedPolicy: JSON.stringify(await pilot(1, { rollout: 'enforce' })) });
    expect(await syncPolicy(services)).toMatchObject({ problems: [] });
    expect(await policyInForce()).toMatchObject({ policy: { id: 'acep-pilote-2025', version: 1 } });
    expect(await fakeBrowser.storage.local.get(KEYS.policyPins)).toEqual({ [KEYS.policyPins]: { [DEFAULT_POLICY.organisation.id]: 'acep-pilote-2025' } });
    await fakeBrowser.storage.managed.set({ policyId: 'acep-pilote-2025', signedPolicy: JSON.stringify(await signedPolicy(9)) });
    expect((await syncPolicy(services)).problems).toEqual([{ source: 'managed', code: 'other-policy', version: 9 }]);
  });

  it('a held copy of another id than the pinned one stops counting: the bundled policy applies, and says why', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.policy]: await pilot(3), [KEYS.policyPins]: { [DEFAULT_POLICY.organisation.id]: DEFAULT_POLICY.id } });
    expect(await policyInForce()).toMatchObject({ source: 'default', refused: { code: 'other-policy' } });
  });
});
