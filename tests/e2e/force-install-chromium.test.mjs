/**
 * Force-installation in Debian's Chromium, as IT deploys Vigie: the deployment kit's own Linux
 * policy file (`ExtensionInstallForcelist` + `3rdparty`) in /etc/chromium/policies/managed (a
 * private mount namespace), the kit's `updates.xml` and signed CRX served by the organisation's
 * update host. Chromium installs Vigie with the packing key's id, Vigie reads IT's configuration
 * from that same file, fetches the signed policy and guards a fixture page; a higher version
 * published on the host replaces it (downloaded on an update check, installed at the next start).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PRODUCTION_CHROME_ID } from '../../lib/deploy/chrome-id.ts';
import { packCrx, setManifestVersion } from '../../lib/deploy/pack.ts';
import { chromeUpdatesXml } from '../../lib/deploy/update-manifests.ts';
import { launchBrowser } from './browser.mjs';
import { openExtensionPage, poll } from './extension.mjs';
import { makeTestKit, serveKit, UPDATE_BASE, UPDATE_HOST } from './force-install-helpers.mjs';
import { PAGES } from './routes.mjs';
import { POLICY_HOST, policyServer } from './routes-sync.mjs';
import { startFixtureServer } from './server.mjs';
import { waitForDialog } from './shadow-dialog.mjs';
import { managedChromium, readLog, waitForManaged } from './sync-helpers.mjs';

/** The running service worker of extension `id` at `version` (a new one after an update). */
async function extensionWorker(context, id, version, { timeout = 60_000 } = {}) {
  return poll(
    async () => {
      for (const worker of context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${id}/`))) {
        if ((await worker.evaluate(() => chrome.runtime.getManifest().version).catch(() => undefined)) === version) return worker;
      }
      return undefined;
    },
    { timeout, interval: 250, what: `the service worker of ${id} at version ${version}` },
  );
}

let kit;
before(async () => {
  kit = await makeTestKit({ browsers: ['chrome'] });
  console.log(`# kit (Chrome half) made in ${kit.makeMs} ms: ${kit.files.length} files`);
});
after(() => kit?.remove());

describe('force-installed from the deployment kit in Chromium', () => {
  let server;
  let host;
  let managed;
  let browser;
  before(async (t) => {
    server = await startFixtureServer();
    host = serveKit(server, kit, policyServer(server));
    // The kit's file as IT installs it, plus one line for the test harness only: by default Chromium
    // keeps DevTools (so Playwright) away from extensions installed by policy.
    managed = managedChromium({ ...kit.readJson('linux/chromium/vigie.json'), DeveloperToolsAvailability: 1 }, { wholeFile: true });
    if (managed.mode === 'unavailable') return t.skip(managed.reason);
    const started = Date.now();
    browser = await launchBrowser({ port: server.port, extensionDir: null, hosts: [POLICY_HOST, UPDATE_HOST], backgroundNetworking: true, ...managed.launchOptions });
    browser.serviceWorker = await extensionWorker(browser.context, kit.chromeId, kit.version);
    browser.extensionId = kit.chromeId;
    console.log(`# Chromium started and force-installed Vigie in ${Date.now() - started} ms`);
  });
  after(async () => {
    await browser?.close();
    managed?.close();
    await server?.close();
  });

  test("installs the packed Vigie by policy, with the packing key's id, from the update host", async () => {
    assert.notEqual(kit.chromeId, PRODUCTION_CHROME_ID, 'a throwaway key gives another id');
    const self = await browser.serviceWorker.evaluate(() => chrome.management.getSelf());
    assert.equal(self.id, kit.chromeId);
    assert.equal(self.installType, 'admin', 'installed by policy');
    assert.equal(self.mayDisable, false, 'the person cannot disable it');
    assert.equal(self.version, kit.version);
    assert.equal(self.updateUrl, `${UPDATE_BASE}updates.xml`);
    assert.deepEqual(
      host.hits.filter((h) => h.status === 200).map((h) => h.path).slice(0, 2),
      ['updates.xml', `vigie-${kit.version}.crx`],
      'the update manifest, then the CRX it names',
    );
  });

  test("reads IT's configuration from the same policy file and fetches the policy it names", async () => {
    assert.equal(await waitForManaged(browser, 'policyUrl'), kit.input.policyUrl);
    const managedKeys = await waitForManaged(browser, 'trustedKeys');
    assert.deepEqual(managedKeys, kit.input.trustedKeys);
    const version = await poll(async () => (await browser.serviceWorker.evaluate(() => chrome.storage.local.get('vigie:policy')))['vigie:policy']?.payload?.version, {
      timeout: 20_000,
      what: 'the signed policy in storage.local',
    });
    assert.equal(version, 2);
    const popup = await openExtensionPage(browser, 'popup.html');
    await poll(() => popup.evaluate(() => document.body.innerText.includes('Clé de test de l’ACEP')), { what: "the popup naming IT's key" });
    await popup.close();
  });

  test('guards a fixture page: the report export is stopped, citing the policy', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.anAdminReport);
    await page.locator('#report_download').waitFor({ timeout: 10_000 });
    await page.locator('#report_download').click();
    const dialog = await waitForDialog(page, { timeout: 10_000 });
    assert.match(dialog.text, /Article 7\.2/);
    const event = await poll(async () => (await readLog(browser)).find((e) => e.surface === 'export-click'), { what: 'the block in the log' });
    assert.equal(event.verdict, 'block');
    await page.close();
  });

  test('a higher version published on the update host replaces it', async () => {
    const next = '0.1.1';
    assert.notEqual(kit.version, next);
    const source = mkdtempSync(join(tmpdir(), 'vigie-e2e-next-'));
    try {
      cpSync(join(kit.kitDir, 'chrome/source'), source, { recursive: true });
      setManifestVersion(source, next);
      await packCrx(source, kit.keyPath, join(kit.kitDir, 'publish', `vigie-${next}.crx`));
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
    host.publish(`vigie-${next}.crx`);
    writeFileSync(join(kit.kitDir, 'publish/updates.xml'), chromeUpdatesXml({ id: kit.chromeId, version: next, crxUrl: `${UPDATE_BASE}vigie-${next}.crx` }));
    // Chromium announces a downloaded, verified update to the extension before installing it.
    const staged = browser.serviceWorker.evaluate(() => new Promise((resolve) => chrome.runtime.onUpdateAvailable.addListener(resolve)));
    // What Chromium does on its update timer (hours), asked for now.
    const check = await browser.serviceWorker.evaluate(() => chrome.runtime.requestUpdateCheck());
    assert.deepEqual(check, { status: 'update_available', version: next });
    assert.equal((await staged).version, next);
    // Chromium holds a downloaded update until the extension is idle, which a test's DevTools
    // attachment never lets it be, or until the next start: restart, as a person does.
    browser = await browser.restart();
    const updated = await extensionWorker(browser.context, kit.chromeId, next);
    const self = await updated.evaluate(() => chrome.management.getSelf());
    assert.equal(self.id, kit.chromeId, 'same id');
    assert.equal(self.installType, 'admin');
    assert.ok(host.hits.some((h) => h.path === `vigie-${next}.crx` && h.status === 200));
  });
});
