import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signDocument, toToken } from '../../lib/core/signature';
import type { TabInfo, TabsApi } from '../../lib/downloads/ask-page';
import { determiningFilenameListener, type DownloadsControl, type GuardDeps } from '../../lib/downloads/download-guard';
import type { DownloadFacts } from '../../lib/downloads/download-source';
import { CLOSED_OPENER_MS, forgetOpened, rememberOpened } from '../../lib/downloads/openers';
import { forgetPolicyHosts } from '../../lib/downloads/policy-hosts';
import { openLogDatabase } from '../../lib/log/database';
import { recentEvents } from '../../lib/log/event-log';
import { DEFAULT_POLICY } from '../../lib/packs';
import type { Services } from '../../lib/state/services';
import { KEYS } from '../../lib/state/storage';
import { demoKeyPair, NOW, sampleGrant } from './helpers';

const AN_PAGE = 'https://actionnetwork.org/user_files/activists';
const DATA_CSV = { id: 21, url: 'data:text/csv;charset=utf-8,courriel%0Amarie%40example.org', referrer: '' } satisfies DownloadFacts;

let services: Services;
let downloads: DownloadsControl & { calls: string[] };
let tabs: TabsApi & { sent: unknown[]; list: TabInfo[] };
let deps: GuardDeps;
let clock: number;

beforeEach(async () => {
  fakeBrowser.reset();
  forgetPolicyHosts();
  clock = NOW.getTime();
  services = {
    areas: { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session, managed: fakeBrowser.storage.managed },
    db: openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange }),
    runtimeId: fakeBrowser.runtime.id,
    extensionBase: fakeBrowser.runtime.getURL(''),
    uiLanguage: () => 'fr-CA',
    alarms: { get: async () => undefined, create: () => undefined },
    now: () => new Date(clock),
  };
  const calls: string[] = [];
  downloads = {
    calls,
    cancel: async (id) => void calls.push(`cancel ${id}`),
    erase: async ({ id }) => void calls.push(`erase ${id}`),
    search: async () => [{ state: 'in_progress' }],
    removeFile: async (id) => void calls.push(`removeFile ${id}`),
    pause: async () => undefined,
    resume: async () => undefined,
  };
  tabs = {
    sent: [],
    list: [],
    query: async (q) => (q.active ? tabs.list.filter((t) => t.active) : tabs.list),
    sendMessage: async (tabId, message) => void tabs.sent.push({ tabId, message }),
  };
  deps = { services, tabs, downloads, runtimeId: services.runtimeId, keepAlive: () => undefined };
  // A valid grant without an export authorization: ACEP blocks every download on Action Network.
  await fakeBrowser.storage.local.set({ [KEYS.grant]: toToken(await signDocument('grant', sampleGrant(), demoKeyPair)) });
  // IT's configuration was read by this session's sync (the hold is tested below).
  await fakeBrowser.storage.session.set({ [KEYS.configRead]: NOW.getTime() });
});

function determine(item: DownloadFacts) {
  const suggest = vi.fn();
  determiningFilenameListener(deps)(item, suggest);
  return suggest;
}

const events = async () => (await recentEvents(services.db, 20)).events.reverse();

describe('a data: download is attributed to the guarded tab that may have made it, never to the tab in front', () => {
  it('the platform tab is in the background and another site in front: blocked, and the platform tab is told', async () => {
    tabs.list = [{ id: 5, url: 'https://example.org/news', active: true }, { id: 3, url: AN_PAGE, active: false }];
    const suggest = determine(DATA_CSV);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 21', 'erase 21']));
    expect(suggest).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ platform: 'action-network', verdict: 'block', detail: 'type=csv from=open-tab', origin: 'https://actionnetwork.org' }));
    expect((await events())[0]?.path).toBeUndefined();
    await vi.waitFor(() => expect(tabs.sent).toMatchObject([{ tabId: 3, message: { type: 'download-blocked' } }]));
  });

  it('an about:blank pop-up opened by the platform tab, which then left the platform: blocked as the platform\'s', async () => {
    await rememberOpened(services.areas.session, { id: 8, openerTabId: 3 }, AN_PAGE, DEFAULT_POLICY, clock);
    // A pop-up opened from that pop-up inherits the platform (the chain).
    await rememberOpened(services.areas.session, { id: 9, openerTabId: 8 }, undefined, DEFAULT_POLICY, clock);
    tabs.list = [{ id: 3, url: 'https://example.org/', active: false }, { id: 9, active: true }];
    determine(DATA_CSV);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 21', 'erase 21']));
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ platform: 'action-network', detail: 'type=csv from=opener', origin: 'https://actionnetwork.org' }));
  });

  it('a data: pop-up that closed once its download started still counts, for a minute', async () => {
    await rememberOpened(services.areas.session, { id: 8, openerTabId: 3 }, AN_PAGE, DEFAULT_POLICY, clock);
    await forgetOpened(services.areas.session, 8, clock);
    determine(DATA_CSV);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 21', 'erase 21']));
    clock += CLOSED_OPENER_MS + 1;
    const later = determine({ ...DATA_CSV, id: 22 });
    await vi.waitFor(() => expect(later).toHaveBeenCalledOnce());
  });

  it('a tab opened from another site is not recorded; with no guarded tab anywhere, a data: download goes on', async () => {
    await rememberOpened(services.areas.session, { id: 8, openerTabId: 5 }, 'https://example.org/', DEFAULT_POLICY, clock);
    tabs.list = [{ id: 5, url: 'https://example.org/', active: true }];
    const suggest = determine(DATA_CSV);
    await vi.waitFor(() => expect(suggest).toHaveBeenCalledOnce());
    expect(downloads.calls).toEqual([]);
  });

  it('several guarded platforms open: the strictest decision applies', async () => {
    const exportAuthorizations = [{ platform: 'action-network', purpose: 'Bulletin postal', reference: 'BN-2026-041', expires: '2027-01-01T00:00:00Z' }];
    await fakeBrowser.storage.local.set({ [KEYS.grant]: toToken(await signDocument('grant', sampleGrant({ exportAuthorizations }), demoKeyPair)) });
    tabs.list = [{ id: 3, url: AN_PAGE, active: true }, { id: 4, url: 'https://acep.actionbuilder.org/entity/view', active: false }];
    determine(DATA_CSV);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 21', 'erase 21']));
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ platform: 'action-builder', verdict: 'block' }));
  });
});

describe("downloads that start before IT's configuration has been read", () => {
  it('are held until the sync has read it, then judged by the policy it brought', async () => {
    await fakeBrowser.storage.session.remove(KEYS.configRead);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const exportAuthorizations = [{ platform: 'action-network', purpose: 'Bulletin postal', reference: 'BN-2026-041', expires: '2027-01-01T00:00:00Z' }];
    const grant = toToken(await signDocument('grant', sampleGrant({ exportAuthorizations }), demoKeyPair));
    await fakeBrowser.storage.local.remove(KEYS.grant);
    await fakeBrowser.storage.managed.set({ signedGrant: grant });
    const real = fakeBrowser.storage.managed;
    services.areas = { ...services.areas, managed: { get: async (keys) => (await gate, real.get(keys)) } };
    const suggest = determine({ id: 30, url: 'https://actionnetwork.org/reports/1/download.csv', referrer: AN_PAGE });
    await new Promise((r) => setTimeout(r, 300));
    expect(suggest).not.toHaveBeenCalled();
    expect(downloads.calls).toEqual([]);
    release();
    // IT's grant (with its export authorization) was taken first: the download is allowed by it.
    await vi.waitFor(() => expect(suggest).toHaveBeenCalledOnce(), { timeout: 8_000 });
    await vi.waitFor(async () => expect((await events()).filter((e) => e.surface === 'download')).toMatchObject([{ verdict: 'allow', detail: 'type=file authorization=BN-2026-041' }]));
  }, 15_000);

  it('once read this session, a judge does not wait on managed storage without a limit', async () => {
    services.areas = { ...services.areas, managed: { get: () => new Promise(() => undefined) } };
    const suggest = determine({ id: 32, url: 'https://example.com/a.csv', referrer: 'https://example.com/' });
    await vi.waitFor(() => expect(suggest).toHaveBeenCalledOnce(), { timeout: 12_000 });
  }, 15_000);

  it('still unread after the hold, with only the bundled policy held: cancelled, never judged by the default alone', async () => {
    await fakeBrowser.storage.session.remove(KEYS.configRead);
    services.areas = { ...services.areas, managed: { get: () => new Promise(() => undefined) } };
    deps.configHoldMs = 50;
    // A host the bundled default does not know (the party's own Nextcloud, say).
    const suggest = determine({ id: 31, url: 'https://nuage.example.org/index.php/s/abc/download', referrer: 'https://nuage.example.org/' });
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 31', 'erase 31']), { timeout: 15_000 });
    expect(suggest).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ action: 'blocked', detail: 'configuration-unread' }));
  }, 20_000);
});
