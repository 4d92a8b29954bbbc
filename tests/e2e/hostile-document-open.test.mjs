/**
 * Class 5 of the hardening issue: `document.open()` erases every event listener of the document
 * and the window, Vigie's included (HTML spec), and a page that rewrites itself with the member
 * list would then copy and print it unchecked. The guards put themselves back: after the rewrite,
 * Ctrl+A/Ctrl+C is stopped (the clipboard, read from an unguarded page, holds no member address),
 * Ctrl+P asks first, and the page's own clipboard write is still refused. A control run on an
 * unguarded host shows the same rewrite does copy the list there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { now, waitForEvent } from './organizing-helpers.mjs';
import { AB, AN, MEMBER_ADDRESS, OUTSIDE, hostilePage, markClipboard, memberTable, memberText, readClipboard, startHostileBrowser } from './hostile-helpers.mjs';
import { pressDialogButton, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';

const PAGE = hostilePage(
  'document-open',
  '<h1>Loading…</h1>',
  `
  window.LIST = ${JSON.stringify(memberText())};
  // Once loaded, the page rewrites itself: document.open() first, then the list.
  window.rewrite = () => {
    document.open();
    document.write('<!doctype html><html><body><h1>Members</h1>' + ${JSON.stringify(memberTable())} + '</body></html>');
    document.close();
  };
  `,
);

describe('a page that rewrites itself with document.open()', () => {
  let s;
  before(async () => {
    s = await startHostileBrowser([AN, AB, OUTSIDE].map((host) => ({ host, path: '/hostile/open', body: PAGE })));
  });
  after(() => s?.close());

  const openRewritten = async (host) => {
    const page = await s.browser.context.newPage();
    await page.goto(`https://${host}/hostile/open`);
    await page.evaluate(() => window.rewrite());
    await page.locator('table.members').waitFor();
    await page.bringToFront();
    return page;
  };
  const copyAll = async (page) => {
    await page.locator('h1').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
  };

  test('control: on an unguarded host the rewritten page copies the list', async () => {
    const page = await openRewritten(OUTSIDE);
    await markClipboard(s);
    await page.bringToFront();
    await copyAll(page);
    assert.match(await readClipboard(s), MEMBER_ADDRESS);
    await page.close();
  });

  test(`${AN}: Ctrl+A, Ctrl+C after the rewrite is stopped`, async () => {
    const page = await openRewritten(AN);
    const marker = await markClipboard(s);
    const since = await now(s.browser);
    await page.bringToFront();
    await copyAll(page);
    const event = await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.verdict === 'block', { since });
    assert.deepEqual(event.counts, { emails: 8, phones: 8, rows: 8 });
    const after = await readClipboard(s);
    assert.doesNotMatch(after, MEMBER_ADDRESS);
    assert.ok(after === '' || after === marker);
    await page.close();
  });

  test(`${AB}: Ctrl+P after the rewrite asks first, and the page's clipboard write is still refused`, async () => {
    const page = await openRewritten(AB);
    let since = await now(s.browser);
    await page.keyboard.press('ControlOrMeta+P');
    await waitForDialog(page);
    await pressDialogButton(page, 'Cancel');
    await waitForNoDialog(page);
    const print = await waitForEvent(s.browser, (e) => e.surface === 'print' && e.action === 'cancelled', { since });
    assert.equal(print.counts.rows, 8);

    const marker = await markClipboard(s);
    await page.bringToFront();
    since = await now(s.browser);
    const written = page.evaluate(() => navigator.clipboard.writeText(window.LIST).then(() => 'written', (e) => e.name));
    await waitForDialog(page);
    await pressDialogButton(page, 'Cancel');
    assert.equal(await written, 'NotAllowedError');
    await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.detail === 'clipboard-api' && e.verdict === 'block', { since });
    assert.equal(await readClipboard(s), marker);
    await page.close();
  });
});
