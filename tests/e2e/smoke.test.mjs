/**
 * Smoke tests of the built demo-mode extension in Debian's Chromium: it loads with its fixed id,
 * its content scripts run on the real platform hosts (served from fixtures), and a grant imported
 * through the options page shows in the popup, in French and English, across a browser restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_HOLDER, demoGrantToken } from '../../scripts/make-demo-docs.ts';
import { EXTENSION_ID, launchBrowser, readManifest } from './browser.mjs';
import {
  clearSeen,
  importGrantViaOptions,
  openExtensionPage,
  openFixture,
  readStoredGrant,
  uiText,
  waitForSeen,
  waitForText,
} from './extension.mjs';
import { PAGES } from './routes.mjs';
import { startFixtureServer } from './server.mjs';

const SEEN_TIMEOUT = 10_000;

/** Opens a mapped URL and waits for that family's content script to say hello from it. */
async function assertContentScriptRuns(browser, url, family) {
  await clearSeen(browser);
  const { page } = await openFixture(browser, url);
  const entry = await waitForSeen(browser, family, { origin: new URL(url).origin, timeout: SEEN_TIMEOUT });
  assert.ok(entry.time, `vigie:seen.${family} has a time`);
  await page.close();
}

async function assertPopupShowsGrant(browser) {
  const text = uiText(browser.lang);
  const popup = await openExtensionPage(browser, 'popup.html');
  await waitForText(popup, text.section);
  await waitForText(popup, DEMO_HOLDER.name);
  await popup.close();
}

describe('the extension in Chromium (French UI)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ port: server.port, lang: 'fr' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('loads: service worker up, fixed extension id from the manifest key', async () => {
    const manifest = readManifest();
    assert.equal(manifest.manifest_version, 3);
    assert.ok(manifest.key, 'the Chrome manifest carries the public key that fixes the id');
    assert.equal(browser.extensionId, EXTENSION_ID);
    assert.equal(await browser.serviceWorker.evaluate(() => chrome.runtime.id), EXTENSION_ID);
    assert.equal(await browser.serviceWorker.evaluate(() => chrome.i18n.getUILanguage().slice(0, 2)), 'fr');
  });

  test('content script runs on Action Network (actionnetwork.org and admin.actionnetwork.org)', async () => {
    await assertContentScriptRuns(browser, PAGES.anReport, 'action-network');
    await assertContentScriptRuns(browser, PAGES.anAdminReport, 'action-network');
  });

  test('content script runs on Gmail (mail.google.com/mail/u/0/#inbox)', async () => {
    await assertContentScriptRuns(browser, PAGES.gmailInbox, 'gmail');
  });

  test('content scripts run on Action Builder and Outlook hosts (placeholder pages)', async () => {
    const placeholder = (name) => `<!doctype html><meta charset="utf-8"><meta name="vigie-fixture" content="inline/${name}"><title>${name}</title><p>${name} placeholder</p>`;
    server.route({ host: 'section70.actionbuilder.org', path: '/campaigns/', body: placeholder('action-builder') });
    server.route({ host: 'outlook.office.com', path: '/mail/', body: placeholder('outlook') });
    await assertContentScriptRuns(browser, 'https://section70.actionbuilder.org/campaigns/', 'action-builder');
    await assertContentScriptRuns(browser, 'https://outlook.office.com/mail/', 'outlook');
  });

  test('with no grant the popup says no grant is recorded', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    await waitForText(popup, uiText('fr').noGrant);
    await popup.close();
  });

  test('every page the browser asked for was a fixture (no stray request)', () => {
    assert.deepEqual(server.misses(), []);
  });
});

describe('a grant imported through the options page (French UI)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startFixtureServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the popup shows "Section locale 70" and the holder', async () => {
    browser = await launchBrowser({ port: server.port, lang: 'fr' });
    const options = await importGrantViaOptions(browser, await demoGrantToken(), { holderName: DEMO_HOLDER.name });
    await options.close();
    assert.ok(await readStoredGrant(browser), "storage.local['vigie:grant'] holds the grant");
    await assertPopupShowsGrant(browser);
  });

  test('survives a browser restart on the same profile', async () => {
    await browser?.close();
    browser = await launchBrowser({ port: server.port, lang: 'fr' });
    await (await importGrantViaOptions(browser, await demoGrantToken(), { holderName: DEMO_HOLDER.name })).close();
    browser = await browser.restart();
    assert.equal(browser.extensionId, EXTENSION_ID);
    assert.ok(await readStoredGrant(browser), "storage.local['vigie:grant'] is still there after the restart");
    await assertPopupShowsGrant(browser);
  });
});

describe('the popup in an English UI (--lang=en-US)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ port: server.port, lang: 'en-US' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('with no grant it says "You have no access authorization recorded"', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    await waitForText(popup, uiText('en').noGrant);
    await popup.close();
  });

  test('after an import through the options page it shows "Local 70" and the holder', async () => {
    const options = await importGrantViaOptions(browser, await demoGrantToken(), { holderName: DEMO_HOLDER.name });
    await options.close();
    await assertPopupShowsGrant(browser);
  });
});
