/**
 * The downloads backstop's Firefox path, in real firefox-esr (WebDriver BiDi, see firefox.mjs).
 * Firefox has no `onDeterminingFilename`: the backstop pauses in `onCreated`, decides, then cancels
 * and erases or resumes. These tests measure what that guarantees: no guarded file is *kept*
 * (a small file may finish before the pause lands; it is then deleted and the log says
 * `removed-after-completion`), an allowed download resumes and completes, and a held one stays
 * paused while the page asks, and is cancelled and erased when the person says no.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { demoGrantToken } from '../../../scripts/make-demo-docs.ts';
import { PAGES, ROUTES } from '../routes.mjs';
import { ORGANIZING_PAGES, ORGANIZING_ROUTES } from '../routes-organizing.mjs';
import { signedPolicy, warnOnExport } from '../organizing-helpers.mjs';
import { startFixtureServer } from '../server.mjs';
import { buildFirefoxExtension, FIREFOX, launchFirefox, openExtensionTab, readEventsIn, startProxy } from './firefox.mjs';

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const RUNS = Number(process.env.VIGIE_FIREFOX_RUNS ?? 10);

if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}; install it: apt-get install -y firefox-esr (scripts/dev.sh does)`);

let build;
before(async () => {
  build = await buildFirefoxExtension();
});
after(() => build?.remove());

describe('downloads in Firefox ESR (pause in onCreated)', () => {
  let server;
  let proxy;
  let ff;
  let ext;
  let downloadDir;
  const files = () => readdirSync(downloadDir);

  async function storeLocal(items) {
    await ext.evaluate((i) => browser.storage.local.set(i), items);
  }

  async function eventAfter(since, test, what) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const event = (await readEventsIn(ext)).find((e) => e.time >= since && test(e));
      if (event) return event;
      if (Date.now() > deadline) throw new Error(`Firefox: no ${what} logged`);
      await pause(150);
    }
  }

  before(async () => {
    server = await startFixtureServer({ routes: [...ROUTES, ...ORGANIZING_ROUTES] });
    proxy = await startProxy(server.port);
    downloadDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-firefox-downloads-'));
    ff = await launchFirefox({ extensionDir: build.dir, proxyPort: proxy.port, downloadDir });
    ext = await openExtensionTab(ff.browser, 'popup.html');
    await storeLocal({ 'vigie:grant': await demoGrantToken() });
  });
  after(async () => {
    await ff?.close();
    await proxy?.close();
    await server?.close();
    if (downloadDir) rmSync(downloadDir, { recursive: true, force: true });
  });

  test(`a small CSV the page follows by script, ${RUNS} times: never kept; how often it finished before the pause is measured`, async () => {
    const outcomes = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await ff.browser.newPage();
      await page.goto(PAGES.anAdminReport);
      const since = Date.now();
      await page.evaluate(() => location.assign('/reports/membres-2026/download.csv'));
      const event = await eventAfter(since, (e) => e.surface === 'download', 'download decision');
      assert.equal(event.verdict, 'block');
      outcomes.push(event.detail);
      await pause(500);
      assert.deepEqual(files(), [], `run ${i + 1}: nothing kept (not even a .part file)`);
      await page.close();
    }
    const removed = outcomes.filter((d) => /removed-after-completion/.test(d)).length;
    console.log(`# Firefox: ${RUNS - removed}/${RUNS} paused before completion, ${removed}/${RUNS} finished first and were deleted`);
    assert.ok((await ext.evaluate(() => browser.downloads.search({}))).length === 0, 'every stopped download is erased');
  });

  test('a page-made blob: download is stopped', async () => {
    const page = await ff.browser.newPage();
    await page.goto(ORGANIZING_PAGES.anActivists);
    const since = Date.now();
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob(['a,b\n1,2\n'], { type: 'text/csv' }));
      a.download = 'activists-view.csv';
      a.click();
    });
    const event = await eventAfter(since, (e) => e.surface === 'download', 'download decision');
    assert.equal(event.verdict, 'block');
    assert.equal(event.origin, 'https://actionnetwork.org');
    await pause(500);
    assert.deepEqual(files(), []);
    await page.close();
  });

  test('under an export authorization, the paused download is resumed and completes', async () => {
    const authorization = { platform: 'action-network', purpose: 'Envoi postal', reference: 'BN-FF-1', expires: new Date(Date.now() + 86_400_000).toISOString() };
    await storeLocal({ 'vigie:grant': await demoGrantToken(new Date(), { exportAuthorizations: [authorization] }) });
    const page = await ff.browser.newPage();
    await page.goto(PAGES.anAdminReport);
    await pause(300);
    const since = Date.now();
    await page.evaluate(() => location.assign('/reports/membres-2026/download.csv'));
    const event = await eventAfter(since, (e) => e.surface === 'download', 'download decision');
    assert.equal(event.verdict, 'allow');
    const deadline = Date.now() + 10_000;
    while (!files().includes('membres-2026.csv') && Date.now() < deadline) await pause(150);
    assert.deepEqual(files(), ['membres-2026.csv']);
    rmSync(join(downloadDir, 'membres-2026.csv'));
    await ext.evaluate(() => browser.downloads.erase({}));
    await storeLocal({ 'vigie:grant': await demoGrantToken() });
    await page.close();
  });

  test('under a warn policy, a download is held (paused, not kept) while the page asks; Escape cancels and erases it', async () => {
    // Typing into the closed dialog is not possible over BiDi here (no pierce, no focused window);
    // the justified resume is the same `resume()` the authorization test shows, and Chromium's e2e
    // covers the dialog itself.
    const envelope = await signedPolicy(warnOnExport);
    await storeLocal({ 'vigie:policy': envelope });
    const page = await ff.browser.newPage();
    await page.goto(ORGANIZING_PAGES.anActivists);
    await pause(500);
    const since = Date.now();
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob(['a,b\n1,2\n'], { type: 'text/csv' }));
      a.download = 'held.csv';
      a.click();
    });
    await eventAfter(since, (e) => e.surface === 'download' && e.verdict === 'warn', 'warn decision');
    await pause(800);
    assert.deepEqual(files(), [], 'held: nothing kept while the person reads the dialog');
    assert.equal(await page.evaluate(() => document.querySelectorAll('vigie-dialog').length), 1, "the page's dialog is open");
    const held = await ext.evaluate(() => browser.downloads.search({}));
    // Firefox reports a paused download as `interrupted` with `paused: true`.
    assert.deepEqual(held.map((d) => [d.state === 'complete', d.paused]), [[false, true]], 'paused, not finished');
    await page.keyboard.press('Escape');
    const event = await eventAfter(since, (e) => e.surface === 'download' && e.action === 'cancelled', 'cancellation');
    assert.equal(event.verdict, 'warn');
    await pause(300);
    assert.deepEqual(files(), []);
    assert.deepEqual(await ext.evaluate(() => browser.downloads.search({})), [], 'erased');
    await page.close();
  });
});
