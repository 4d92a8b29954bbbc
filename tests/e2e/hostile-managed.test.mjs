/**
 * Class 10 of the hostile review: IT's configuration must be taken whatever the popup does in the
 * first seconds after the browser starts. Chromium reads a real managed-policy file (trusted key,
 * the signed policy inline, the person's grant) in a private mount namespace; the popup is opened
 * the moment the worker is up, before Chromium's policy service has answered.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateKeyPair, signDocument, toToken } from '../../lib/core/signature.ts';
import { demoGrantPayload } from '../../scripts/make-demo-docs.ts';
import { EXTENSION_ID } from './browser.mjs';
import { poll } from './extension.mjs';
import { startFixtureServer } from './server.mjs';
import { launchManagedBrowser, readStorage, signedAcepPolicy, trustedKey } from './sync-helpers.mjs';

describe('IT configuration with the popup opened at start', () => {
  let server;
  let s;
  let grant;
  let popups = [];
  before(async (t) => {
    server = await startFixtureServer();
    const itKey = await generateKeyPair();
    grant = toToken(await signDocument('grant', demoGrantPayload(new Date()), itKey));
    const config = { trustedKeys: [trustedKey(itKey)], signedPolicy: JSON.stringify(await signedAcepPolicy(5, {}, itKey)), signedGrant: grant };
    // The popup, opened the moment the browser is up (before Chromium's policy service answers).
    const early = [];
    const onContext = (context) => early.push(context.newPage().then(async (page) => {
      await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`).catch(() => undefined);
      return page;
    }));
    s = await launchManagedBrowser({ port: server.port, config, onContext });
    popups = early;
    if (!s) t.skip('a Chromium policy file needs root');
  });
  after(async () => {
    await s?.close();
    await server?.close();
  });

  test('the popup opened in the first seconds: the grant and the inline policy are still taken', async () => {
    const [popup] = await Promise.all(popups);
    await poll(async () => (await readStorage(s.browser, 'vigie:grant')) === grant, { timeout: 90_000, interval: 500, what: "IT's grant taken" });
    assert.equal((await readStorage(s.browser, 'vigie:policy'))?.payload?.version, 5);
    await popup.close();
  });
});
