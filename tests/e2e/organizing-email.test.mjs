/**
 * Action Network's mass-email send step, in real Chromium: Send and Schedule are checked before
 * the page acts. A wrapper the policy does not approve (and no notice in the preview) is stopped,
 * with a one-click switch to the approved wrapper; the approved wrapper goes through; an email that
 * does not name the local at its start needs a justification; "Send Test" is not a send.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ORGANIZING_PAGES } from './routes-organizing.mjs';
import { fillDialogField, pressDialogButton, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { SETTLE_MS, now, pause, setGrant, startOrganizingBrowser, waitForEvent } from './organizing-helpers.mjs';

const sent = (page) => page.evaluate(() => window.__vigieFixture.sent);

describe('the email preview step (English UI)', () => {
  let s;
  before(async () => {
    s = await startOrganizingBrowser('en-US');
    await setGrant(s.browser);
  });
  after(() => s?.close());

  test('Send with a wrapper the policy does not approve is stopped (clause 9.2), nothing is sent', async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anEmailPreview);
    assert.equal(await page.locator('#email_wrapper_id option:checked').textContent(), 'Section locale 70 – bannière');
    await page.getByRole('button', { name: 'Send Email' }).click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /Clause 9\.2/);
    assert.match(dialog.text, /Wrapper chosen: “Section locale 70 – bannière”\. Approved wrappers: Gabarit national ACEP, CAPE national template\./);
    const labels = dialog.buttons.map((b) => b.label);
    assert.ok(labels.some((l) => /^Switch to the “(Gabarit national ACEP|CAPE national template)” wrapper and review the preview$/.test(l)), labels.join(' | '));
    assert.ok(!labels.some((l) => /anyway/.test(l)), 'a block has no override');
    await pressDialogButton(page, 'Cancel');
    await waitForNoDialog(page);
    await pause(SETTLE_MS);
    assert.deepEqual(await sent(page), []);
    const event = await waitForEvent(s.browser, (e) => e.surface === 'send' && e.action === 'decided', { since });
    assert.equal(event.verdict, 'block');
    assert.deepEqual(event.findings, ['notice-missing']);
    await page.close();
  });

  test('Schedule is checked the same way; "Send Test" is not a send', async () => {
    const page = await s.open(ORGANIZING_PAGES.anAdminEmailPreview);
    await page.getByRole('button', { name: 'Send Test' }).click();
    await pause(300);
    assert.equal(await readDialog(page), undefined);
    await page.getByRole('button', { name: 'Schedule Email' }).click();
    await waitForDialog(page);
    await pressDialogButton(page, 'Cancel');
    assert.deepEqual(await sent(page), []);
    await page.close();
  });

  test('with the approved wrapper chosen, Send goes through at once and is logged', async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anEmailPreview);
    await page.locator('#email_wrapper_id').selectOption({ label: 'CAPE national template' });
    await page.getByRole('button', { name: 'Send Email' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your email has been sent.' }).waitFor();
    assert.equal(await readDialog(page), undefined);
    assert.deepEqual(await sent(page), [{ action: 'send', wrapper: 'CAPE national template' }]);
    const event = await waitForEvent(s.browser, (e) => e.surface === 'send', { since });
    assert.equal(event.verdict, 'allow');
    assert.deepEqual(event.findings, []);
    await page.close();
  });

  test('an email that does not name the local at its start needs a justification (clause 9.1)', async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anEmailPreview);
    await page.locator('#email_wrapper_id').selectOption({ label: 'CAPE national template' });
    await page.evaluate(() => {
      document.getElementById('email_summary_from').textContent = 'Camille Roy';
      document.querySelector('#email_preview .email_body').innerHTML = '<p>Hello,</p><p>Our general meeting is on December 12.</p>';
    });
    await page.getByRole('button', { name: 'Send Email' }).click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /Clause 9\.1/);
    await fillDialogField(page, 'textarea', 'Invitation conjointe avec la région');
    await pressDialogButton(page, 'Send anyway');
    await page.getByRole('alert').filter({ hasText: 'Your email has been sent.' }).waitFor();
    assert.equal((await sent(page)).length, 1);
    const event = await waitForEvent(s.browser, (e) => e.surface === 'send' && e.action === 'overridden', { since });
    assert.deepEqual(event.findings, ['local-id-missing']);
    assert.equal(event.justification, 'Invitation conjointe avec la région');
    await page.close();
  });
});

describe('the email preview step (French UI)', () => {
  let s;
  before(async () => {
    s = await startOrganizingBrowser('fr');
    await setGrant(s.browser);
  });
  after(() => s?.close());

  test('the wrapper fix switches to the approved wrapper and sends nothing: the person reviews the preview, then sends', async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anEmailPreview);
    await page.getByRole('button', { name: 'Envoyer le courriel' }).click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /Article 9\.2/);
    await pressDialogButton(page, 'Passer au gabarit « Gabarit national ACEP » et revoir l’aperçu');
    await waitForNoDialog(page);
    await waitForEvent(s.browser, (e) => e.surface === 'send' && e.action === 'fixed', { since });
    assert.equal(await page.locator('#email_wrapper_id option:checked').textContent(), 'Gabarit national ACEP');
    await pause(SETTLE_MS);
    assert.deepEqual(await sent(page), [], 'the fix alone sent nothing');
    await page.getByRole('button', { name: 'Envoyer le courriel' }).click();
    await page.getByRole('alert').filter({ hasText: 'Votre courriel a été envoyé.' }).waitFor();
    assert.deepEqual(await sent(page), [{ action: 'send', wrapper: 'Gabarit national ACEP' }]);
    const event = await waitForEvent(s.browser, (e) => e.surface === 'send' && e.verdict === 'allow', { since });
    assert.deepEqual(event.findings, []);
    await page.close();
  });

  test('the write step has no Send: "Enregistrer et passer à l\'étape suivante" is not checked', async () => {
    const page = await s.open(ORGANIZING_PAGES.anEmailWrite);
    await page.getByRole('button', { name: "Enregistrer et passer à l'étape suivante" }).click();
    await page.waitForURL(/\/preview/);
    assert.equal(await readDialog(page), undefined);
    await page.close();
  });
});
