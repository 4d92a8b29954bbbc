import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signDocument, toToken } from '../../../lib/core/signature';
import type { TabInfo, TabsApi } from '../../../lib/downloads/ask-page';
import { changedListener, createdListener, determiningFilenameListener, sweepOrphans, type DownloadsControl, type GuardDeps } from '../../../lib/downloads/download-guard';
import { markHeld } from '../../../lib/downloads/held';
import { rememberPolicyHosts } from '../../../lib/downloads/policy-hosts';
import type { DownloadFacts } from '../../../lib/downloads/download-source';
import { openLogDatabase } from '../../../lib/log/database';
import { recentEvents } from '../../../lib/log/event-log';
import { DEFAULT_POLICY } from '../../../lib/packs';
import { handleMessage } from '../../../lib/state/handle-message';
import type { Services } from '../../../lib/state/services';
import { KEYS } from '../../../lib/state/storage';
import { demoKeyPair, NOW, sampleGrant } from '../helpers';

const REPORT_PAGE = 'https://admin.actionnetwork.org/reports/membres-2026/manage';
const CSV = { id: 7, url: 'https://admin.actionnetwork.org/reports/membres-2026/download.csv', referrer: REPORT_PAGE, filename: 'Marie Tremblay.csv', mime: 'text/csv' } satisfies DownloadFacts;

let services: Services;
let downloads: DownloadsControl & { calls: string[]; state: string };
let tabs: TabsApi & { sent: unknown[]; list: TabInfo[]; answer: (message: unknown) => unknown };
let deps: GuardDeps;

beforeEach(() => {
  fakeBrowser.reset();
  services = {
    areas: { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session, managed: fakeBrowser.storage.managed },
    db: openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange }),
    runtimeId: fakeBrowser.runtime.id,
    extensionBase: fakeBrowser.runtime.getURL(''),
    uiLanguage: () => 'fr-CA',
    alarms: { get: async () => undefined, create: () => undefined },
    now: () => NOW,
  };
  const calls: string[] = [];
  downloads = {
    calls,
    state: 'in_progress',
    cancel: async (id) => void calls.push(`cancel ${id}`),
    erase: async ({ id }) => void calls.push(`erase ${id}`),
    search: async () => [{ state: downloads.state }],
    removeFile: async (id) => void calls.push(`removeFile ${id}`),
    pause: async (id) => void calls.push(`pause ${id}`),
    resume: async (id) => void calls.push(`resume ${id}`),
  };
  tabs = {
    sent: [],
    list: [{ id: 3, url: REPORT_PAGE, active: true }, { id: 4, url: 'https://mail.google.com/mail/u/0/', active: false }],
    answer: () => undefined,
    query: async (q) => (q.active ? tabs.list.filter((t) => t.active) : tabs.list),
    sendMessage: async (tabId, message) => {
      tabs.sent.push({ tabId, message });
      return tabs.answer(message);
    },
  };
  deps = { services, tabs, downloads, runtimeId: services.runtimeId, keepAlive: () => undefined };
});

async function holdGrant(overrides = {}) {
  const token = toToken(await signDocument('grant', sampleGrant(overrides), demoKeyPair));
  await fakeBrowser.storage.local.set({ [KEYS.grant]: token });
}

async function warnPolicy() {
  const payload = structuredClone({ ...DEFAULT_POLICY, version: DEFAULT_POLICY.version + 1 });
  for (const rule of payload.rules) if (rule.surfaces.includes('download')) Object.assign(rule, { verdict: 'warn', override: { allowed: true, justification: 'required' } });
  await fakeBrowser.storage.local.set({ [KEYS.policy]: await signDocument('policy', payload, demoKeyPair) });
}

/** Chrome's path: returns what the listener returned and a spy on `suggest`. */
function determine(item: DownloadFacts) {
  const suggest = vi.fn();
  const returned = determiningFilenameListener(deps)(item, suggest);
  return { suggest, returned };
}

const events = async () => (await recentEvents(services.db, 20)).events.reverse();

describe('Chrome: decided in onDeterminingFilename', () => {
  it('lets every other download go at once, synchronously, once the worker has read the policy', () => {
    rememberPolicyHosts(DEFAULT_POLICY);
    const { suggest, returned } = determine({ id: 1, url: 'https://example.com/a.csv', referrer: 'https://example.com/' });
    expect(suggest).toHaveBeenCalledOnce();
    expect(returned).toBeUndefined();
    expect(downloads.calls).toEqual([]);
  });

  it('blocks an Action Network CSV under ACEP: cancelled and erased, never named, the tab told, the type logged', async () => {
    await holdGrant();
    const { suggest, returned } = determine(CSV);
    expect(returned).toBe(true);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 7', 'erase 7']));
    await vi.waitFor(async () => expect(await events()).toHaveLength(1));
    expect(suggest).not.toHaveBeenCalled();
    const [event] = await events();
    expect(event).toMatchObject({ platform: 'action-network', surface: 'download', action: 'decided', verdict: 'block', detail: 'type=csv', origin: 'https://admin.actionnetwork.org', path: '/reports/membres-2026/manage', grantId: 'g-2026-0070-01' });
    expect(JSON.stringify(event)).not.toMatch(/Marie|Tremblay/);
    await vi.waitFor(() => expect(tabs.sent).toMatchObject([{ tabId: 3, message: { type: 'download-blocked', fileType: 'csv' } }]));
  });

  it('blocks with no grant at all, citing the access clauses', async () => {
    determine(CSV);
    await vi.waitFor(() => expect(downloads.calls).toContain('erase 7'));
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ verdict: 'block', ruleIds: ['grant-missing'] }));
  });

  it('allows it under an export authorization in force, and logs which one', async () => {
    await holdGrant({ exportAuthorizations: [{ platform: 'action-network', purpose: 'Bulletin postal', reference: 'BN-2026-041', expires: '2027-01-01T00:00:00Z' }] });
    const { suggest } = determine(CSV);
    await vi.waitFor(() => expect(suggest).toHaveBeenCalledOnce());
    expect(downloads.calls).toEqual([]);
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ verdict: 'allow', detail: 'type=csv authorization=BN-2026-041' }));
  });

  it('judges a page-made blob: by the origin it carries', async () => {
    await holdGrant();
    determine({ id: 8, url: 'blob:https://actionnetwork.org/6f1c0c5e-97a1-4a32-8f5c-0e1d1f0e9c11', referrer: '', filename: 'activists-view.csv' });
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 8', 'erase 8']));
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ origin: 'https://actionnetwork.org' }));
    expect((await events())[0]?.path).toBeUndefined();
  });

  it('judges a data: download by the guarded platform open in a tab (here the active one)', async () => {
    await holdGrant();
    determine({ id: 9, url: 'data:text/csv;base64,YSxi', referrer: '' });
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 9', 'erase 9']));
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ detail: 'type=csv from=open-tab' }));
  });
});

describe('Chrome: a warn verdict', () => {
  beforeEach(async () => {
    await warnPolicy();
    await holdGrant();
  });

  it('holds the download and asks the tab; a justified override lets it go', async () => {
    tabs.answer = () => ({ choice: 'override', justification: '  Scrutin de grève, liste approuvée  ' });
    const { suggest } = determine(CSV);
    await vi.waitFor(() => expect(suggest).toHaveBeenCalledOnce());
    expect(tabs.sent).toMatchObject([{ tabId: 3, message: { type: 'download-held', fileType: 'csv', decision: { verdict: 'warn' } } }]);
    await vi.waitFor(async () => expect((await events()).map((e) => e.action)).toEqual(['decided', 'overridden']));
    expect((await events())[1]).toMatchObject({ justification: 'Scrutin de grève, liste approuvée' });
  });

  it('a justification too short for the policy does not count: cancelled', async () => {
    tabs.answer = () => ({ choice: 'override', justification: 'ok' });
    const { suggest } = determine(CSV);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 7', 'erase 7']));
    expect(suggest).not.toHaveBeenCalled();
  });

  it('an answer that is not one (or no content script) cancels', async () => {
    tabs.answer = () => ({ choice: 'override', justification: 'x'.repeat(20), extra: true });
    determine(CSV);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 7', 'erase 7']));
    await vi.waitFor(async () => expect((await events()).at(-1)).toMatchObject({ action: 'cancelled', detail: 'type=csv no-page' }));
  });

  it('no tab shows the page: cancelled', async () => {
    tabs.list = [];
    determine(CSV);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 7', 'erase 7']));
  });

  it('a pass from the dialog the click already showed lets exactly one download through without asking', async () => {
    const reply = await handleMessage({ type: 'export-approved', justification: 'Scrutin de grève, liste approuvée' }, { id: services.runtimeId, url: REPORT_PAGE, tab: { url: REPORT_PAGE } }, services);
    expect(reply).toEqual({ ok: true });
    const first = determine(CSV);
    await vi.waitFor(() => expect(first.suggest).toHaveBeenCalledOnce());
    expect(tabs.sent).toEqual([]);
    await vi.waitFor(async () => expect((await events()).at(-1)).toMatchObject({ action: 'overridden', detail: 'type=csv approved-in-page' }));
    determine({ ...CSV, id: 8 });
    await vi.waitFor(() => expect(tabs.sent).toHaveLength(1));
  });
});

describe('export-approved', () => {
  const sender = { id: 'x', url: REPORT_PAGE, tab: { url: REPORT_PAGE } };

  it('gives no pass where the policy blocks, whatever the content script says', async () => {
    await holdGrant();
    const reply = await handleMessage({ type: 'export-approved', justification: 'Une très bonne raison' }, { ...sender, id: services.runtimeId }, services);
    expect(reply).toEqual({ ok: false, error: 'refused' });
    expect(await fakeBrowser.storage.session.get(KEYS.downloadPasses)).toEqual({});
  });

  it('refuses a justification shorter than the dialog requires', async () => {
    await warnPolicy();
    await holdGrant();
    expect(await handleMessage({ type: 'export-approved', justification: 'court' }, { ...sender, id: services.runtimeId }, services)).toEqual({ ok: false, error: 'refused' });
  });
});

describe('Firefox: paused in onCreated', () => {
  it('pauses before anything else, then cancels and erases a blocked download', async () => {
    await holdGrant();
    createdListener(deps)({ ...CSV, state: 'in_progress' });
    expect(downloads.calls).toEqual(['pause 7']);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['pause 7', 'cancel 7', 'erase 7']));
  });

  it('resumes an allowed one', async () => {
    await holdGrant({ exportAuthorizations: [{ platform: 'action-network', purpose: 'Bulletin postal', reference: 'BN-1', expires: '2027-01-01T00:00:00Z' }] });
    createdListener(deps)({ ...CSV, state: 'in_progress' });
    await vi.waitFor(() => expect(downloads.calls).toEqual(['pause 7', 'resume 7']));
  });

  it('a small file that finished before the pause is deleted from disk, and the log says so', async () => {
    await holdGrant();
    downloads.state = 'complete';
    createdListener(deps)({ ...CSV, state: 'complete' });
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 7', 'removeFile 7', 'erase 7']));
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ verdict: 'block', detail: 'type=csv removed-after-completion' }));
  });

  it('leaves every other download alone', () => {
    createdListener(deps)({ id: 1, url: 'https://example.com/a.csv', state: 'in_progress' });
    expect(downloads.calls).toEqual([]);
  });
});

describe('askPage', () => {
  it('gives up after HOLD_TIMEOUT_MS, keeping the worker alive meanwhile', async () => {
    const { askPage } = await import('../../../lib/downloads/ask-page');
    const { HOLD_TIMEOUT_MS } = await import('../../../lib/downloads/limits');
    vi.useFakeTimers();
    try {
      const keepAlive = vi.fn();
      const never: TabsApi = { query: async () => [], sendMessage: () => new Promise(() => undefined) };
      const answer = askPage(never, 3, { type: 'download-held', decision: {} as never, fileType: 'csv' }, keepAlive);
      await vi.advanceTimersByTimeAsync(HOLD_TIMEOUT_MS);
      await expect(answer).resolves.toEqual({ choice: 'unanswered', why: 'timeout' });
      expect(keepAlive.mock.calls.length).toBeGreaterThanOrEqual(Math.floor(HOLD_TIMEOUT_MS / 20_000) - 1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a download held by a worker that was stopped', () => {
  it('is held on the record while the page is asked, and off it once answered', async () => {
    await warnPolicy();
    await holdGrant();
    let seenWhileAsking: unknown;
    tabs.answer = async () => {
      seenWhileAsking = (await fakeBrowser.storage.session.get(KEYS.heldDownloads))[KEYS.heldDownloads];
      return { choice: 'cancel' };
    };
    determine(CSV);
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 7', 'erase 7']));
    expect(seenWhileAsking).toMatchObject({ 7: { platform: 'action-network', fileType: 'csv' } });
    expect((await fakeBrowser.storage.session.get(KEYS.heldDownloads))[KEYS.heldDownloads]).toEqual({});
  });

  it('is deleted when it completes, and logged, by the next worker', async () => {
    await markHeld(services.areas.session, 7, { platform: 'action-network', fileType: 'csv' }, 'a-stopped-worker');
    downloads.state = 'complete';
    changedListener(deps)({ id: 7, state: { current: 'complete' } });
    await vi.waitFor(() => expect(downloads.calls).toEqual(['cancel 7', 'removeFile 7', 'erase 7']));
    await vi.waitFor(async () => expect((await events())[0]).toMatchObject({ platform: 'action-network', action: 'removed', detail: 'type=csv worker-stopped-while-held' }));
  });

  it("leaves this worker's own held downloads and every other download alone", async () => {
    await markHeld(services.areas.session, 7, { platform: 'action-network', fileType: 'csv' });
    changedListener(deps)({ id: 7, state: { current: 'complete' } });
    changedListener(deps)({ id: 8, state: { current: 'complete' } });
    changedListener(deps)({ id: 7, state: { current: 'in_progress' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(downloads.calls).toEqual([]);
  });

  it('a worker that starts for another reason stops one still running', async () => {
    await markHeld(services.areas.session, 9, { platform: 'action-builder', fileType: 'csv' }, 'a-stopped-worker');
    await sweepOrphans(deps);
    expect(downloads.calls).toEqual(['cancel 9', 'erase 9']);
    expect((await events())[0]).toMatchObject({ platform: 'action-builder', action: 'cancelled' });
  });
});
