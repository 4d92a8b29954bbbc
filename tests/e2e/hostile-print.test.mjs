/**
 * Class 6 of the hardening issue: print blanking the page can neither remove nor out-rank, and
 * print from frames. The printout is what Chromium renders to PDF under print media; what it holds
 * is read from the PDF's fonts (hostile-helpers.mjs: printedCharacters): no "@" means no member
 * address is on paper. Each case runs first on an unguarded host, where the same page does print
 * the list (so the case can fail).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { now, waitForEvent } from './organizing-helpers.mjs';
import { AB, AN, OUTSIDE, hostilePage, memberTable, printedCharacters, startHostileBrowser } from './hostile-helpers.mjs';

/** Bootstrap's print utilities out-rank `body *`, and the page's own beforeprint undoes what it can. */
const BOOTSTRAP = hostilePage(
  'print-bootstrap',
  `<style>
     @media print { .d-print-block { display: block !important; } #roster, #roster * { display: revert !important; visibility: visible !important; } }
   </style>
   <h1>Members</h1><div class="d-print-block" id="roster">${memberTable()}</div>`,
  `
  // Registered after Vigie's (which runs at document_start): undoes any blanking it can find.
  window.addEventListener('beforeprint', () => {
    for (const el of document.querySelectorAll('style:not(:first-of-type), [style], vigie-print-notice')) {
      if (el.tagName === 'STYLE' || el.localName.startsWith('vigie-')) el.remove();
      else el.removeAttribute('style');
    }
    document.documentElement.removeAttribute('style');
  });
  `,
);

/** The list is only in a srcdoc iframe; the top page shows nothing of it. */
const FRAMED = hostilePage('print-frame', `<h1>Report</h1><iframe id="f" style="width:900px;height:500px" srcdoc="${memberTable().replace(/"/g, '&quot;')}"></iframe>`);

describe('printouts a page tries to keep', () => {
  let s;
  before(async () => {
    s = await startHostileBrowser([
      ...[AN, OUTSIDE].map((host) => ({ host, path: '/hostile/print', body: BOOTSTRAP })),
      ...[AB, OUTSIDE].map((host) => ({ host, path: '/hostile/print-frame', body: FRAMED })),
    ]);
  });
  after(() => s?.close());

  const printout = async (host, path) => {
    const page = await s.browser.context.newPage();
    await page.goto(`https://${host}${path}`);
    await page.bringToFront();
    if (path.endsWith('frame')) await page.frameLocator('#f').locator('table').waitFor();
    const pdf = await page.pdf();
    return { page, chars: printedCharacters(pdf) };
  };

  test('control: on an unguarded host both pages print the list', async () => {
    for (const path of ['/hostile/print', '/hostile/print-frame']) {
      const { page, chars } = await printout(OUTSIDE, path);
      assert.ok(chars.has('@'), `${path}: the addresses are on paper`);
      await page.close();
    }
  });

  test(`${AN}: a page's beforeprint listener and !important id/class print rules cannot bring the list back`, async () => {
    const since = await now(s.browser);
    const { page, chars } = await printout(AN, '/hostile/print');
    assert.ok(!chars.has('@'), 'no member address on paper');
    assert.ok(chars.has('V'), 'the notice is on paper (it names Vigie)');
    await waitForEvent(s.browser, (e) => e.surface === 'print' && e.action === 'blanked', { since });
    // Restored after printing: the list shows on screen again.
    assert.ok(await page.evaluate(() => document.querySelector('#roster td').getClientRects().length > 0));
    await page.close();
  });

  test(`${AB}: a list printed from a srcdoc iframe is blanked in that frame`, async () => {
    const since = await now(s.browser);
    const { page, chars } = await printout(AB, '/hostile/print-frame');
    assert.ok(!chars.has('@'), 'no member address on paper');
    await waitForEvent(s.browser, (e) => e.surface === 'print' && e.action === 'blanked', { since });
    await page.close();
  });
});
