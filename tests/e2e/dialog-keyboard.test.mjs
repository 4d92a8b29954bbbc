/**
 * The guard dialog as a real modal, keyboard only, in real Chromium on the Gmail fixture: initial
 * focus on the first thing to act on, Tab and Shift+Tab cycling inside (never to the page behind),
 * Escape cancelling from every step, focus returned to where it was; the justification step
 * only after "Send anyway"; a several-problem email fixed and sent with one press of "Fix
 * everything and send"; and the dialog read from its top at 1366×600 and at 200 % zoom.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GUARD_STRINGS as SHARED_STRINGS } from '../../lib/guard/strings.ts';
import { SEND_STRINGS } from '../../lib/webmail/send-strings.ts';
import { poll } from './extension.mjs';
import { WEBMAIL_PAGES } from './routes-webmail.mjs';
import { axeDialog } from './axe.mjs';
import { focusedInDialog, onDialogRoot, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { BLOCK, deleteBlockByHand, fixtureState, serverNow, startWebmailBrowser, typeAtStart, waitForCount, waitForEvent } from './webmail-helpers.mjs';

/** The strings the guard shows on a send: the shared ones and the send guard's own. */
const GUARD_STRINGS = { ...SHARED_STRINGS, ...SEND_STRINGS };

const PAGES = WEBMAIL_PAGES.gmail;
const compose = (id) => `.M9:has(input[name=composeid][value="${id}"])`;
const bodyOf = (c) => `${c} [g_editable=true]`;
const s = (key) => GUARD_STRINGS[key].en;
const PLAIN = 'Hello everyone, here is the summary of last Thursday meeting with management. We discussed work schedules, telework and the grievances in progress. Several members asked about classification, and we promised a written answer before the end of the month. Thank you for your patience. ';

/** What Tab (or Shift+Tab) reaches, `times` presses in a row; `outside` when focus left the dialog. */
async function tabWalk(page, times, key = 'Tab') {
  const seen = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    const inside = await page.evaluate(() => document.activeElement?.localName === 'vigie-dialog');
    seen.push(inside ? await focusedInDialog(page) : 'outside');
  }
  return seen;
}

/** The title's box and the dialog's scroll, read inside the closed shadow root. */
const layout = (page) =>
  onDialogRoot(page, `function () {
    const d = this.querySelector('dialog'); const t = this.getElementById('vigie-title').getBoundingClientRect();
    const b = d.getBoundingClientRect();
    return { titleTop: t.top, titleBottom: t.bottom, dialogTop: b.top, dialogBottom: b.bottom, scrollTop: d.scrollTop, modal: d.matches(':modal') };
  }`);

describe('the guard dialog with the keyboard only (English UI)', () => {
  let session;
  before(async () => {
    session = await startWebmailBrowser('en-US');
  });
  after(() => session?.close());

  async function brokenCompose(page) {
    const { opened } = await fixtureState(page);
    await page.locator('.T-I-KE').click();
    const c = compose(`fixture-new-compose-${opened + 1}`);
    await waitForCount(page, `${c} ${BLOCK}`, 1);
    await deleteBlockByHand(page, bodyOf(c));
    await typeAtStart(page, bodyOf(c), PLAIN);
    return c;
  }

  test('several problems: one primary "Fix everything and send"; Tab cycles inside; Escape cancels and focus returns; one press fixes and sends', async () => {
    const since = await serverNow(session.browser);
    const page = await session.open(PAGES.popup);
    const c = await brokenCompose(page);
    await page.keyboard.press('Control+Enter');
    const dialog = await waitForDialog(page);
    assert.equal(dialog.title, s('sendBlockedTitle'));
    assert.match(dialog.text, /Clause 9\.2/);
    assert.match(dialog.text, /Clause 9\.1/);
    const labels = dialog.buttons.map((b) => b.label);
    assert.deepEqual(labels, ['Français', s('fixAllAndSend'), s('cancel')], 'one fix for every problem, no second round');
    assert.equal(await focusedInDialog(page), s('fixAllAndSend'), 'initial focus on the first thing to act on');
    assert.ok((await layout(page)).modal, 'a modal dialog, in the top layer');
    assert.deepEqual(await axeDialog(page), [], 'axe: the block dialog');

    // Forward: the line to edit, Cancel, the language switch, back to the fix: a cycle, never the page.
    const forward = await tabWalk(page, 8);
    assert.ok(!forward.includes('outside'), `Tab stayed inside: ${forward.join(' → ')}`);
    assert.deepEqual(forward.slice(0, 4), [s('cancel'), 'Français', 'input', s('fixAllAndSend')]);
    assert.deepEqual(forward.slice(4), forward.slice(0, 4), 'it cycles');
    const backward = await tabWalk(page, 4, 'Shift+Tab');
    assert.deepEqual(backward, ['input', 'Français', s('cancel'), s('fixAllAndSend')]);

    await page.keyboard.press('Escape');
    await waitForNoDialog(page);
    assert.equal((await fixtureState(page)).sent.length, 0, 'Escape sent nothing');
    assert.ok(await page.locator(bodyOf(c)).evaluate((el) => el === document.activeElement || el.contains(document.activeElement)), 'focus back in the message');
    await waitForEvent(session.browser, (e) => e.action === 'cancelled' && e.platform === 'gmail', { since });

    await page.keyboard.press('Control+Enter');
    await waitForDialog(page);
    await poll(async () => ((await focusedInDialog(page)) === s('fixAllAndSend') ? true : undefined), { what: 'focus on the fix' });
    await new Promise((r) => setTimeout(r, 600)); // the dialog ignores presses in its first half-second (dialog-visibility.ts)
    await page.keyboard.press('Enter');
    await waitForNoDialog(page);
    const { sent } = await poll(async () => ((await fixtureState(page)).sent.length ? fixtureState(page) : undefined), { what: 'the send' });
    assert.equal(sent.length, 1, 'sent by the one press');
    assert.ok(sent[0].text.startsWith('Message from Local 70 – Ottawa'), sent[0].text.slice(0, 60));
    assert.match(sent[0].html, /data-vigie-signature/);
    const fixed = await waitForEvent(session.browser, (e) => e.action === 'fixed' && e.platform === 'gmail', { since });
    assert.equal(fixed.detail, 'fix-all');
    await page.close();
  });

  test('"Send anyway" opens the justification step: reasons first, the minimum stated, Tab cycles, Escape cancels the whole dialog', async () => {
    const page = await session.open(PAGES.popup);
    const { opened } = await fixtureState(page);
    await page.locator('.T-I-KE').click();
    const c = compose(`fixture-new-compose-${opened + 1}`);
    await waitForCount(page, `${c} ${BLOCK}`, 1);
    await typeAtStart(page, bodyOf(c), PLAIN.repeat(2));
    await page.keyboard.press('Control+Enter');
    const dialog = await waitForDialog(page);
    assert.equal(dialog.title, s('sendWarnTitle'));
    assert.equal(dialog.fields.filter((f) => f.tag === 'textarea').length, 0, 'no justification box before "Send anyway"');
    assert.deepEqual(await axeDialog(page), [], 'axe: the warn dialog');
    await page.keyboard.press('Tab'); // from the fix to "Send anyway"
    assert.equal(await focusedInDialog(page), s('sendAnyway'));
    await page.keyboard.press('Enter');
    const step = await poll(async () => {
      const d = await readDialog(page);
      return d?.fields.some((f) => f.tag === 'textarea') ? d : undefined;
    }, { what: 'the justification step' });
    assert.match(step.text, /at least 10 characters/, 'the minimum is stated before anyone types');
    assert.match(step.text, /Vigie is wrong here/);
    assert.match(step.text, /The local is named elsewhere/, "the policy's own reason");
    assert.deepEqual(await axeDialog(page), [], 'axe: the justification step');
    const walk = await tabWalk(page, 12);
    assert.ok(!walk.includes('outside'), `Tab stayed inside: ${walk.join(' → ')}`);
    await page.keyboard.press('Escape');
    await waitForNoDialog(page);
    assert.equal((await fixtureState(page)).sent.length, 0);
    await page.close();
  });

  for (const [name, size] of [['1366×600', { width: 1366, height: 600 }], ['200 % zoom (683×300 CSS pixels)', { width: 683, height: 300 }]]) {
    test(`at ${name} the dialog opens at its top, title in view`, async () => {
      const page = await session.open(PAGES.popup);
      await page.setViewportSize(size);
      await brokenCompose(page);
      await page.keyboard.press('Control+Enter');
      await waitForDialog(page);
      const box = await layout(page);
      assert.ok(box.dialogTop >= 0 && box.dialogBottom <= size.height + 1, `the dialog fits: ${JSON.stringify(box)}`);
      assert.ok(box.titleTop >= box.dialogTop && box.titleBottom <= size.height, `the title is in view: ${JSON.stringify(box)}`);
      assert.equal(box.scrollTop, 0, 'read from the top');
      await page.keyboard.press('Escape');
      await waitForNoDialog(page);
      await page.close();
    });
  }
});
