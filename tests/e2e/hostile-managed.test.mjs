/**
 * Class 10 of the hostile review: IT's configuration must be taken whatever the popup does in the
 * first seconds after the browser starts, and a download that starts before it has been read must
 * wait for it rather than be judged by the bundled default. Chromium reads a real managed-policy
 * file (trusted key, the signed policy inline, the person's grant) in a private mount namespace.
 *
 * IT's policy guards a file host the bundled default does not know (`fichiers.sl70.example`, as a
 * party's self-hosted Nextcloud would be): judged by the bundled default alone, a download from it
 * would be let through.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateKeyPair, signDocument, toToken } from '../../lib/core/signature.ts';
import { demoGrantPayload } from '../../scripts/make-demo-docs.ts';
import { EXTENSION_ID } from './browser.mjs';
import { poll } from './extension.mjs';
import { ROOT, startFixtureServer } from './server.mjs';
import { launchManagedBrowser, readLog, readStorage, trustedKey } from './sync-helpers.mjs';

const FILE_HOST = 'fichiers.sl70.example';
const FILE_URL = `https://${FILE_HOST}/partage/membres-2026.csv`;

describe('IT configuration at start: the popup opened at once, a download made at once', () => {
  let server;
  let s;
  let grant;
  let popups = [];
  before(async (t) => {
    server = await startFixtureServer();
    server.route({
      host: FILE_HOST,
      path: '/partage/membres-2026.csv',
      fixture: 'action-network/report-membres-2026.csv',
      type: 'text/csv; charset=utf-8',
      headers: { 'Content-Disposition': 'attachment; filename="membres-2026.csv"' },
    });
    const itKey = await generateKeyPair();
    grant = toToken(await signDocument('grant', demoGrantPayload(new Date()), itKey));
    const acep = JSON.parse(readFileSync(join(ROOT, 'lib/packs/acep/policy.json'), 'utf8'));
    const an = acep.platforms.find((p) => p.id === 'action-network');
    an.hosts = [...an.hosts, FILE_HOST];
    const policy = await signDocument('policy', { ...acep, version: 5 }, itKey);
    const config = { trustedKeys: [trustedKey(itKey)], signedPolicy: JSON.stringify(policy), signedGrant: grant };
    // The popup, opened the moment the browser is up (before Chromium's policy service answers).
    const onContext = (context) => popups.push(context.newPage().then(async (page) => {
      await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`).catch(() => undefined);
      return page;
    }));
    s = await launchManagedBrowser({ port: server.port, config, onContext, hosts: [FILE_HOST] });
    if (!s) t.skip('a Chromium policy file needs root');
  });
  after(async () => {
    await s?.close();
    await server?.close();
  });

  test('a download from a host only IT\'s policy guards, made before the configuration is read: held, then stopped', async (t) => {
    const readBefore = await s.browser.serviceWorker.evaluate(() => chrome.storage.session.get('vigie:config-read').then((r) => r['vigie:config-read']));
    const started = Date.now();
    const page = await s.browser.context.newPage();
    await page.goto(FILE_URL).catch(() => undefined); // a download: Playwright reports the aborted navigation
    const event = await poll(async () => (await readLog(s.browser)).find((e) => e.surface === 'download'), { timeout: 90_000, interval: 250, what: 'the download decided' });
    const readAt = await s.browser.serviceWorker.evaluate(() => chrome.storage.session.get('vigie:config-read').then((r) => r['vigie:config-read']));
    t.diagnostic(readBefore === undefined
      ? `the download started before IT's configuration was read (read ${readAt - started} ms after it started); decided ${event.time - started} ms after it started`
      : 'IT\'s configuration was already read when the download started (the hold was not needed this time)');
    assert.equal(event.platform, 'action-network', "judged by IT's policy, which guards the file host");
    assert.equal(event.verdict, 'block');
    assert.equal(event.policyVersion, 5);
    await new Promise((r) => setTimeout(r, 1_500));
    assert.deepEqual(s.downloads(), [], 'no file on disk');
    await page.close();
  });

  test('the popup opened in the first seconds: the grant and the inline policy are still taken', async () => {
    const [popup] = await Promise.all(popups);
    await poll(async () => (await readStorage(s.browser, 'vigie:grant')) === grant, { timeout: 90_000, interval: 500, what: "IT's grant taken" });
    assert.equal((await readStorage(s.browser, 'vigie:policy'))?.payload?.version, 5);
    await popup.close();
  });
});
