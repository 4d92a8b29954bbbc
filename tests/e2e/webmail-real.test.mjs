/**
 * The webmail guard on the pages assembled from real captured DOM (issue 9), in Chromium with the
 * built extension, French and English: the signature inserted once in the real body; a compliant
 * message leaves on a click of the real Send; a deleted notice stops Send on click and on
 * Ctrl+Enter; a reply whose only notice is in the real quote is stopped; a personal account is
 * untouched; a sender the page does not show is asked about (the ACEP pack says `ask`) and the
 * answer remembered; Schedule send pressed on its icon is checked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GUARD_STRINGS as SHARED_STRINGS } from '../../lib/guard/strings.ts';
import { SEND_STRINGS } from '../../lib/webmail/send-strings.ts';
import { SENDER_STRINGS } from '../../lib/webmail/sender-strings.ts';
import { poll } from './extension.mjs';
import { WEBMAIL_PAGES } from './routes-webmail.mjs';
import { pressDialogButton, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { BLOCK, deleteBlockByHand, fixtureState, serverNow, settle, startWebmailBrowser, typeAtStart, waitForCount, waitForEvent } from './webmail-helpers.mjs';

/** The strings the guard shows on a send: the shared ones and the send guard's own. */
const GUARD_STRINGS = { ...SHARED_STRINGS, ...SEND_STRINGS };

const REAL = WEBMAIL_PAGES.real;
const GMAIL_BODY = '[g_editable=true]';
const OUTLOOK_BODY = '[data-fixture-body]';
const OPENING = { fr: 'Section locale 70 : ', en: 'Local 70: ' };

for (const lang of ['fr', 'en-US']) {
  const l = lang.slice(0, 2);
  const s = (key) => GUARD_STRINGS[key][l];
  const q = (key) => SENDER_STRINGS[key][l];

  describe(`webmail guard on the real-capture pages (${l} UI)`, () => {
    let session;
    let browser;
    before(async () => {
      session = await startWebmailBrowser(lang);
      browser = session.browser;
    });
    after(() => session?.close());

    test('Gmail 2020: the signature once in the real body; a compliant message leaves on a click of the real Send', async () => {
      const page = await session.open(REAL.gmail);
      await waitForCount(page, `${GMAIL_BODY} ${BLOCK}`, 1);
      await settle(page);
      await page.waitForTimeout(300);
      assert.equal(await page.locator(BLOCK).count(), 1, 'once, in the body');
      await typeAtStart(page, GMAIL_BODY, OPENING[l]);
      await page.locator('.aoO').click();
      const { sent } = await poll(async () => ((await fixtureState(page)).sent.length ? fixtureState(page) : undefined), { what: 'the send' });
      assert.equal(sent[0].via, 'click');
      assert.match(sent[0].html, /data-vigie-signature/);
      assert.equal(await readDialog(page), undefined);
      await page.close();
    });

    test('Gmail 2020: Schedule send pressed on its icon (an img with its own role=menuitem) is checked', async () => {
      const page = await session.open(REAL.gmail);
      await waitForCount(page, `${GMAIL_BODY} ${BLOCK}`, 1);
      await deleteBlockByHand(page, GMAIL_BODY);
      await typeAtStart(page, GMAIL_BODY, OPENING[l]);
      await page.locator('.hG').click();
      await page.locator('img[data-fixture-icon]').click();
      const dialog = await waitForDialog(page);
      assert.equal(dialog.title, s('sendBlockedTitle').replace(/\s+/g, ' '));
      assert.equal((await fixtureState(page)).sent.length, 0, 'not scheduled unchecked');
      await pressDialogButton(page, s('insertNoticeAndSend'));
      await waitForNoDialog(page);
      const { sent } = await poll(async () => ((await fixtureState(page)).sent.length ? fixtureState(page) : undefined), { what: 'the scheduled send' });
      assert.equal(sent[0].via, 'schedule');
      assert.match(sent[0].html, /data-vigie-signature/);
      await page.close();
    });

    test('Microsoft 365 2023, the local’s shared mailbox: the signature once, above the real quote; the compliant reply leaves on a click', async () => {
      const since = await serverNow(browser);
      const page = await session.open(REAL.m365Shared);
      await waitForCount(page, `${OUTLOOK_BODY} ${BLOCK}`, 1);
      await settle(page);
      await page.waitForTimeout(300);
      assert.equal(await page.locator(BLOCK).count(), 1);
      assert.equal(await page.locator(`${OUTLOOK_BODY} ${BLOCK} + #appendonsend`).count(), 1, 'right above the quote');
      assert.equal(await page.locator(`[aria-label="To"] ${BLOCK}, [aria-label="À"] ${BLOCK}`).count(), 0, 'nothing in the To well');
      const inserted = await waitForEvent(browser, (e) => e.action === 'inserted' && e.platform === 'outlook', { since });
      assert.equal(inserted.senderDomain, 'acep-cape.ca');
      await page.locator('[data-fixture-send]').click();
      const { sent } = await poll(async () => ((await fixtureState(page)).sent.length ? fixtureState(page) : undefined), { what: 'the send' });
      assert.match(sent[0].html, /data-vigie-signature/);
      await page.close();
    });

    test('Microsoft 365 2023: a reply whose only notice is in the real quote is stopped, on a click and on Ctrl+Enter', async () => {
      const page = await session.open(REAL.m365Shared);
      await waitForCount(page, `${OUTLOOK_BODY} ${BLOCK}`, 1);
      await deleteBlockByHand(page, OUTLOOK_BODY);
      await settle(page);
      await page.locator('[data-fixture-send]').click();
      let dialog = await waitForDialog(page);
      assert.equal(dialog.title, s('sendBlockedTitle').replace(/\s+/g, ' '));
      assert.match(dialog.text, l === 'fr' ? /Article 9\.2/ : /Clause 9\.2/);
      await pressDialogButton(page, s('cancel'));
      await waitForNoDialog(page);
      await page.locator(OUTLOOK_BODY).focus();
      await page.keyboard.press('Control+Enter');
      dialog = await waitForDialog(page);
      assert.equal(dialog.title, s('sendBlockedTitle').replace(/\s+/g, ' '));
      await pressDialogButton(page, s('cancel'));
      await waitForNoDialog(page);
      assert.equal((await fixtureState(page)).sent.length, 0);
      await page.close();
    });

    test('Microsoft 365 2023, the person’s own mailbox (the signed-in account): untouched, sent at once', async () => {
      const page = await session.open(REAL.m365Own);
      await settle(page);
      await page.waitForTimeout(500);
      assert.equal(await page.locator(BLOCK).count(), 0);
      await page.locator('[data-fixture-send]').click();
      const { sent } = await poll(async () => ((await fixtureState(page)).sent.length ? fixtureState(page) : undefined), { what: 'the send' });
      assert.doesNotMatch(sent[0].html, /data-vigie-signature/);
      assert.equal(await readDialog(page), undefined);
      await page.close();
    });

    test('Outlook.com 2021, sender not shown: asked at the first Send, the answer remembered for the mailbox', async () => {
      const since = await serverNow(browser);
      const page = await session.open(REAL.outlookLive);
      await settle(page);
      await page.waitForTimeout(300);
      assert.equal(await page.locator(BLOCK).count(), 0, 'nothing inserted before the person says');
      await typeAtStart(page, OUTLOOK_BODY, OPENING[l]);
      await page.locator('[data-fixture-send]').click();
      const dialog = await waitForDialog(page);
      assert.equal(dialog.title, q('title'));
      assert.match(dialog.text, /sl70@acep-cape\.ca/, "the grant's accounts are listed");
      assert.equal((await fixtureState(page)).sent.length, 0);
      await pressDialogButton(page, q('yes'));
      await waitForNoDialog(page);
      const { sent } = await poll(async () => ((await fixtureState(page)).sent.length ? fixtureState(page) : undefined), { what: 'the send' });
      assert.match(sent[0].html, /data-vigie-signature/, 'the notice went into the real body');
      assert.equal(await page.locator(`[aria-label="To"] ${BLOCK}, [aria-label="À"] ${BLOCK}`).count(), 0);
      await waitForEvent(browser, (e) => e.action === 'sender-unknown' && e.detail === 'ask', { since });
      await waitForEvent(browser, (e) => e.action === 'sender-answered' && e.detail === 'local', { since });
      const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('vigie:sender-answers'));
      assert.equal(stored['vigie:sender-answers']['outlook.live.com/mail/0']?.answer, 'local');

      const again = await session.open(REAL.outlookLive);
      await waitForCount(again, `${OUTLOOK_BODY} ${BLOCK}`, 1);
      await typeAtStart(again, OUTLOOK_BODY, OPENING[l]);
      await again.locator('[data-fixture-send]').click();
      await poll(async () => (await fixtureState(again)).sent.length === 1, { what: 'the second send' });
      assert.equal(await readDialog(again), undefined, 'not asked again');
      await waitForEvent(browser, (e) => e.action === 'sender-unknown' && e.detail === 'answered-local', { since });
      await page.close();
      await again.close();
      await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('vigie:sender-answers'));
    });
  });
}
