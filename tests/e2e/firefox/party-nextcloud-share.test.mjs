/**
 * The Nextcloud public share-link guard end to end, in real Firefox (Debian's firefox-esr over
 * WebDriver BiDi, see firefox.mjs), under the party's signed policy, whose Nextcloud
 * (nuage.pcq.example) comes only from the policy.
 *
 * Chromium cannot run this (tests/e2e/party-nextcloud-share.test.mjs): its permission prompt is
 * native UI no driver can accept. Here the pref `extensions.webextOptionalPermissionPrompts =
 * false` makes Firefox accept an optional-permission request without showing the prompt: it stands
 * in for the person's click on "Allow". The person's consent is emulated; the code path is the real
 * one: the options page's own button (a trusted click, so `permissions.request` has its user
 * gesture), Firefox recording the origin, `permissions.onAdded` waking the background, which
 * registers the Nextcloud content script with `scripting.registerContentScripts`, and that script,
 * injected by Firefox on the fixture page, stopping the "+" that creates a public link.
 *
 * The fixture server counts requests: "no link created" means no POST reached the OCS shares
 * endpoint, not only that the page shows none.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { partyGrantToken, signedPartyPolicy } from '../../../scripts/demo-party.ts';
import { ROUTES } from '../routes.mjs';
import { PARTY_PAGES, PARTY_ROUTES } from '../routes-party.mjs';
import { startFixtureServer } from '../server.mjs';
import { buildFirefoxExtension, FIREFOX, launchFirefox, openExtensionTab, pollIn, readEventsIn, startProxy } from './firefox.mjs';

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const NUAGE = 'https://nuage.pcq.example/*';
const OCS_SHARES = '/ocs/v2.php/apps/files_sharing/api/v1/shares';

if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}; install it: apt-get install -y firefox-esr (scripts/dev.sh does)`);

let build;
before(async () => {
  build = await buildFirefoxExtension();
});
after(() => build?.remove());

describe("the Nextcloud share-link guard in Firefox ESR, on the party's policy host", () => {
  let server;
  let proxy;
  let ff;
  let ext;
  const sharePosts = () => server.requests.filter((r) => r.method === 'POST' && r.path === OCS_SHARES);
  const dialogs = (page) => page.evaluate(() => document.querySelectorAll('vigie-dialog').length);

  async function eventAfter(since, match, what) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const event = (await readEventsIn(ext)).find((e) => e.time >= since && match(e));
      if (event) return event;
      if (Date.now() > deadline) throw new Error(`Firefox: no ${what} logged`);
      await pause(150);
    }
  }

  /** The Files app with the runtime script running in it (it says hello to the background). */
  async function openNextcloud() {
    await ext.evaluate(() => browser.storage.session.remove('vigie:seen'));
    const page = await ff.browser.newPage();
    const response = await page.goto(PARTY_PAGES.nextcloudFiles);
    assert.equal(response.status(), 200);
    await pollIn(ext, async () => (await browser.storage.session.get('vigie:seen'))['vigie:seen']?.nextcloud, undefined, {
      what: "the Nextcloud runtime script's hello (storage.session['vigie:seen'].nextcloud)",
    });
    return page;
  }

  before(async () => {
    server = await startFixtureServer({ routes: [...ROUTES, ...PARTY_ROUTES] });
    proxy = await startProxy(server.port);
    ff = await launchFirefox({
      extensionDir: build.dir,
      proxyPort: proxy.port,
      // Stands in for the person's "Allow" on Firefox's optional-permission prompt (see above).
      prefs: { 'extensions.webextOptionalPermissionPrompts': false },
    });
    ext = await openExtensionTab(ff.browser, 'popup.html');
    await ext.evaluate((i) => browser.storage.local.set(i), {
      'vigie:policy': await signedPartyPolicy(),
      'vigie:grant': await partyGrantToken(), // party-member: clearance "restricted"
    });
  });
  after(async () => {
    await ff?.close();
    await proxy?.close();
    await server?.close();
  });

  test('before the person enables it: no permission for the policy host, no runtime script, the page is unguarded', async () => {
    assert.equal(await ext.evaluate((o) => browser.permissions.contains({ origins: [o] }), NUAGE), false);
    assert.deepEqual(await ext.evaluate(() => browser.scripting.getRegisteredContentScripts()), []);
    const manifest = await ext.evaluate(() => browser.runtime.getManifest());
    assert.deepEqual(manifest.optional_host_permissions, ['https://*/*']);
    // The control: without the script, the fixture's "+" creates the link (one POST reaches the server).
    await ext.evaluate(() => browser.storage.session.remove('vigie:seen'));
    const page = await ff.browser.newPage();
    await page.goto(PARTY_PAGES.nextcloudFiles);
    const before = sharePosts().length;
    await (await page.$('button.new-share-link')).click();
    await pollIn(page, () => document.querySelectorAll('.created-link').length === 1, undefined, { what: 'the unguarded page to create the link' });
    assert.equal(sharePosts().length, before + 1);
    assert.equal(await dialogs(page), 0);
    assert.equal((await ext.evaluate(() => browser.storage.session.get('vigie:seen')))['vigie:seen']?.nextcloud, undefined, 'no Vigie script on the page');
    await page.close();
  });

  test("the options page's button asks Firefox for nuage.pcq.example only; once granted, the background registers the Nextcloud script", async () => {
    const started = Date.now();
    const options = await openExtensionTab(ff.browser, 'options.html');
    const errors = [];
    options.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
    const label = await pollIn(
      options,
      () => [...document.querySelectorAll('section[aria-labelledby="host-access-heading"] button')].map((b) => b.textContent).find((t) => /nuage\.pcq\.example/.test(t)),
      undefined,
      { what: 'the "enable Vigie on nuage.pcq.example" button' },
    );
    assert.match(label, /^(Activer Vigie sur|Enable Vigie on) nuage\.pcq\.example$/);
    const button = await options.$('section[aria-labelledby="host-access-heading"] button');
    await button.click(); // real (trusted) click over BiDi input actions: the user gesture permissions.request needs
    await pollIn(ext, (o) => browser.permissions.contains({ origins: [o] }), NUAGE, { what: `${NUAGE} to be granted` });
    const granted = await ext.evaluate(() => browser.permissions.getAll());
    assert.ok(granted.origins.includes(NUAGE));
    assert.ok(!granted.origins.includes('https://*/*'), 'only the policy host, not the whole optional pattern');
    const scripts = await pollIn(ext, async () => {
      const s = await browser.scripting.getRegisteredContentScripts();
      return s.length ? s : undefined;
    }, undefined, { what: 'scripting.registerContentScripts to register the Nextcloud script' });
    assert.deepEqual(
      scripts.map((s) => ({ id: s.id, js: s.js, matches: s.matches, runAt: s.runAt })),
      [{ id: 'vigie-nextcloud', js: ['content-scripts/nextcloud.js'], matches: [NUAGE], runAt: 'document_start' }],
    );
    // The page updates itself (permissions.onAdded): the button gives way to the granted status.
    await pollIn(options, () => !document.querySelector('section[aria-labelledby="host-access-heading"] button'), undefined, { what: 'the button to go' });
    assert.deepEqual(errors, []);
    console.log(`# Firefox: granted and registered ${Date.now() - started} ms after opening the options page`);
    await options.close();
  });

  test('a party member (clearance below confidential) clicks "+": the blocking dialog shows, and no share POST reaches the server', async () => {
    const page = await openNextcloud();
    const before = sharePosts().length;
    const since = Date.now();
    await (await page.$('button.new-share-link')).click();
    const event = await eventAfter(since, (e) => e.surface === 'share', 'share decision');
    assert.equal(event.verdict, 'block');
    assert.equal(event.origin, 'https://nuage.pcq.example');
    await pollIn(page, () => document.querySelectorAll('vigie-dialog').length === 1, undefined, { what: 'the dialog' });
    await pause(800);
    assert.equal(sharePosts().length, before, 'no POST to the OCS shares endpoint');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.created-link').length), 0);
    await page.keyboard.press('Escape');
    await pollIn(page, () => document.querySelectorAll('vigie-dialog').length === 0, undefined, { what: 'Escape to close the dialog' });
    await pause(500);
    assert.equal(sharePosts().length, before, 'still none after closing');
    await page.close();
  });

  test("the page's own synthetic click on \"+\" is stopped without a dialog (nobody to answer it)", async () => {
    const page = await openNextcloud();
    const before = sharePosts().length;
    const since = Date.now();
    await page.evaluate(() => document.querySelector('button.new-share-link').click());
    const event = await eventAfter(since, (e) => e.surface === 'share', 'share decision');
    assert.equal(event.action, 'cancelled');
    assert.match(event.detail, /untrusted-activation/);
    await pause(500);
    assert.equal(await dialogs(page), 0);
    assert.equal(sharePosts().length, before);
    await page.close();
  });

  test('a BEN member (clearance confidential) clicks "+": the warning asks for a reason; Escape cancels and no share is created', async () => {
    await ext.evaluate(async (t) => browser.storage.local.set({ 'vigie:grant': t }), await partyGrantToken(new Date(), { role: 'ben-member' }));
    const page = await openNextcloud();
    const before = sharePosts().length;
    const since = Date.now();
    await (await page.$('button.new-share-link')).click();
    const event = await eventAfter(since, (e) => e.surface === 'share', 'share decision');
    assert.equal(event.verdict, 'warn');
    await pollIn(page, () => document.querySelectorAll('vigie-dialog').length === 1, undefined, { what: 'the dialog' });
    await pause(800);
    assert.equal(sharePosts().length, before, 'held: no POST while the dialog asks');
    await page.keyboard.press('Escape');
    await pollIn(page, () => document.querySelectorAll('vigie-dialog').length === 0, undefined, { what: 'Escape to close the dialog' });
    const cancelled = await eventAfter(since, (e) => e.surface === 'share' && e.action === 'cancelled', 'cancellation');
    assert.equal(cancelled.verdict, 'warn');
    await pause(500);
    assert.equal(sharePosts().length, before, 'no share created');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.created-link').length), 0);
    await page.close();
  });

  test('a BEN member gives a reason with the keyboard: the click is replayed and the link is created (one POST)', async () => {
    const page = await openNextcloud();
    const before = sharePosts().length;
    const since = Date.now();
    await (await page.$('button.new-share-link')).click();
    await pollIn(page, () => document.querySelectorAll('vigie-dialog').length === 1, undefined, { what: 'the dialog' });
    // Focus starts on Cancel; "… anyway" comes just before it and opens the reason step, whose
    // focus starts on the first listed reason: Space picks it, Tab leaves the group of reasons
    // (one tab stop, as in a native radio group) for the text box, then reaches the confirming button.
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter');
    await page.keyboard.press(' ');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Affiche publique du rassemblement');
    await page.keyboard.press('Tab');
    // A press in the first 500 ms after a step appears is not taken as an answer (lib/guard/dialog-visibility.ts).
    await new Promise((resolve) => setTimeout(resolve, 700));
    await page.keyboard.press('Enter');
    const event = await eventAfter(since, (e) => e.surface === 'share' && e.action === 'overridden', 'justified override');
    // The picked reason comes first ("[id] text"), then what the person wrote.
    assert.match(event.justification, /^\[[\w-]+\] .+ — Affiche publique du rassemblement$/);
    await pollIn(page, () => document.querySelectorAll('.created-link').length === 1, undefined, { what: 'the page to show the created link' });
    assert.equal(sharePosts().length, before + 1, 'exactly one POST: the replayed click');
    assert.equal(await dialogs(page), 0);
    await page.close();
  });

  test('nothing left the machine: every host asked of the proxy was mapped or refused', () => {
    assert.ok(proxy.asked.includes('nuage.pcq.example'));
    console.log(`# refused by the proxy: ${[...new Set(proxy.refused)].join(', ') || 'nothing'}`);
  });
});
