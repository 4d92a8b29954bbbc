/**
 * Smoke tests in real Firefox (Debian's firefox-esr over WebDriver BiDi): the demo build installs
 * as a temporary add-on, its pages run, its content script runs on a mapped platform host, a
 * guarded download is stopped, and IT's configuration from a policies.json (`3rdparty`) reaches
 * managed storage and brings the signed policy from the organisation's server.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateKeyPair } from '../../../lib/core/signature.ts';
import { PAGES } from '../routes.mjs';
import { POLICY_HOST, policyServer } from '../routes-sync.mjs';
import { startFixtureServer } from '../server.mjs';
import { signedAcepPolicy, trustedKey } from '../sync-helpers.mjs';
import { buildFirefoxExtension, FIREFOX, GECKO_ID, launchFirefox, openExtensionTab, pollIn, readEventsIn, startProxy } from './firefox.mjs';

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}; install it: apt-get install -y firefox-esr (scripts/dev.sh does)`);

let build;
before(async () => {
  build = await buildFirefoxExtension();
});
after(() => build?.remove());

describe('the extension in Firefox ESR', () => {
  let server;
  let proxy;
  let ff;
  let downloadDir;
  before(async () => {
    server = await startFixtureServer();
    proxy = await startProxy(server.port);
    downloadDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-firefox-downloads-'));
    ff = await launchFirefox({ extensionDir: build.dir, proxyPort: proxy.port, downloadDir });
  });
  after(async () => {
    await ff?.close();
    await proxy?.close();
    await server?.close();
    if (downloadDir) rmSync(downloadDir, { recursive: true, force: true });
  });

  test('installs as a temporary add-on and its popup answers', async () => {
    assert.equal(ff.id, GECKO_ID);
    assert.match(ff.version, /^firefox\/\d+/);
    console.log(`# ${ff.version}, launched and installed in ${ff.launchMs} ms`);
    const popup = await openExtensionTab(ff.browser, 'popup.html');
    const text = await pollIn(popup, () => document.querySelector('.summary') && document.body.innerText, undefined, { what: 'the popup to render' });
    assert.match(text, /You have no access authorization recorded|Vous n.avez pas d.autorisation d.accès enregistrée/);
    await popup.close();
  });

  test('the content script runs on a mapped Action Network page', async () => {
    const page = await ff.browser.newPage();
    const response = await page.goto(PAGES.anAdminReport);
    assert.equal(response.status(), 200);
    assert.ok(response.headers()['x-vigie-fixture'], 'served from the fixtures');
    const ext = await openExtensionTab(ff.browser, 'popup.html');
    const seen = await pollIn(ext, async () => (await browser.storage.session.get('vigie:seen'))['vigie:seen']?.['action-network'], undefined, {
      what: "storage.session['vigie:seen']['action-network']",
    });
    assert.equal(seen.origin, 'https://admin.actionnetwork.org');
    await ext.close();
    await page.close();
  });

  test('a guarded download (no grant) is stopped: no file kept, and the log says so', async () => {
    const page = await ff.browser.newPage();
    await page.goto(PAGES.anAdminReport);
    const since = Date.now();
    await page.evaluate(() => location.assign('/reports/membres-2026/download.csv'));
    const ext = await openExtensionTab(ff.browser, 'popup.html');
    const deadline = Date.now() + 10_000;
    let event;
    while (!event && Date.now() < deadline) {
      event = (await readEventsIn(ext)).find((e) => e.surface === 'download' && e.time >= since);
      if (!event) await pause(200);
    }
    assert.ok(event, 'a download decision was logged');
    assert.equal(event.verdict, 'block');
    await pause(1_500);
    assert.deepEqual(readdirSync(downloadDir).filter((f) => !f.endsWith('.part')), [], 'no file kept in the downloads folder');
    await ext.close();
    await page.close();
  });

  test('every host Firefox asked the proxy for was mapped or refused (nothing left the machine)', () => {
    const mapped = proxy.asked.filter((h) => !proxy.refused.includes(h));
    assert.ok(mapped.includes('admin.actionnetwork.org'));
    console.log(`# refused by the proxy: ${[...new Set(proxy.refused)].join(', ') || 'nothing'}`);
  });
});

describe("IT's policies.json in Firefox: managed storage and the signed policy from the organisation's server", () => {
  let server;
  let proxy;
  let ff;
  let policies;
  let itKey;
  before(async (t) => {
    server = await startFixtureServer();
    policies = policyServer(server);
    itKey = await generateKeyPair();
    policies.serve(await signedAcepPolicy(2, {}, itKey));
    proxy = await startProxy(server.port, [POLICY_HOST]);
    const config = { policyUrl: policies.url, trustedKeys: [trustedKey(itKey)] };
    ff = await launchFirefox({ extensionDir: build.dir, proxyPort: proxy.port, policies: { '3rdparty': { Extensions: { [GECKO_ID]: config } } } });
    if (ff.skipped) t.skip(ff.skipped);
  });
  after(async () => {
    await ff?.close?.();
    await proxy?.close();
    await server?.close();
  });

  test('storage.managed holds the policies.json fields', async () => {
    const page = await openExtensionTab(ff.browser, 'popup.html');
    const managed = await page.evaluate(() => browser.storage.managed.get());
    assert.equal(managed.policyUrl, policies.url);
    assert.equal(managed.trustedKeys[0].keyId, itKey.keyId);
    await page.close();
  });

  test('the policy signed by IT\'s key is fetched (CORS, no host permission) and shown in the popup', async () => {
    const page = await openExtensionTab(ff.browser, 'popup.html');
    const version = await pollIn(page, async () => (await browser.storage.local.get('vigie:policy'))['vigie:policy']?.payload?.version, undefined, {
      timeout: 20_000,
      what: 'the signed policy in storage.local',
    });
    assert.equal(version, 2);
    assert.match(policies.hits[0].origin ?? '', /^moz-extension:\/\//);
    await page.close();
    const popup = await openExtensionTab(ff.browser, 'popup.html');
    // The policy's source and signer sit under "Details for IT", folded as a person first sees it.
    const text = await pollIn(popup, () => {
      const details = document.querySelector('details.it-details');
      if (details) details.open = true;
      return document.querySelector('.policy') && document.body.innerText;
    }, undefined, { what: 'the popup' });
    assert.match(text, new RegExp(`(Policy server|Serveur de politique) \\(${POLICY_HOST.replace(/\./g, '\\.')}\\)`));
    assert.match(text, /IT e2e key/);
    await popup.close();
  });
});
