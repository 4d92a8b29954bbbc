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
import { axeViolations, goTo, issueThroughForm, shoot, startConsole } from './officer-helpers.mjs';

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

  test('a second tab of the console follows what the first one changes, and a policy being edited is kept, with a notice', async () => {
    const other = await console_.open(browser);
    try {
      // The people list in the other tab shows a grant issued in this one, without a reload.
      await goTo(other, 'Personnes et accès');
      await goTo(page, 'Politique'); // leaves the people screen, whose issue form is still open from above
      await issueThroughForm(page, { name: 'Léa Gagnon', email: 'lea.gagnon@example.org' });
      await waitForText(other, 'Léa Gagnon', { timeout: 10_000 });

      // The other tab starts editing the policy; this tab signs a new version meanwhile.
      await goTo(other, 'Politique');
      const editing = other.getByLabel('Modifier la politique (JSON)');
      const before = await editing.inputValue();
      await editing.fill(`${before}\n`);
      const edited = await editing.inputValue();
      await goTo(page, 'Politique');
      const mine = page.getByLabel('Modifier la politique (JSON)');
      await mine.fill((await mine.inputValue()).replace(/"title": \{\s*"fr": "/, '$&Nouvelle '));
      await page.getByLabel('Motif du changement').fill('Titre');
      await page.getByRole('button', { name: 'Signer et écrire le fichier à publier' }).click();
      await waitForText(page, 'signée et écrite');
      const newer = JSON.parse(console_.publishedPolicy()).payload.version;
      assert.ok(newer > Number(JSON.parse(before).version));

      await waitForText(other, `La version ${newer} de la politique a été signée ailleurs`, { timeout: 10_000 });
      assert.equal(await editing.inputValue(), edited, 'the edits in progress are kept');
      assert.deepEqual(await axeViolations(other), [], 'the notice: axe-clean');
      await other.getByRole('button', { name: `Repartir de la version ${newer} (vos modifications seront perdues)` }).click();
      assert.match(await editing.inputValue(), /Nouvelle /, 'the text is now the newer version');
      assert.equal(await other.getByText('a été signée ailleurs').count(), 0);
      // This tab, which signed, follows its own version with no notice.
      assert.match(await mine.inputValue(), new RegExp(`"version": ${newer}`));
      assert.equal(await page.getByLabel('Motif du changement').inputValue(), '', 'the reason is not carried over to the next signature');
      assert.equal(await page.getByText('a été signée ailleurs').count(), 0);
    } finally {
      await other.close();
    }
  });
});
