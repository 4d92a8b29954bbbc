/**
 * Class 1 of the hardening issue: frames and pop-ups. A guarded platform page that puts its member
 * list in a same-origin `about:blank` iframe, a `srcdoc` iframe or an `about:blank` pop-up, and
 * copies, writes the clipboard or prints it there, is decided in that frame as in the page itself.
 * Each case asserts from outside the page: the clipboard, read from an unguarded page, holds no
 * member address. Each also runs on an unguarded host first (the control), where the same page
 * does get the list out — so the case can fail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { now, waitForEvent } from './organizing-helpers.mjs';
import { AB, AN, MEMBER_ADDRESS, OUTSIDE, hostilePage, markClipboard, memberTable, memberText, readClipboard, startHostileBrowser } from './hostile-helpers.mjs';

const PAGE = hostilePage(
  'frames',
  '<h1>People</h1><button id="blank-write">Blank iframe</button><button id="popup-write">Pop-up</button><iframe id="roster" style="width:900px;height:400px"></iframe>',
  `
  const LIST = ${JSON.stringify(memberText())};
  const TABLE = ${JSON.stringify(memberTable())};
  window.results = [];
  document.getElementById('roster').srcdoc = '<!doctype html><body>' + TABLE + '</body>';
  // The blank iframe is made, filled and used in one go: the page never waits for anything.
  document.getElementById('blank-write').addEventListener('click', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frame.contentDocument.body.innerHTML = TABLE;
    frame.contentWindow.focus();
    try { await frame.contentWindow.navigator.clipboard.writeText(LIST); window.results.push('written'); }
    catch (e) { window.results.push(e.name); }
  });
  document.getElementById('popup-write').addEventListener('click', async () => {
    const popup = window.open('', '_blank', 'popup,width=600,height=400');
    popup.document.body.innerHTML = TABLE;
    popup.focus();
    try { await popup.navigator.clipboard.writeText(LIST); window.results.push('written'); }
    catch (e) { window.results.push(e.name); }
  });
  `,
);

const HOSTS = [AN, AB, OUTSIDE];
const results = (page) => page.evaluate(() => window.results);

describe('frames and pop-ups of a guarded page', () => {
  let s;
  before(async () => {
    s = await startHostileBrowser(HOSTS.map((host) => ({ host, path: '/hostile/frames', body: PAGE })));
  });
  after(() => s?.close());

  const open = async (host) => {
    const page = await s.browser.context.newPage();
    await page.goto(`https://${host}/hostile/frames`);
    await page.bringToFront();
    return page;
  };

  /** Selects the whole srcdoc roster and presses Ctrl+C in it, as a person would. */
  const copyInFrame = async (page) => {
    const frame = page.frameLocator('#roster');
    await frame.locator('table').waitFor();
    await frame.locator('td').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
  };

  test('control: on an unguarded host the same page copies the list (so the cases below can fail)', async () => {
    const page = await open(OUTSIDE);
    await markClipboard(s);
    await page.bringToFront();
    await copyInFrame(page);
    assert.match(await readClipboard(s), MEMBER_ADDRESS);
    await markClipboard(s);
    await page.bringToFront();
    await page.locator('#blank-write').click();
    await page.waitForFunction(() => window.results.length === 1);
    assert.deepEqual(await results(page), ['written']);
    assert.match(await readClipboard(s), MEMBER_ADDRESS);
    await page.close();
  });

  for (const host of [AN, AB]) {
    test(`${host}: Ctrl+A, Ctrl+C inside a srcdoc iframe is stopped in the frame`, async () => {
      const page = await open(host);
      const marker = await markClipboard(s);
      const since = await now(s.browser);
      await page.bringToFront();
      await copyInFrame(page);
      const event = await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.verdict === 'block', { since });
      assert.deepEqual(event.counts, { emails: 8, phones: 8, rows: 8 });
      // The stopped copy leaves the clipboard empty (the browser writes the emptied copy data).
      const after = await readClipboard(s);
      assert.doesNotMatch(after, MEMBER_ADDRESS);
      assert.ok(after === '' || after === marker, `clipboard: ${after.slice(0, 40)}`);
      await page.close();
    });
  }

  test(`${AN}: a clipboard write from an about:blank iframe made and used at once is refused`, async () => {
    const page = await open(AN);
    const marker = await markClipboard(s);
    const since = await now(s.browser);
    await page.bringToFront();
    await page.locator('#blank-write').click();
    const event = await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.detail === 'clipboard-api', { since });
    assert.equal(event.verdict, 'block');
    assert.equal(await readClipboard(s), marker);
    await page.close();
  });

  test(`${AB}: a clipboard write from an about:blank pop-up the page opened is refused`, async () => {
    const page = await open(AB);
    const marker = await markClipboard(s);
    const since = await now(s.browser);
    await page.bringToFront();
    const popup = page.waitForEvent('popup');
    await page.locator('#popup-write').click();
    await popup;
    const event = await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.detail === 'clipboard-api', { since });
    assert.equal(event.verdict, 'block');
    assert.equal(await readClipboard(s), marker);
  });
});
