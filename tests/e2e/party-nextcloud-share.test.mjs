/**
 * The Nextcloud share-link guard's setup in real Chromium, under the party's policy (its Nextcloud,
 * nuage.pcq.example, comes only from the policy). What runs here: the options page offers to
 * enable Vigie on that host alone, the click asks Chromium for that one origin, and until the
 * person accepts nothing is granted and no script is registered.
 *
 * What cannot run here: accepting Chromium's permission prompt. It is native browser UI that
 * Playwright cannot reach (headless or not), `permissions.request` stays pending, and the other
 * ways to grant are no deployment path (chrome://extensions "site access" records the host but
 * does not activate an optional one; `ExtensionSettings.runtime_allowed_hosts` grants nothing).
 * So in Chromium the content guard on the share sidebar is covered by unit tests (control labels,
 * registration plan, sender checks); the whole chain (grant, runtime registration, the guard
 * stopping a real click, block and warn) runs end to end in Firefox:
 * tests/e2e/firefox/party-nextcloud-share.test.mjs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openExtensionPage, waitForText } from './extension.mjs';
import { pause } from './organizing-helpers.mjs';
import { startPartyBrowser } from './party-helpers.mjs';

const NUAGE = 'https://nuage.pcq.example/*';

describe('enabling Vigie on the party\'s Nextcloud (options page)', () => {
  let s;
  before(async () => {
    s = await startPartyBrowser('fr');
  });
  after(() => s?.close());

  test('the options page asks for the policy\'s Nextcloud host only, on a click; nothing is granted or registered before the person accepts', async () => {
    const sw = s.browser.serviceWorker;
    assert.equal(await sw.evaluate((o) => chrome.permissions.contains({ origins: [o] }), NUAGE), false);
    const page = await openExtensionPage(s.browser, 'options.html');
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await waitForText(page, 'Plateformes hébergées par l’organisation');
    await waitForText(page, 'Nextcloud : les liens publics ne sont pas vérifiés tant que Vigie n’est pas activé sur nuage.pcq.example.');
    const enable = page.getByRole('button', { name: 'Activer Vigie sur nuage.pcq.example' });
    await enable.click();
    await pause(1500);
    // A request without a user gesture is rejected at once (an error on the page); this one waits
    // on the browser's prompt. (Playwright's own evaluate() carries a gesture, so it cannot show the
    // contrast: it too would open the prompt and wait.)
    assert.deepEqual(errors, []);
    assert.equal(await sw.evaluate((o) => chrome.permissions.contains({ origins: [o] }), NUAGE), false);
    assert.deepEqual(await sw.evaluate(() => chrome.scripting.getRegisteredContentScripts()), []);
    await page.close();
  });

  test('the manifest grants no host beyond the platforms: https hosts are only optional', async () => {
    const manifest = await s.browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    assert.deepEqual(manifest.optional_host_permissions, ['https://*/*']);
    assert.ok(!manifest.host_permissions.includes('https://*/*'));
    const granted = await s.browser.serviceWorker.evaluate(() => chrome.permissions.getAll());
    assert.ok(!granted.origins.includes('https://*/*'));
  });
});
