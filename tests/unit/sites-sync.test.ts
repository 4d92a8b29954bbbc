import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateKeyPair, signDocument, type KeyPairFile } from '../../lib/core/signature';
import type { SitePack } from '../../lib/core/site-pack';
import { openLogDatabase } from '../../lib/log/database';
import { queryEvents } from '../../lib/log/event-log';
import type { AnyReply } from '../../lib/messaging/protocol';
import { BUNDLED_SITES } from '../../lib/platforms/site-lookups';
import { handleMessage } from '../../lib/state/handle-message';
import type { Services } from '../../lib/state/services';
import { loadSitePack } from '../../lib/state/site-pack-source';
import { KEYS } from '../../lib/state/storage';
import { keySource } from '../../lib/state/trust';
import { syncPolicy } from '../../lib/sync/run-sync';
import { readSitesStatus } from '../../lib/sync/sites-status';
import { demoKeyPair } from './helpers';

const NOW = new Date('2026-11-22T12:00:00Z');
const SITES_URL = 'https://policy.example.org/vigie-sites.signed.json';
const NEW_EXPORT = '#wall_chart_export, [data-action="export"], button.wall-chart-download';

/** The bundled pack at `version`, with one more Action Builder export selector, signed by `key`. */
async function signedSites(version: number, key: KeyPairFile = demoKeyPair, edit: (p: SitePack) => void = () => {}) {
  const pack: SitePack = JSON.parse(readFileSync(new URL('../../lib/packs/sites.json', import.meta.url), 'utf8'));
  pack.version = version;
  pack.platforms['action-builder']!.lookups.exportControls!.fallbacks[0] = NEW_EXPORT;
  edit(pack);
  return signDocument('sites', pack, key);
}

let services: Services;
let served: unknown;

beforeEach(() => {
  fakeBrowser.reset();
  served = undefined;
  services = {
    areas: { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session, managed: fakeBrowser.storage.managed },
    db: openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange }),
    runtimeId: fakeBrowser.runtime.id,
    extensionBase: fakeBrowser.runtime.getURL(''),
    uiLanguage: () => 'fr-CA',
    alarms: { get: async () => undefined, create: () => undefined },
    now: () => NOW,
    fetch: (async (url: string) => {
      if (url !== SITES_URL || served === undefined) throw new Error('no network in unit tests');
      return new Response(JSON.stringify(served), { status: 200 });
    }) as typeof fetch,
  };
});

const inForce = async () => (await loadSitePack(services.areas, keySource(services.areas))).pack?.version;
const events = async () => (await queryEvents(services.db)).events.map((e) => `${e.action} ${e.detail ?? ''}`.trim());

async function contextSites() {
  const url = 'https://ottawa.actionbuilder.org/campaigns/1/wall_chart';
  const reply = (await handleMessage({ type: 'get-context' }, { id: fakeBrowser.runtime.id, url, tab: { url } }, services)) as AnyReply;
  if (!('context' in reply)) throw new Error('no context');
  return reply.context.sites;
}

describe('site pack sources', () => {
  it('with nothing configured, the bundled pack is in force and content scripts get no pack', async () => {
    await syncPolicy(services);
    expect(await inForce()).toBeUndefined();
    expect(await contextSites()).toBeUndefined();
    expect(await readSitesStatus(services.areas.local)).toMatchObject({ problems: [] });
  });

  it("takes IT's inline pack and hands it to content scripts with their context", async () => {
    const v2 = await signedSites(BUNDLED_SITES.version + 1);
    await fakeBrowser.storage.managed.set({ signedSites: JSON.stringify(v2) });
    await syncPolicy(services);
    expect(await inForce()).toBe(BUNDLED_SITES.version + 1);
    expect((await contextSites())?.platforms['action-builder']?.lookups.exportControls?.fallbacks[0]).toBe(NEW_EXPORT);
    // Only the tab's own platform: an Action Builder page is not handed Gmail's or Nextcloud's lookups.
    expect(Object.keys((await contextSites())!.platforms)).toEqual(['action-builder']);
    expect(await readSitesStatus(services.areas.local)).toMatchObject({ source: 'managed', version: BUNDLED_SITES.version + 1, acceptedAt: NOW.getTime(), problems: [] });
    expect(await events()).toContain(`sites-updated managed v${BUNDLED_SITES.version + 1}`);
  });

  it('takes the newest of the inline pack and the URL', async () => {
    served = await signedSites(5);
    await fakeBrowser.storage.managed.set({ signedSites: JSON.stringify(await signedSites(3)), sitesUrl: SITES_URL });
    await syncPolicy(services);
    expect(await inForce()).toBe(5);
    expect(await readSitesStatus(services.areas.local)).toMatchObject({ source: 'url', version: 5, problems: [] });
  });
});

describe('a refused pack keeps the last good one and says why', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.managed.set({ sitesUrl: SITES_URL });
    served = await signedSites(4);
    await syncPolicy(services);
    expect(await inForce()).toBe(4);
  });

  it('tampered', async () => {
    const v5 = await signedSites(5);
    (v5.payload as unknown as SitePack).platforms.x!.lookups.publish!.fallbacks = ['body'];
    served = v5;
    await syncPolicy(services);
    expect(await inForce()).toBe(4);
    expect((await readSitesStatus(services.areas.local)).problems).toEqual([{ source: 'url', code: 'bad-signature', version: 5 }]);
    expect(await events()).toContain('sites-refused url bad-signature v5');
  });

  it('signed by an unknown key', async () => {
    served = await signedSites(5, await generateKeyPair());
    await syncPolicy(services);
    expect(await inForce()).toBe(4);
    expect((await readSitesStatus(services.areas.local)).problems).toEqual([{ source: 'url', code: 'unknown-key', version: 5 }]);
  });

  it('older than the one held (rollback), logged once however many syncs see it', async () => {
    served = await signedSites(3);
    await syncPolicy(services);
    await syncPolicy(services);
    expect(await inForce()).toBe(4);
    expect((await readSitesStatus(services.areas.local)).problems).toEqual([{ source: 'url', code: 'rollback', version: 3 }]);
    expect((await events()).filter((e) => e.startsWith('sites-refused'))).toEqual(['sites-refused url rollback v3']);
  });

  it('with a selector that does not parse, naming where it is', async () => {
    served = await signedSites(5, demoKeyPair, (p) => p.platforms.nextcloud!.lookups.createShareLink!.fallbacks.push('button.new-share-link >'));
    await syncPolicy(services);
    expect(await inForce()).toBe(4);
    expect((await readSitesStatus(services.areas.local)).problems).toEqual([
      { source: 'url', code: 'invalid', version: 5, detail: 'platforms.nextcloud.lookups.createShareLink.fallbacks[2]: "button.new-share-link >": ends with a combinator' },
    ]);
  });

  it('a held pack whose key IT no longer trusts stops counting', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.sites]: await signedSites(6, await generateKeyPair()) });
    expect(await inForce()).toBeUndefined();
    expect(await contextSites()).toBeUndefined();
  });
});
