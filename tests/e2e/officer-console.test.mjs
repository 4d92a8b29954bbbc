/**
 * The privacy officer's console in real Chromium, beside the demo-mode extension: a grant issued
 * through the console's form is imported in the extension and shown in its popup; revoking asks
 * in a modal dialog. The other screens, which need no extension: officer-screens.test.mjs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoKeyPair } from '../../scripts/make-demo-docs.ts';
import { listEntries } from '../../lib/officer/register-service.ts';
import { listAudit } from '../../lib/officer/audit-service.ts';
import { launchBrowser } from './browser.mjs';
import { importGrantViaOptions, openExtensionPage, waitForText } from './extension.mjs';
import { startFixtureServer } from './server.mjs';
import { axeViolations, issueThroughForm, shoot, startConsole } from './officer-helpers.mjs';

describe("the officer's console (French UI), with the demo extension", () => {
  let server;
  let browser;
  let console_;
  let page;
  before(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ port: server.port, lang: 'fr' });
    // The demo build trusts the demo key: here it is the officer's key.
    console_ = await startConsole(demoKeyPair());
    page = await console_.open(browser);
  });
  after(async () => {
    await browser?.close();
    await console_?.close();
    await server?.close();
  });

  test('the overview says the key is not protected and the policy published is the latest signed', async () => {
    await waitForText(page, 'Votre clé privée n’est pas protégée');
    await waitForText(page, 'Le fichier à publier est la dernière version signée.');
  });

  test('a grant issued through the form is imported in the extension and shown in its popup', async () => {
    const token = await issueThroughForm(page, { name: 'Camille Lévesque', email: 'camille.levesque@example.org' });
    const qr = page.getByRole('img', { name: 'Code QR du jeton' });
    await qr.waitFor();
    assert.match(await qr.locator('path').getAttribute('d'), /^(M\d+ \d+h\d+v1h-\d+z)+$/, 'the QR code is drawn');
    const message = await page.getByLabel('Message prêt à envoyer (français et anglais)').inputValue();
    assert.match(message, /Bonjour Camille Lévesque/);
    assert.match(message, /Hello Camille Lévesque/);
    assert.ok(message.endsWith(token), 'the message ends with the token');
    await shoot(page, 'grant', page.locator('.detail'));
    assert.deepEqual(await axeViolations(page), [], 'people screen with the form and a grant open: axe-clean');
    await (await importGrantViaOptions(browser, token, { holderName: 'Camille Lévesque', timeout: 10_000 })).close();
    const popup = await openExtensionPage(browser, 'popup.html');
    await waitForText(popup, 'Camille Lévesque', { timeout: 10_000 });
    await waitForText(popup, 'Section locale 70');
    await popup.close();
    assert.deepEqual(listAudit(console_.officer, { action: 'grant-issued' }).map((a) => a.actor), ['e2e-officer']);
  });

  test('the revoke dialog is a modal dialog: focus inside, Escape cancels and nothing is revoked', async () => {
    await page.getByRole('button', { name: 'Révoquer…' }).click();
    const dialog = page.getByRole('dialog', { name: /Révoquer l’accès de Camille Lévesque/ });
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), true);
    await shoot(page, 'revoke-dialog');
    assert.deepEqual(await axeViolations(page), [], 'revoke dialog: axe-clean');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(listEntries(console_.officer)[0].state, 'active');
  });
});
