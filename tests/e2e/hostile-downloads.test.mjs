/**
 * Hostile pages on Action Network and Action Builder trying to get the member list out as a file
 * the downloads API cannot tie to them (classes 2 and 7 of the hostile review). Each case checks
 * from outside the page: no file in the downloads folder, and the background's own record of what
 * it decided. The person holds a grant without an export authorization, so ACEP blocks downloads.
 *
 * - `window.open('data:text/csv,…')` from the platform page;
 * - a `data:` download made inside an `about:blank` pop-up the platform page opened;
 * - a `data:` download made by the platform tab while another tab is in front;
 * - the platform's file host (Action Network's S3 bucket) opened with `noreferrer`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ORGANIZING_PAGES } from './routes-organizing.mjs';
import { SETTLE_MS, now, pause, readEvents, setGrant, startOrganizingBrowser, waitForEvent } from './organizing-helpers.mjs';

const FILE_HOST = 'can2-prod.s3.amazonaws.com';
const FILE_PATH = '/uploads/data/000/451/200/original/membres-sl70.csv';
const FILE_ROUTE = {
  hosts: [FILE_HOST],
  path: FILE_PATH,
  fixture: 'action-network/upload-4512.csv',
  type: 'text/csv; charset=utf-8',
  headers: { 'Content-Disposition': 'attachment; filename="membres-sl70.csv"' },
};

/**
 * What a hostile page script does first: reads every address the page shows into a CSV, and puts
 * a button whose click (a real one, from the test, so pop-ups are allowed) runs `action`.
 */
async function arm(page, action) {
  await page.evaluate((source) => {
    const csv = `courriel\n${[...document.body.innerText.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)].map((m) => m[0]).join('\n')}`;
    const button = document.createElement('button');
    button.id = 'hostile';
    button.textContent = 'Go';
    button.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647';
    // eslint-disable-next-line no-new-func -- the test plays the page's own script
    button.addEventListener('click', new Function('csv', source).bind(null, csv));
    document.body.append(button);
    return csv;
  }, action);
}

describe('data: and file-host downloads are attributed to the platform that made them (ACEP, French UI)', () => {
  let s;
  before(async () => {
    s = await startOrganizingBrowser('fr', { routes: [FILE_ROUTE], hosts: [FILE_HOST] });
    await setGrant(s.browser);
  });
  after(() => s?.close());

  test("Action Network: window.open('data:text/csv,…') is stopped, no file written", async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    await arm(page, "window.open('data:text/csv;charset=utf-8,' + encodeURIComponent(csv));");
    await page.locator('#hostile').click();
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download', { since, timeout: 15_000 });
    assert.equal(event.platform, 'action-network');
    assert.equal(event.verdict, 'block');
    assert.match(event.detail, /^type=csv from=(open-tab|opener)/);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), [], 'no file, not even a partial one');
    await page.close();
  });

  test('Action Network: a data: download made inside an about:blank pop-up is stopped', async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    // The pop-up writes the list through a frame of its own (a synthetic click on a download link
    // would meet the export guard, which also runs in about:blank pop-ups).
    await arm(page, `
      const w = window.open('about:blank', 'liste', 'popup,width=300,height=200');
      const frame = w.document.createElement('iframe');
      frame.src = 'data:application/octet-stream;charset=utf-8,' + encodeURIComponent(csv);
      w.document.body.append(frame);`);
    await page.locator('#hostile').click();
    // The pop-up has its own guard (every frame and pop-up of a platform does): it stops the page's
    // click on the download link before any download exists; the backstop would stop it otherwise.
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download' || e.surface === 'export-click', { since, timeout: 15_000 });
    assert.equal(event.platform, 'action-network');
    assert.equal(event.verdict, 'block');
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), []);
    await page.close();
  });

  test('Action Builder: a data: download made by the platform tab while another tab is in front is stopped', async () => {
    const since = await now(s.browser);
    const wall = await s.open(ORGANIZING_PAGES.abWallChart);
    // The page waits a few seconds (the person has gone to another tab by then), then writes the list
    // through a hidden frame (a synthetic click on a download link would meet the export guard first).
    await arm(wall, `
      setTimeout(() => {
        const frame = document.createElement('iframe');
        frame.style.display = 'none';
        frame.src = 'data:application/octet-stream;charset=utf-8,' + encodeURIComponent(csv);
        document.body.append(frame);
      }, 4000);`);
    await wall.locator('#hostile').click();
    const other = await s.browser.context.newPage();
    await other.bringToFront();
    const front = await s.browser.serviceWorker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((t) => t.map((x) => x.url ?? '(hidden)')));
    assert.ok(!front.some((u) => u.includes('actionbuilder')), `the Action Builder tab is not in front (${front})`);
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download', { since, timeout: 15_000 }).catch(async (error) => {
      console.log(JSON.stringify((await readEvents(s.browser)).filter((e) => e.time >= since)), s.downloads());
      throw error;
    });
    assert.equal(event.platform, 'action-builder');
    assert.equal(event.verdict, 'block');
    assert.match(event.detail, /from=open-tab/);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), []);
    await other.close();
    await wall.close();
  });

  test("Action Network: its file host opened with noreferrer is the platform's: stopped", async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    await arm(page, `window.open('https://${FILE_HOST}${FILE_PATH}', '_blank', 'noreferrer');`);
    await page.locator('#hostile').click();
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download', { since, timeout: 15_000 });
    assert.equal(event.platform, 'action-network');
    assert.equal(event.verdict, 'block');
    assert.equal(event.origin, `https://${FILE_HOST}`, 'no referrer: the file host itself names the platform');
    assert.equal(event.path, undefined, 'the file path (a list name) is not logged');
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), []);
    await page.close();
  });
});
