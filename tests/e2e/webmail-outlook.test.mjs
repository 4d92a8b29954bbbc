/**
 * The webmail guard on Outlook on the web fixtures (hashed class names that differ in every file),
 * in real Chromium with the built extension, French and English: the signature inserted once in
 * a compose open before the script ran, an inline reply and the pop-out window; the sender read
 * from the account when From is hidden and from the From control when shown; every way to send
 * checked (click, Enter, Space, Ctrl+Enter, Schedule send); the fixes, the override; an
 * out-of-scope sender left alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GUARD_STRINGS as SHARED_STRINGS } from '../../lib/guard/strings.ts';
import { SEND_STRINGS } from '../../lib/webmail/send-strings.ts';
import { poll } from './extension.mjs';
import { WEBMAIL_PAGES } from './routes-webmail.mjs';
import { fillDialogField, pressDialogButton, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { BLOCK, deleteBlockByHand, fixtureState, serverNow, settle, startWebmailBrowser, typeAtStart, waitForCount, waitForEvent } from './webmail-helpers.mjs';

/** The strings the guard shows on a send: the shared ones and the send guard's own. */
const GUARD_STRINGS = { ...SHARED_STRINGS, ...SEND_STRINGS };

const PAGES = WEBMAIL_PAGES.outlook;
const compose = (id) => `[data-fixture-compose="${id}"]`;
const bodyOf = (c) => `${c} [role=textbox][aria-multiline=true]`;
const NOTICE_START = /Veillez ne pas envoyer|Please do not send/;
const LABELS = {
  fr: { send: 'Envoyer', more: "Autres options d'envoi", schedule: "Planifier l'envoi", reply: 'Répondre', forward: 'Transférer' },
  en: { send: 'Send', more: 'More send options', schedule: 'Schedule send', reply: 'Reply', forward: 'Forward' },
};
const LONG = {
  fr: 'Bonjour à toutes et à tous, voici le compte rendu de la rencontre de jeudi dernier avec la direction. Nous avons discuté des horaires de travail, du télétravail et des griefs en cours. Plusieurs membres ont posé des questions sur la classification, et nous avons promis une réponse écrite avant la fin du mois. Merci de votre patience et de votre confiance, et bonne fin de semaine à toutes et à tous. ',
  en: 'Hello everyone, here is the summary of last Thursday meeting with management. We discussed work schedules, telework and the grievances in progress. Several members asked about classification, and we promised a written answer before the end of the month. Thank you for your patience and your trust, and have a good weekend, all of you. ',
};

for (const lang of ['fr', 'en-US']) {
  const l = lang.slice(0, 2);
  // readDialog folds every white space, the non-breaking ones before French colons included.
  const s = (key) => GUARD_STRINGS[key][l].replace(/\u00a0/g, ' ');
  const label = LABELS[l];

  describe(`Outlook webmail guard (${l} UI)`, () => {
    let session;
    let browser;
    before(async () => {
      session = await startWebmailBrowser(lang);
      browser = session.browser;
    });
    after(() => session?.close());

    const send = (page, c) => page.locator(c).getByRole('button', { name: label.send, exact: true });

    test('a compose open before the script ran (From hidden: the account is the sender) gets the signature once, after Outlook’s', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.compose);
      const c = compose('new-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      await settle(page);
      await page.waitForTimeout(300);
      assert.equal(await page.locator(BLOCK).count(), 1);
      assert.equal(await page.locator(`${c} #Signature + ${BLOCK}`).count(), 1, "right after Outlook's signature");
      assert.match((await fixtureState(page)).drafts['new-1'], /data-vigie-signature/, 'the draft saved it');
      const inserted = await waitForEvent(browser, (e) => e.action === 'inserted' && e.platform === 'outlook', { since });
      assert.equal(inserted.senderDomain, 'acep-cape.ca');
      await page.close();
    });

    test('a compliant message is sent untouched; a deleted notice stops Send, and "Insert the notice and send" sends', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.compose);
      const c = compose('new-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      await deleteBlockByHand(page, bodyOf(c));
      // Clause 9.1: the start names the local, so only the notice is at stake here.
      await typeAtStart(page, bodyOf(c), 'Section locale 70 : ');
      await settle(page);
      await page.waitForTimeout(300);
      assert.doesNotMatch(await page.locator(bodyOf(c)).innerText(), NOTICE_START, 'not put back');
      await send(page, c).click();
      const dialog = await waitForDialog(page);
      assert.equal(dialog.title, s('sendBlockedTitle').replace(/\s+/g, ' '));
      assert.match(dialog.text, l === 'fr' ? /Article 9\.2/ : /Clause 9\.2/);
      assert.equal((await fixtureState(page)).sent.length, 0);
      await pressDialogButton(page, s('insertNoticeAndSend'));
      await waitForNoDialog(page);
      const { sent } = await fixtureState(page);
      assert.equal(sent.length, 1);
      assert.match(sent[0].html, /data-vigie-signature/);
      await waitForEvent(browser, (e) => e.action === 'fixed' && e.platform === 'outlook', { since });

      const again = await session.open(PAGES.compose);
      await waitForCount(again, `${c} ${BLOCK}`, 1);
      await typeAtStart(again, bodyOf(c), 'Section locale 70 : ');
      await send(again, c).click();
      assert.equal((await fixtureState(again)).sent.length, 1, 'compliant: sent at once');
      assert.equal(await readDialog(again), undefined);
      await waitForEvent(browser, (e) => e.action === 'checked' && e.platform === 'outlook', { since });
      await page.close();
      await again.close();
    });

    test('Ctrl+Enter, Enter and Space on the focused Send are stopped; Cancel keeps the compose; Schedule send is checked', async () => {
      const page = await session.open(PAGES.compose);
      const c = compose('new-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      await deleteBlockByHand(page, bodyOf(c));
      // Clause 9.1: the start names the local, so only the notice is at stake here.
      await typeAtStart(page, bodyOf(c), 'Section locale 70 : ');
      await page.keyboard.press('Control+Enter');
      await waitForDialog(page);
      await pressDialogButton(page, s('cancel'));
      await waitForNoDialog(page);
      assert.equal((await fixtureState(page)).sent.length, 0);
      assert.equal(await page.locator(c).count(), 1);
      for (const key of ['Enter', 'Space']) {
        await send(page, c).focus();
        await page.keyboard.press(key);
        await waitForDialog(page);
        await page.waitForTimeout(300);
        assert.ok(await readDialog(page), `${key}: still asking`);
        assert.equal((await fixtureState(page)).sent.length, 0, `${key}: not sent`);
        await pressDialogButton(page, s('cancel'));
        await waitForNoDialog(page);
      }
      await page.locator(c).getByRole('button', { name: label.more }).click();
      await page.getByRole('menuitem', { name: label.schedule }).click();
      await waitForDialog(page);
      await pressDialogButton(page, s('insertNoticeAndSend'));
      await waitForNoDialog(page);
      const { sent } = await poll(async () => ((await fixtureState(page)).sent.length ? fixtureState(page) : undefined), { what: 'the scheduled send' });
      assert.equal(sent[0].via, 'schedule');
      assert.match(sent[0].html, /data-vigie-signature/);
      await page.close();
    });

    test('a warning goes with "Send anyway" and a justification; "Add the local section" puts the line first', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.compose);
      const c = compose('new-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      await page.locator(`${c} input`).fill('');
      await typeAtStart(page, bodyOf(c), LONG[l]);
      await send(page, c).click();
      const dialog = await waitForDialog(page);
      assert.equal(dialog.title, s('sendWarnTitle').replace(/\s+/g, ' '));
      await fillDialogField(page, 'textarea', 'Suite à la question de Marie, contexte connu');
      await pressDialogButton(page, s('sendAnyway'));
      await waitForNoDialog(page);
      assert.equal((await fixtureState(page)).sent.length, 1);
      const overridden = await waitForEvent(browser, (e) => e.action === 'overridden' && e.platform === 'outlook', { since });
      assert.equal(overridden.justification, 'Suite à la question de Marie, contexte connu');
      assert.deepEqual(overridden.ruleIds, ['local-id-missing']);

      const second = await session.open(PAGES.compose);
      await waitForCount(second, `${c} ${BLOCK}`, 1);
      await second.locator(`${c} input`).fill('');
      await typeAtStart(second, bodyOf(c), LONG[l]);
      await send(second, c).click();
      await waitForDialog(second);
      await pressDialogButton(second, s('addOpeningAndSend'));
      await waitForNoDialog(second);
      const { sent } = await fixtureState(second);
      assert.equal(sent.length, 1);
      assert.ok(sent[0].text.startsWith(l === 'fr' ? 'Message de la Section locale 70 – Ottawa' : 'Message from Local 70 – Ottawa'), sent[0].text.slice(0, 60));
      await page.close();
      await second.close();
    });

    test('inline reply: the block goes after the signature and above #appendonsend; a notice only in the quote stops Send', async () => {
      const page = await session.open(PAGES.reply);
      await page.getByRole('button', { name: label.reply, exact: true }).click();
      const c = compose('fixture-reply-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      assert.equal(await page.locator(`${c} #Signature + ${BLOCK} + #appendonsend`).count(), 1);
      await deleteBlockByHand(page, bodyOf(c));
      // Clause 9.1: the start names the local, so only the notice is at stake here.
      await typeAtStart(page, bodyOf(c), 'Section locale 70 : ');
      await send(page, c).click();
      const dialog = await waitForDialog(page);
      assert.match(dialog.text, l === 'fr' ? /ne figure que dans le message cité/ : /appears only in the quoted message/);
      await pressDialogButton(page, s('insertNoticeAndSend'));
      await waitForNoDialog(page);
      const { sent } = await fixtureState(page);
      assert.equal(sent.length, 1);
      assert.ok(sent[0].html.indexOf('data-vigie-signature') < sent[0].html.indexOf('divRplyFwdMsg'), 'above the quoted message');
      await page.close();
    });

    test('a forward from an out-of-scope address: the block goes when From changes, and Send is not stopped', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.reply);
      await page.getByRole('button', { name: label.forward, exact: true }).click();
      const c = compose('fixture-forward-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      await page.locator(`${c} [data-fixture-from]`).click();
      await page.getByRole('menuitem', { name: 'camille.roy@example.org' }).click();
      await waitForCount(page, `${c} ${BLOCK}`, 0);
      await waitForEvent(browser, (e) => e.action === 'removed' && e.platform === 'outlook', { since });
      await send(page, c).click();
      const { sent } = await fixtureState(page);
      assert.equal(sent.length, 1);
      assert.equal(sent[0].from, 'camille.roy@example.org');
      assert.equal(await readDialog(page), undefined);
      await page.close();
    });

    test('pop-out compose window: signature inserted once; Ctrl+Enter stopped; the fix sends', async () => {
      const page = await session.open(PAGES.popout);
      const c = compose('popout-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      await settle(page);
      assert.equal(await page.locator(BLOCK).count(), 1);
      await deleteBlockByHand(page, bodyOf(c));
      // Clause 9.1: the start names the local, so only the notice is at stake here.
      await typeAtStart(page, bodyOf(c), 'Section locale 70 : ');
      await page.keyboard.press('Control+Enter');
      await waitForDialog(page);
      await pressDialogButton(page, s('insertNoticeAndSend'));
      await waitForNoDialog(page);
      assert.equal((await fixtureState(page)).sent.length, 1);
      await page.close();
    });
  });
}
