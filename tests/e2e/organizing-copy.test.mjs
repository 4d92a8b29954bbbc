/**
 * Copies, clipboard writes and prints of member data on Action Network, in real Chromium: a
 * selection of the activists table copied with Ctrl+C is stopped, one address is not; the page's
 * own `navigator.clipboard.writeText` of the whole list is refused through the page-world hook,
 * of one address it is not; Ctrl+P and the page's `window.print()` ask first (ACEP: warn with a
 * justification).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ORGANIZING_PAGES } from './routes-organizing.mjs';
import { pressDialogButton, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { SETTLE_MS, now, pause, readClosed, readEvents, setGrant, startOrganizingBrowser, waitForEvent } from './organizing-helpers.mjs';

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
const fixture = (page) => page.evaluate(() => window.__vigieFixture);

async function select(page, selector) {
  await page.evaluate((sel) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }, selector);
}

describe('copies on the activists list (English UI)', () => {
  let s;
  let page;
  before(async () => {
    s = await startOrganizingBrowser('en-US');
    await s.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://actionnetwork.org' });
    await setGrant(s.browser);
    page = await s.open(ORGANIZING_PAGES.anActivists);
    await page.bringToFront();
  });
  after(() => s?.close());

  test('Ctrl+C on the whole table is stopped: nothing of it reaches the clipboard, the counts are logged', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    const since = await now(s.browser);
    await select(page, 'table.activists');
    await page.keyboard.press('ControlOrMeta+C');
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /Clause 7\.2/);
    assert.match(dialog.text, /email addresses: 8 · phone numbers: 8 · table rows: 8/);
    assert.doesNotMatch(await clipboard(page), /@example\.org/);
    const event = await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.verdict === 'block', { since });
    assert.deepEqual(event.counts, { emails: 8, phones: 8, rows: 8 });
    assert.doesNotMatch(JSON.stringify(event), /example\.org|555-01/, 'counts only, never the data');
    await pressDialogButton(page, 'Cancel');
    await waitForNoDialog(page);
  });

  test('cut is stopped the same way', async () => {
    const since = await now(s.browser);
    await select(page, 'table.activists tbody');
    await page.keyboard.press('ControlOrMeta+X');
    await waitForDialog(page);
    await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.verdict === 'block', { since });
    await pressDialogButton(page, 'Cancel');
    await waitForNoDialog(page);
  });

  test('dragging the selected table out of the page is stopped like a copy', async () => {
    const since = await now(s.browser);
    await select(page, 'table.activists tbody');
    const prevented = await page.evaluate(() => {
      const drag = new DragEvent('dragstart', { bubbles: true, cancelable: true });
      document.querySelector('table.activists td').dispatchEvent(drag);
      return drag.defaultPrevented;
    });
    assert.equal(prevented, true);
    await waitForDialog(page);
    const event = await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.detail === 'drag', { since });
    assert.equal(event.verdict, 'block');
    await pressDialogButton(page, 'Cancel');
    await waitForNoDialog(page);
  });

  test('copying one address to write to one member is not an export', async () => {
    const since = await now(s.browser);
    await page.evaluate(() => {
      const cell = document.querySelector('table.activists td.email').firstChild;
      const range = document.createRange();
      range.setStart(cell, 0);
      range.setEnd(cell, cell.textContent.trim().length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await page.keyboard.press('ControlOrMeta+C');
    await pause(SETTLE_MS);
    assert.equal(await readDialog(page), undefined);
    assert.equal(await clipboard(page), 'marie.tremblay@example.org');
    const event = await waitForEvent(s.browser, (e) => e.surface === 'copy', { since });
    assert.equal(event.verdict, 'allow');
    assert.deepEqual(event.counts, { emails: 1, phones: 0, rows: 0 });
  });

  test("the page's own navigator.clipboard.writeText of every address is refused", async () => {
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    const since = await now(s.browser);
    await page.locator('#copy_all_emails').click();
    await waitForDialog(page);
    await pressDialogButton(page, 'Cancel');
    await waitForNoDialog(page);
    const result = await fixture(page);
    assert.deepEqual(result.clipboard.at(-1), { what: 'all', ok: false, error: 'NotAllowedError' });
    assert.equal(await clipboard(page), 'before');
    const event = await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.detail === 'clipboard-api', { since });
    assert.equal(event.verdict, 'block');
    assert.equal(event.counts.emails, 8);
  });

  test("the page's writeText of one address goes through", async () => {
    await page.locator('table.activists .copy_email').nth(2).click();
    await pause(300);
    assert.deepEqual((await fixture(page)).clipboard.at(-1), { what: 'one', ok: true });
    assert.equal(await clipboard(page), 'amina.haddad@example.org');
    assert.equal(await readDialog(page), undefined);
  });

  test('a page script cannot answer for Vigie: a forged reply on the old handshake names is ignored', async () => {
    // The page tries the handshake event names: the content script took its nonce at document_start.
    await page.evaluate(() => {
      document.dispatchEvent(new CustomEvent('vigie-bridge-ready'));
      document.dispatchEvent(new CustomEvent('vigie-bridge-offer', { detail: 'forgednonce1234' }));
    });
    await page.locator('#copy_all_emails').click();
    await waitForDialog(page);
    await pressDialogButton(page, 'Cancel');
    assert.deepEqual((await fixture(page)).clipboard.at(-1), { what: 'all', ok: false, error: 'NotAllowedError' });
  });
});

describe('printing the activists list (French UI)', () => {
  let s;
  let page;
  before(async () => {
    s = await startOrganizingBrowser('fr');
    await setGrant(s.browser);
    page = await s.open(ORGANIZING_PAGES.anActivists);
  });
  after(() => s?.close());

  test('Ctrl+P asks first: the policy warns and wants a justification', async () => {
    const since = await now(s.browser);
    await page.keyboard.press('ControlOrMeta+P');
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /Article 7\.5/);
    assert.ok(dialog.buttons.some((b) => b.label === 'Imprimer quand même'));
    // The justification is asked once the person chooses to print anyway (the dialog's second step).
    await pressDialogButton(page, 'Imprimer quand même');
    const justify = await readDialog(page);
    assert.ok(justify.fields.some((f) => f.tag === 'textarea'), 'a justification field');
    await pressDialogButton(page, 'Annuler');
    const event = await waitForEvent(s.browser, (e) => e.surface === 'print' && e.action === 'cancelled', { since });
    assert.equal(event.verdict, 'warn');
    assert.deepEqual(event.counts, { emails: 8, phones: 8, rows: 8 });
  });

  test('the browser menu\'s Print (only `beforeprint`, which cannot be cancelled) gets a blank printout saying why', async () => {
    const since = await now(s.browser);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    // The blanking hides the body itself (print-blank.ts), so no cell of the list has a box on paper.
    const shown = await page.evaluate(() => [...document.querySelectorAll('table.activists td')].filter((td) => td.getClientRects().length > 0).length);
    assert.equal(shown, 0, 'the member list is not on paper');
    const notice = await readClosed(page, 'vigie-print-notice');
    assert.match(notice?.text ?? '', /Impression retenue par Vigie/);
    assert.match(notice?.text ?? '', /Printing held by Vigie/);
    const event = await waitForEvent(s.browser, (e) => e.surface === 'print' && e.action === 'blanked', { since });
    assert.equal(event.detail, 'print-menu');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector('table.activists')).display), 'none', 'restored after printing');
    assert.ok(await page.evaluate(() => document.querySelector('table.activists td').getClientRects().length > 0), 'the cells are shown again');
    assert.equal(await readClosed(page, 'vigie-print-notice'), undefined);
    await page.emulateMedia({ media: null });
  });

  test("the page's window.print() asks first too", async () => {
    const since = await now(s.browser);
    await page.evaluate(() => window.print());
    await waitForDialog(page);
    await pressDialogButton(page, 'Annuler');
    await waitForEvent(s.browser, (e) => e.surface === 'print' && e.action === 'cancelled', { since });
    const prints = (await readEvents(s.browser)).filter((e) => e.time >= since && e.surface === 'print');
    assert.deepEqual(prints.map((e) => e.action), ['decided', 'cancelled']);
  });
});
