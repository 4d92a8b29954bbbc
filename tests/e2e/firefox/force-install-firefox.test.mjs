/**
 * Force-installation in Debian's firefox-esr from the deployment kit: the kit's own
 * `policies.json` (`ExtensionSettings` force_installed from the organisation's update host, and
 * `3rdparty`) as Firefox's distribution policies, the kit's XPI served by the update host.
 *
 * The kit's XPI is unsigned until IT runs `firefox/sign.sh` (Mozilla's unlisted signature); this
 * test turns `xpinstall.signatures.required` off, which Firefox ESR honours and release Firefox
 * does not. A real deployment needs the signed XPI. Firefox fetches the XPI at startup, before the
 * WebDriver session could relax certificate checks, so the update host's certificate comes from a
 * test CA given to Firefox by the `Certificates` policy.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeTestAuthority, makeTestKit, serveKit, UPDATE_HOST } from '../force-install-helpers.mjs';
import { POLICY_HOST, policyServer } from '../routes-sync.mjs';
import { startFixtureServer } from '../server.mjs';
import { FIREFOX, GECKO_ID, launchFirefox, openExtensionTab, pollIn, startProxy } from './firefox.mjs';

if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}; install it: apt-get install -y firefox-esr (scripts/dev.sh does)`);

let kit;
before(async () => {
  kit = await makeTestKit({ browsers: ['firefox'] });
  console.log(`# kit (Firefox half) made in ${kit.makeMs} ms: ${kit.files.length} files`);
  // What sign.sh does with Mozilla's signed file, done with the unsigned one (test only).
  copyFileSync(join(kit.kitDir, `firefox/vigie-${kit.version}-unsigned.xpi`), join(kit.kitDir, 'publish/vigie.xpi'));
});
after(() => kit?.remove());

// A hang guard, not a budget: startup by policy takes 10–80 s on a loaded machine.
describe("force-installed from the deployment kit's policies.json in Firefox ESR", { timeout: 300_000 }, () => {
  let server;
  let host;
  let proxy;
  let ff;
  before(async (t) => {
    const authority = makeTestAuthority(kit.dir);
    server = await startFixtureServer({ tls: authority.tls });
    host = serveKit(server, kit, policyServer(server));
    proxy = await startProxy(server.port, [POLICY_HOST, UPDATE_HOST]);
    const started = Date.now();
    ff = await launchFirefox({
      extensionDir: null,
      proxyPort: proxy.port,
      // The kit's policies, plus the test CA the update host's certificate comes from (test only).
      policies: { ...kit.readJson('firefox/policies.json').policies, Certificates: { Install: [authority.caPath] } },
      prefs: { 'xpinstall.signatures.required': false },
    });
    if (ff.skipped) return t.skip(ff.skipped);
    console.log(`# ${ff.version} started in ${Date.now() - started} ms`);
  });
  after(async () => {
    await ff?.close?.();
    await proxy?.close();
    await server?.close();
  });

  test('installs the XPI from the update host by policy', async () => {
    const page = await openExtensionTab(ff.browser, 'popup.html', { timeout: 60_000 });
    const manifest = await page.evaluate(() => browser.runtime.getManifest());
    assert.equal(manifest.browser_specific_settings.gecko.id, GECKO_ID);
    assert.equal(manifest.version, kit.version);
    assert.equal(manifest.browser_specific_settings.gecko.update_url, `${kit.input.updateBaseUrl}updates.json`);
    assert.ok(host.hits.some((h) => h.path === 'vigie.xpi' && h.status === 200), 'the XPI was fetched from the update host');
    await page.close();
  });

  test("reads IT's 3rdparty configuration from the same policies.json and fetches the policy", async () => {
    const page = await openExtensionTab(ff.browser, 'popup.html');
    const managed = await page.evaluate(() => browser.storage.managed.get());
    assert.equal(managed.policyUrl, kit.input.policyUrl);
    assert.deepEqual(managed.trustedKeys, kit.input.trustedKeys);
    const version = await pollIn(page, async () => (await browser.storage.local.get('vigie:policy'))['vigie:policy']?.payload?.version, undefined, {
      timeout: 20_000,
      what: 'the signed policy in storage.local',
    });
    assert.equal(version, 2);
    await page.close();
  });
});
