/**
 * The webmail guard on Gmail fixtures, in real Chromium with the built extension, French and
 * English: the disclaimer signature inserted once (new, reply, forward, full screen, standalone
 * window, a compose open before the script ran), every way to send checked (click, Enter, Space,
 * Ctrl+Enter, Send & Archive, Schedule send, a page's synthetic click), the dialog's fixes and
 * override, an out-of-scope sender left alone, events logged, health reported.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GUARD_STRINGS as SHARED_STRINGS } from '../../lib/guard/strings.ts';
import { SEND_STRINGS } from '../../lib/webmail/send-strings.ts';
import { poll } from './extension.mjs';
import { WEBMAIL_PAGES } from './routes-webmail.mjs';
import { fillDialogField, pressDialogButton, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { BLOCK, deleteBlockByHand, fixtureState, readEvents, serverNow, settle, startWebmailBrowser, typeAtStart, waitForCount, waitForEvent } from './webmail-helpers.mjs';

/** The strings the guard shows on a send: the shared ones and the send guard's own. */
const GUARD_STRINGS = { ...SHARED_STRINGS, ...SEND_STRINGS };

const PAGES = WEBMAIL_PAGES.gmail;
const compose = (id) => `.M9:has(input[name=composeid][value="${id}"])`;
const bodyOf = (c) => `${c} [g_editable=true]`;
const NOTICE_START = /Veillez ne pas envoyer|Please do not send/;
const LONG = {
  fr: 'Bonjour à toutes et à tous, voici le compte rendu de la rencontre de jeudi dernier avec la direction. Nous avons discuté des horaires de travail, du télétravail et des griefs en cours. Plusieurs membres ont posé des questions sur la classification, et nous avons promis une réponse écrite avant la fin du mois. Merci de votre patience et de votre confiance, et bonne fin de semaine à toutes et à tous. ',
  en: 'Hello everyone, here is the summary of last Thursday meeting with management. We discussed work schedules, telework and the grievances in progress. Several members asked about classification, and we promised a written answer before the end of the month. Thank you for your patience and your trust, and have a good weekend, all of you. ',
};

for (const lang of ['fr', 'en-US']) {
  const l = lang.slice(0, 2);
  // readDialog folds every white space, the non-breaking ones before French colons included.
  const s = (key) => GUARD_STRINGS[key][l].replace(/\u00a0/g, ' ');

  describe(`Gmail webmail guard (${l} UI)`, () => {
    let session;
    let browser;
    before(async () => {
      session = await startWebmailBrowser(lang);
      browser = session.browser;
    });
    after(() => session?.close());

    /** Opens a new pop-up compose with the Compose button (an SPA insertion) and waits for its block. */
    async function newCompose(page) {
      const { opened } = await fixtureState(page);
      await page.locator('.T-I-KE').click();
      const c = compose(`fixture-new-compose-${opened + 1}`);
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      return c;
    }

    test('a compose open before the script ran gets the signature once, after Gmail’s own, and the draft keeps it', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.popup);
      const c = compose('popup-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      await settle(page);
      await page.waitForTimeout(300);
      assert.equal(await page.locator(BLOCK).count(), 1, 'inserted exactly once');
      assert.equal(await page.locator(`${c} .gmail_signature + ${BLOCK}`).count(), 1, "right after Gmail's signature, not inside it");
      const text = await page.locator(`${c} ${BLOCK}`).innerText();
      assert.match(text, /Section locale 70 – Ottawa/);
      assert.match(text, /Local 70 – Ottawa/);
      assert.match(text, /AVIS[\s\S]*Veillez ne pas envoyer[\s\S]*NOTICE[\s\S]*Please do not send/);
      assert.match((await fixtureState(page)).drafts['popup-1'], /data-vigie-signature/, 'the page saw it as typed (draft saved)');
      const inserted = await waitForEvent(browser, (e) => e.action === 'inserted' && e.platform === 'gmail', { since });
      assert.equal(inserted.senderDomain, 'acep-cape.ca');
      assert.equal(inserted.path, '/mail/u/1/');
      await page.close();
    });

    test('a compliant message is sent untouched, without a dialog, and logged as checked', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.popup);
      const c = compose('popup-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      // Clause 9.1: the start of the message names the local (the signature at the end does not count).
      await typeAtStart(page, bodyOf(c), l === 'fr' ? 'Bonjour Marie, la Section locale 70 vous envoie l’ordre du jour. ' : 'Hello Marie, Local 70 is sending you the agenda. ');
      await page.locator(`${c} .aoO`).click();
      const { sent } = await fixtureState(page);
      assert.equal(sent.length, 1);
      assert.equal(sent[0].via, 'click');
      assert.match(sent[0].html, /data-vigie-signature/);
      assert.equal(await readDialog(page), undefined);
      const checked = await waitForEvent(browser, (e) => e.action === 'checked' && e.platform === 'gmail', { since });
      assert.equal(checked.verdict, 'allow');
      await page.close();
    });

    test('a deleted notice stays deleted; Send is then stopped with the dialog, and "Insert the notice and send" sends', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.popup);
      const c = await newCompose(page);
      await deleteBlockByHand(page, bodyOf(c));
      await settle(page);
      await page.waitForTimeout(300);
      assert.doesNotMatch(await page.locator(bodyOf(c)).innerText(), NOTICE_START, 'not put back after the person removed it');
      await typeAtStart(page, bodyOf(c), 'Section locale 70 : ');
      await page.locator(`${c} .aoO`).click();
      const dialog = await waitForDialog(page);
      assert.equal(dialog.shadowRootType, 'closed');
      assert.equal(dialog.title, s('sendBlockedTitle').replace(/\s+/g, ' '));
      assert.match(dialog.text, l === 'fr' ? /Il manque l’avis obligatoire/ : /missing the required notice/);
      assert.match(dialog.text, l === 'fr' ? /Article 9\.2/ : /Clause 9\.2/);
      assert.ok(!dialog.buttons.some((b) => b.label === s('sendAnyway')), 'no override for a block');
      assert.equal((await fixtureState(page)).sent.length, 0, 'not sent while the dialog is open');
      await pressDialogButton(page, s('insertNoticeAndSend'));
      await waitForNoDialog(page);
      const { sent } = await fixtureState(page);
      assert.equal(sent.length, 1);
      assert.match(sent[0].html, /data-vigie-signature/);
      const blocked = await waitForEvent(browser, (e) => e.action === 'blocked' && e.platform === 'gmail', { since });
      assert.deepEqual([blocked.verdict, blocked.ruleIds, blocked.clauses, blocked.findings], ['block', ['notice-missing'], ['9.2'], ['notice-missing']]);
      const fixed = await waitForEvent(browser, (e) => e.action === 'fixed' && e.platform === 'gmail', { since });
      assert.equal(fixed.detail, 'insert-notice');
      await page.close();
    });

    test('Ctrl+Enter, Enter and Space on the focused Send are stopped too; Cancel leaves the compose; Schedule send is checked', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.popup);
      const c = await newCompose(page);
      await deleteBlockByHand(page, bodyOf(c));
      await typeAtStart(page, bodyOf(c), 'Section locale 70 : ');
      await page.keyboard.press('Control+Enter');
      await waitForDialog(page);
      await pressDialogButton(page, s('cancel'));
      await waitForNoDialog(page);
      assert.equal((await fixtureState(page)).sent.length, 0);
      assert.equal(await page.locator(c).count(), 1, 'the compose is still open');
      await waitForEvent(browser, (e) => e.action === 'cancelled', { since });

      for (const key of ['Enter', 'Space']) {
        await page.locator(`${c} .aoO`).focus();
        await page.keyboard.press(key);
        await waitForDialog(page);
        await page.waitForTimeout(300);
        assert.ok(await readDialog(page), `${key}: the key that opened the dialog did not press its button`);
        assert.equal((await fixtureState(page)).sent.length, 0, `${key}: not sent`);
        await pressDialogButton(page, s('cancel'));
        await waitForNoDialog(page);
      }

      await page.locator(`${c} .hG`).click();
      await page.locator('[selector=scheduledSend]').click();
      await waitForDialog(page);
      assert.equal((await fixtureState(page)).sent.length, 0);
      await pressDialogButton(page, s('insertNoticeAndSend'));
      await waitForNoDialog(page);
      const { sent } = await poll(async () => ((await fixtureState(page)).sent.length ? fixtureState(page) : undefined), { what: 'the scheduled send' });
      assert.equal(sent[0].via, 'schedule');
      assert.match(sent[0].html, /data-vigie-signature/);
      await page.close();
    });

    test('a warning (no local id at the start) goes with "Send anyway" and a justification, which is logged', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.popup);
      const c = await newCompose(page);
      await typeAtStart(page, bodyOf(c), LONG[l]);
      await page.locator(`${c} .aoO`).click();
      const dialog = await waitForDialog(page);
      assert.equal(dialog.title, s('sendWarnTitle').replace(/\s+/g, ' '));
      assert.match(dialog.text, l === 'fr' ? /Article 9\.1/ : /Clause 9\.1/);
      assert.deepEqual(dialog.buttons.map((b) => b.label).slice(1), [s('addOpeningAndSend'), s('sendAnyway'), s('cancel')]);
      assert.equal(dialog.fields.find((f) => f.tag === 'input').value, l === 'fr' ? 'Message de la Section locale 70 – Ottawa' : 'Message from Local 70 – Ottawa');
      await pressDialogButton(page, s('sendAnyway'));
      await pressDialogButton(page, s('sendAnyway'));
      await page.waitForTimeout(200);
      assert.ok(await readDialog(page), 'an empty justification is refused');
      await fillDialogField(page, 'textarea', 'Réponse à une question de Marie, déjà identifiée');
      await pressDialogButton(page, s('sendAnyway'));
      await waitForNoDialog(page);
      assert.equal((await fixtureState(page)).sent.length, 1);
      const overridden = await waitForEvent(browser, (e) => e.action === 'overridden' && e.platform === 'gmail', { since });
      assert.equal(overridden.verdict, 'warn');
      assert.deepEqual(overridden.ruleIds, ['local-id-missing']);
      assert.deepEqual(overridden.clauses, ['9.1']);
      assert.equal(overridden.justification, 'Réponse à une question de Marie, déjà identifiée');
      assert.equal(overridden.senderDomain, 'acep-cape.ca');
      await page.close();
    });

    test('"Add the local section to the opening" puts the edited line first and sends', async () => {
      const page = await session.open(PAGES.popup);
      const c = await newCompose(page);
      await typeAtStart(page, bodyOf(c), LONG[l]);
      await page.locator(`${c} .aoO`).click();
      await waitForDialog(page);
      const line = l === 'fr' ? 'Message de la Section locale 70 – Ottawa (CLA)' : 'Message from Local 70 – Ottawa (LAC)';
      await fillDialogField(page, 'input', line);
      await pressDialogButton(page, s('addOpeningAndSend'));
      await waitForNoDialog(page);
      const { sent } = await fixtureState(page);
      assert.equal(sent.length, 1);
      assert.ok(sent[0].text.startsWith(line), sent[0].text.slice(0, 80));
      await page.close();
    });

    test('campaign wording is a warning citing clause 8.1.e, never a block: it can be sent without a justification', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.popup);
      const c = await newCompose(page);
      await typeAtStart(page, bodyOf(c), l === 'fr' ? 'Section locale 70 : votez pour Marie Tremblay au conseil. ' : 'Local 70: vote for Marie Tremblay on the board. ');
      await page.locator(`${c} .aoO`).click();
      const dialog = await waitForDialog(page);
      assert.equal(dialog.title, s('sendWarnTitle').replace(/\s+/g, ' '));
      assert.match(dialog.text, l === 'fr' ? /Article 8\.1\.e/ : /Clause 8\.1\.e/);
      assert.match(dialog.text, l === 'fr' ? /« votez pour »/ : /“vote for”/);
      await pressDialogButton(page, s('sendAnyway'));
      // The justification step is optional here: going ahead with nothing written is accepted.
      await pressDialogButton(page, s('sendAnyway'));
      await waitForNoDialog(page);
      assert.equal((await fixtureState(page)).sent.length, 1);
      const overridden = await waitForEvent(browser, (e) => e.action === 'overridden' && e.ruleIds.includes('campaign-term'), { since });
      assert.deepEqual([overridden.verdict, overridden.clauses, overridden.findings], ['warn', ['8.1.e'], ['campaign-term']]);
      assert.equal(overridden.justification, undefined);
      await page.close();
    });

    test('a sender out of scope is left alone: the block goes when From changes, and Send is not stopped', async () => {
      const since = await serverNow(browser);
      const page = await session.open(PAGES.popup);
      const c = await newCompose(page);
      await page.locator(`${c} [data-fixture-from]`).click();
      await page.locator('[role=menuitem][value="camille.roy@example.org"]').click();
      await waitForCount(page, `${c} ${BLOCK}`, 0);
      await waitForEvent(browser, (e) => e.action === 'removed' && e.platform === 'gmail', { since });
      await typeAtStart(page, bodyOf(c), 'Salut ! ');
      await page.locator(`${c} .aoO`).click();
      const { sent } = await fixtureState(page);
      assert.equal(sent.length, 1);
      assert.equal(sent[0].from, 'camille.roy@example.org');
      assert.doesNotMatch(sent[0].html, /data-vigie-signature/);
      assert.equal(await readDialog(page), undefined);
      await page.close();
    });

    test("a page's own synthetic click on Send does not get a non-compliant message out", async () => {
      const page = await session.open(PAGES.popup);
      const c = await newCompose(page);
      await deleteBlockByHand(page, bodyOf(c));
      await page.locator(`${c} .aoO`).evaluate((send) => {
        for (const type of ['mousedown', 'mouseup', 'click']) send.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 }));
      });
      await waitForDialog(page);
      assert.equal((await fixtureState(page)).sent.length, 0);
      await pressDialogButton(page, s('cancel'));
      await page.close();
    });

    test('inline reply and forward: the block goes above the quote, once; a notice only in the quote stops Send & Archive', async () => {
      const page = await session.open(PAGES.reply);
      await page.locator('[data-fixture-open=fixture-reply]').click();
      const c = compose('fixture-reply-1');
      await waitForCount(page, `${c} ${BLOCK}`, 1);
      assert.equal(await page.locator(`${c} .gmail_signature + ${BLOCK}`).count(), 1);
      const html = await page.locator(bodyOf(c)).innerHTML();
      assert.ok(html.indexOf('data-vigie-signature') < html.indexOf('gmail_quote'), 'above the quoted thread');
      await deleteBlockByHand(page, bodyOf(c));
      await typeAtStart(page, bodyOf(c), 'Section locale 70 : ');
      await page.locator(`${c} .Uo`).click();
      const dialog = await waitForDialog(page);
      assert.match(dialog.text, l === 'fr' ? /ne figure que dans le message cité/ : /appears only in the quoted message/);
      await pressDialogButton(page, s('insertNoticeAndSend'));
      await waitForNoDialog(page);
      const { sent } = await fixtureState(page);
      assert.equal(sent[0].via, 'send-archive');
      assert.ok(sent[0].html.indexOf('data-vigie-signature') < sent[0].html.indexOf('gmail_quote'));
      assert.match(sent[0].subject, /^Re: /);

      await page.locator('[data-fixture-open=fixture-forward]').click();
      const f = compose('fixture-forward-2');
      await waitForCount(page, `${f} ${BLOCK}`, 1);
      await settle(page);
      assert.equal(await page.locator(`${f} ${BLOCK}`).count(), 1);
      await page.close();
    });

    for (const [variant, url, id] of [['full-screen compose', PAGES.fullscreen, 'full-1'], ['standalone compose window', PAGES.window, 'window-1']]) {
      test(`${variant}: signature inserted once, a deleted notice stops Send`, async () => {
        const page = await session.open(url);
        const c = compose(id);
        await waitForCount(page, `${c} ${BLOCK}`, 1);
        await settle(page);
        assert.equal(await page.locator(BLOCK).count(), 1);
        await deleteBlockByHand(page, bodyOf(c));
        await typeAtStart(page, bodyOf(c), 'Section locale 70 : ');
        await page.locator(`${c} .aoO`).click();
        await waitForDialog(page);
        assert.equal((await fixtureState(page)).sent.length, 0);
        await pressDialogButton(page, s('insertNoticeAndSend'));
        await waitForNoDialog(page);
        assert.equal((await fixtureState(page)).sent.length, 1);
        await page.close();
      });
    }

    test('a compose whose Send control cannot be found makes Gmail "degraded" for the popup', async () => {
      const page = await session.open(PAGES.popup);
      await page.evaluate(() => document.getElementById('fixture-new-compose').content.querySelectorAll('.aoO').forEach((b) => b.remove()));
      await page.locator('.T-I-KE').click();
      const health = await poll(
        async () => {
          const { 'vigie:health': h } = await browser.serviceWorker.evaluate(() => chrome.storage.session.get('vigie:health'));
          return h?.gmail?.status === 'degraded' ? h.gmail : undefined;
        },
        { timeout: 6_000, what: 'vigie:health.gmail degraded' },
      );
      assert.match(health.detail, /Send/);
      const events = await readEvents(browser);
      assert.ok(events.some((e) => e.surface === 'health' && e.action === 'degraded' && e.platform === 'gmail'));
      await page.close();
    });
  });
}
