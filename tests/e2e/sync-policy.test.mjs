/**
 * Policy sync in real Chromium, configured the way IT configures it: a managed-policy file that
 * Chromium reads (`3rdparty.extensions.<id>` with `policyUrl` and `trustedKeys`), a policy server
 * on loopback serving policies signed by IT's key. A good policy is picked up and shown; a
 * tampered, older or unreachable one is refused and the popup says why while the last good one
 * stays; a policy revoking the person's grant reaches an already open tab without a reload and
 * blocks its export.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decide } from '../../lib/core/decide.ts';
import { generateKeyPair } from '../../lib/core/signature.ts';
import { DEMO_HOLDER, demoGrantToken } from '../../scripts/make-demo-docs.ts';
import { EXTENSION_ID } from './browser.mjs';
import { importGrantViaOptions, openExtensionPage, openFixture, poll, waitForText } from './extension.mjs';
import { PAGES } from './routes.mjs';
import { POLICY_HOST, policyServer } from './routes-sync.mjs';
import { ROOT, startFixtureServer } from './server.mjs';
import { waitForDialog } from './shadow-dialog.mjs';
import {
  contextOnPage,
  fireSyncAlarm,
  launchManagedBrowser,
  readStorage,
  signedAcepPolicy,
  trustedKey,
  waitForLog,
  waitForManaged,
} from './sync-helpers.mjs';

const GRANT_ID = 'demo-sl70-executive';
const AUTHORIZATION = {
  platform: 'action-network',
  purpose: 'Envoi postal du bulletin',
  reference: 'BN-2026-041',
  expires: new Date(Date.now() + 30 * 86_400_000).toISOString(),
};

/** Waits until the held policy has `version` (the sync is asynchronous). */
async function waitForPolicyVersion(browser, version, timeout = 25_000) {
  return poll(async () => (await readStorage(browser, 'vigie:policy'))?.payload?.version === version, {
    timeout,
    what: `storage.local['vigie:policy'] at version ${version}`,
  });
}

/** Opens the popup, lets `act` do something in it, and returns its text once `expected` shows. */
async function popupShows(browser, expected, act) {
  const popup = await openExtensionPage(browser, 'popup.html');
  try {
    if (act) await act(popup);
    for (const text of [expected].flat()) await waitForText(popup, text, { timeout: 15_000 });
    return await popup.evaluate(() => document.body.innerText);
  } finally {
    await popup.close();
  }
}

// The one in "Détails pour les TI" (a problem in the status panel may offer another).
const checkNow = (popup) => popup.locator('details.it-details').getByRole('button', { name: 'Vérifier les mises à jour' }).click();

describe("the policy from the organisation's server, configured by IT in Chromium's policy file", () => {
  let server;
  let policies;
  let s;
  let itKey;
  before(async (t) => {
    server = await startFixtureServer();
    policies = policyServer(server);
    itKey = await generateKeyPair();
    policies.serve(await signedAcepPolicy(2, {}, itKey));
    s = await launchManagedBrowser({ port: server.port, config: { policyUrl: policies.url, trustedKeys: [trustedKey(itKey)] } });
    if (!s) t.skip('a Chromium policy file needs root');
  });
  after(async () => {
    await s?.close();
    await server?.close();
  });

  test('Chromium hands the extension IT\'s configuration from the policy file', async () => {
    assert.equal(await waitForManaged(s.browser, 'policyUrl'), policies.url);
    const keys = await waitForManaged(s.browser, 'trustedKeys');
    assert.equal(keys[0].keyId, itKey.keyId);
    console.log(`# managed policy file applied through: ${s.managed.mode}`);
  });

  test('the signed policy served is picked up at start-up and shown in the popup', async () => {
    await waitForPolicyVersion(s.browser, 2);
    const sync = await readStorage(s.browser, 'vigie:sync');
    assert.equal(sync.source, 'url');
    assert.deepEqual(sync.problems, []);
    const text = await popupShows(s.browser, [`Serveur de politique (${POLICY_HOST})`, 'IT e2e key']);
    assert.match(text, /Numéro de mise à jour\s+2/);
    assert.match(text, /Dernière vérification\s+\d/);
    const hit = policies.hits.at(-1);
    assert.equal(hit.origin, `chrome-extension://${EXTENSION_ID}`, 'a CORS request from the extension');
    assert.equal(hit.cookie, undefined, 'no cookies sent to the policy server');
    await waitForLog(s.browser, (e) => e.action === 'policy-updated' && e.detail === 'url v2');
  });

  test('a tampered policy is refused: the old one stays and the popup says why', async () => {
    const good = await signedAcepPolicy(3, {}, itKey);
    policies.serve({ ...good, payload: { ...good.payload, rollout: 'audit' } });
    const text = await popupShows(s.browser, 'La signature ne correspond pas', checkNow);
    assert.match(text, /Problèmes à la dernière vérification/);
    assert.match(text, /Serveur de politique\u00a0: La signature ne correspond pas\u00a0: le document a été modifié ou forgé\. \(mise à jour n° 3\)/);
    assert.match(text, /Numéro de mise à jour\s+2/);
    assert.equal((await readStorage(s.browser, 'vigie:policy')).payload.version, 2);
    await waitForLog(s.browser, (e) => e.action === 'policy-refused' && e.detail === 'url bad-signature v3');
  });

  test('an older policy (rollback) and one signed by an unknown key are refused too', async () => {
    policies.serve(await signedAcepPolicy(1, {}, itKey));
    await popupShows(s.browser, 'Cette politique est plus ancienne que celle déjà en vigueur. (mise à jour n° 1)', checkNow);
    policies.serve(await signedAcepPolicy(3, {}, await generateKeyPair()));
    await popupShows(s.browser, 'Ce document ne vient pas d’une source que votre organisation a approuvée. (mise à jour n° 3)', checkNow);
    assert.equal((await readStorage(s.browser, 'vigie:policy')).payload.version, 2);
  });

  test('a server without the CORS header cannot be read: backoff, and the popup says so', async () => {
    policies.serve(await signedAcepPolicy(3, {}, itKey));
    policies.withoutCors();
    await fireSyncAlarm(s.browser);
    const sync = await poll(async () => {
      const status = await readStorage(s.browser, 'vigie:sync');
      return status?.problems?.[0]?.code === 'unreachable' && status;
    }, { timeout: 20_000, what: 'an unreachable problem recorded' });
    assert.ok(sync.failures >= 1 && sync.nextRetry > Date.now(), 'a retry is scheduled');
    const retry = await s.browser.serviceWorker.evaluate(() => chrome.alarms.get('vigie:policy-retry'));
    assert.ok(retry, 'the retry alarm is set');
    await popupShows(s.browser, ['serveur qui refuse les demandes de Vigie', 'Prochain essai'], async (popup) => {
      await popup.setViewportSize({ width: 360, height: 600 });
      await waitForText(popup, 'Prochain essai');
      mkdirSync(join(ROOT, '.e2e/screenshots'), { recursive: true });
      await popup.locator('.policy').screenshot({ path: join(ROOT, '.e2e/screenshots/popup-sync-problem-fr.png') });
    });
    assert.equal((await readStorage(s.browser, 'vigie:policy')).payload.version, 2);
  });

  test('a policy revoking the grant reaches an open tab without a reload: "revoked", and the export is blocked', async () => {
    const token = await demoGrantToken(new Date(), { exportAuthorizations: [AUTHORIZATION] });
    await (await importGrantViaOptions(s.browser, token, { holderName: DEMO_HOLDER.name })).close();
    const { page } = await openFixture(s.browser, PAGES.anAdminReport);
    const before = await contextOnPage(page);
    assert.equal(before.grantStatus, 'valid');
    assert.equal(decide({ surface: 'export-click', platform: before.platform }, before.policy, before.grant, new Date()).verdict, 'allow');

    policies.serve(await signedAcepPolicy(3, { revokedGrants: [GRANT_ID] }, itKey));
    await fireSyncAlarm(s.browser);
    await waitForPolicyVersion(s.browser, 3);

    const after = await contextOnPage(page);
    assert.equal(after.grantStatus, 'revoked');
    assert.equal(after.policy.version, 3);
    assert.equal(decide({ surface: 'export-click', platform: after.platform }, after.policy, after.grant, new Date()).verdict, 'block');

    // The same tab, never reloaded: its content script refreshed its context when the policy changed.
    await page.locator('#report_download').click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /révoquée/i);
    await waitForLog(s.browser, (e) => e.surface === 'export-click' && e.verdict === 'block' && e.policyVersion === 3);
    assert.deepEqual(s.downloads(), [], 'nothing was downloaded');
    await waitForLog(s.browser, (e) => e.action === 'grant-revoked' && e.grantId === GRANT_ID);
    const text = await popupShows(s.browser, ['Révoquée', "Autorisation d’accès révoquée par la politique"], async (popup) => {
      await popup.setViewportSize({ width: 360, height: 600 });
      await waitForText(popup, "Autorisation d’accès révoquée par la politique");
      await popup.screenshot({ path: join(ROOT, '.e2e/screenshots/popup-revoked-fr.png'), fullPage: true });
    });
    // Said once, in the popup's opening sentence (the access card gives the details).
    assert.match(text, /toute exportation est bloquée/i);
    assert.equal(text.match(/exportation est bloquée/gi).length, 1);
    await page.close();
  });
});

describe("IT's inline policy and grant (signedPolicy, signedGrant), changed while the browser runs", () => {
  let server;
  let s;
  let itKey;
  let grant;
  before(async (t) => {
    server = await startFixtureServer();
    itKey = await generateKeyPair();
    const { demoGrantPayload } = await import('../../scripts/make-demo-docs.ts');
    const { signDocument, toToken } = await import('../../lib/core/signature.ts');
    grant = toToken(await signDocument('grant', demoGrantPayload(new Date(), { mfaResponsible: true }), itKey));
    const config = { trustedKeys: [trustedKey(itKey)], signedPolicy: JSON.stringify(await signedAcepPolicy(5, {}, itKey)), signedGrant: grant };
    s = await launchManagedBrowser({ port: server.port, config });
    if (!s) t.skip('a Chromium policy file needs root');
  });
  after(async () => {
    await s?.close();
    await server?.close();
  });

  test('the inline policy and grant apply: the popup shows both and says IT provides the grant', async () => {
    await waitForPolicyVersion(s.browser, 5);
    assert.equal(await readStorage(s.browser, 'vigie:grant'), grant);
    const text = await popupShows(s.browser, ["Configuration fournie par les TI de votre organisation", DEMO_HOLDER.name, 'Autorisation d’accès fournie par les TI de votre organisation.']);
    assert.match(text, /Numéro de mise à jour\s+5/);
    const options = await openExtensionPage(s.browser, 'options.html');
    await waitForText(options, 'ne peut pas être importée ni retirée ici');
    assert.equal(await options.locator('#grant-text').count(), 0, 'no import form');
    await options.close();
  });

  test('IT publishes a newer inline policy: Chromium reloads the file and the extension follows', async () => {
    s.managed.update({ trustedKeys: [trustedKey(itKey)], signedPolicy: JSON.stringify(await signedAcepPolicy(6, {}, itKey)), signedGrant: grant });
    // Chromium notices the changed file on its own (a folder watcher, then a short settle delay).
    await waitForPolicyVersion(s.browser, 6, 60_000);
    await waitForLog(s.browser, (e) => e.action === 'policy-updated' && e.detail === 'managed v6');
  });
});
