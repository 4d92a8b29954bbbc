/**
 * The guards and the log at scale, in real Chromium with the built extension (issue 12): what must
 * still hold when the work is large. Times are not asserted here (budgets live in `npm run bench`);
 * only that the decisions are still made and nothing is lost.
 * - A Gmail reply carrying a 3 MB quoted thread: a compliant one leaves whole; one whose notice is
 *   only in the thread is still stopped, citing 9.2.
 * - The options page's log at 100 000 events: the first page, the oldest page, a filter, and a CSV
 *   export holding every event.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { GUARD_STRINGS } from '../../lib/guard/strings.ts';
import { openExtensionPage, poll } from './extension.mjs';
import { WEBMAIL_PAGES } from './routes-webmail.mjs';
import { quotedThread, seedLog, SEED_PLATFORMS } from './scale-data.mjs';
import { pressDialogButton, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { BLOCK, deleteBlockByHand, fixtureState, serverNow, startWebmailBrowser, typeAtStart, waitForCount, waitForEvent } from './webmail-helpers.mjs';

const THREAD = 3_000_000;
const EVENTS = 100_000;
const compose = (id) => `.M9:has(input[name=composeid][value="${id}"])`;

describe('at scale (English UI)', () => {
  let session;
  let browser;
  before(async () => {
    session = await startWebmailBrowser('en-US');
    browser = session.browser;
  });
  after(() => session?.close());

  /** A Gmail reply whose quote is a 3 MB thread; `noticeInThread` puts Vigie's block in its oldest message. */
  async function bigReply(noticeInThread) {
    const page = await session.open(WEBMAIL_PAGES.gmail.reply);
    await page.locator('[data-fixture-open=fixture-reply]').click();
    const c = compose('fixture-reply-1');
    const body = `${c} [g_editable=true]`;
    await waitForCount(page, `${c} ${BLOCK}`, 1);
    const notice = noticeInThread ? await page.locator(`${c} ${BLOCK}`).evaluate((el) => el.outerHTML.replace(/data-vigie-signature(="[^"]*")?/, '')) : '';
    await page.locator(body).evaluate((el, html) => el.querySelector('.gmail_quote')?.insertAdjacentHTML('beforeend', html), quotedThread(THREAD, notice));
    return { page, c, body };
  }

  test('a compliant reply with a 3 MB thread is checked and leaves whole', async () => {
    const since = await serverNow(browser);
    const { page, c, body } = await bigReply(false);
    await typeAtStart(page, body, 'Local 70: minutes. ');
    await page.locator(`${c} .aoO`).click();
    const { sent } = await fixtureState(page);
    assert.equal(sent.length, 1, 'sent');
    assert.ok(sent[0].html.length > THREAD, `the whole thread left (${sent[0].html.length} characters)`);
    const checked = await waitForEvent(browser, (e) => e.action === 'checked' && e.platform === 'gmail', { since, timeout: 15_000 });
    assert.equal(checked.verdict, 'allow');
    await page.close();
  });

  test('a reply whose notice is only in the 3 MB thread is still stopped on Ctrl+Enter, citing 9.2', async () => {
    const since = await serverNow(browser);
    const { page, body } = await bigReply(true);
    await deleteBlockByHand(page, body);
    await typeAtStart(page, body, 'Local 70: ');
    await page.keyboard.press('Control+Enter');
    const dialog = await waitForDialog(page, { timeout: 15_000 });
    assert.match(dialog.text, /appears only in the quoted message/);
    assert.match(dialog.text, /Clause 9\.2/);
    assert.equal((await fixtureState(page)).sent.length, 0, 'not sent');
    await pressDialogButton(page, GUARD_STRINGS.cancel.en);
    await waitForNoDialog(page);
    assert.equal((await fixtureState(page)).sent.length, 0, 'still not sent after Cancel');
    const blocked = await waitForEvent(browser, (e) => e.action === 'blocked' && e.platform === 'gmail', { since, timeout: 15_000 });
    assert.deepEqual(blocked.findings, ['notice-only-in-quote']);
    await page.close();
  });

  test('the log viewer pages through 100 000 events, filters them, and the CSV holds every one', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const { first, last } = await seedLog(options, EVENTS);
    await options.reload();
    const count = options.locator('#log-count');
    await poll(async () => (await count.textContent())?.includes('of 100,000'), { timeout: 30_000, what: 'the whole log counted' });
    assert.equal(await count.textContent(), 'Events 1 to 200 of 100,000');
    const times = () => options.locator('table.log tbody time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime'))));
    assert.equal((await times())[0], last, 'newest first');

    await options.getByRole('button', { name: 'Oldest' }).click();
    await poll(async () => (await count.textContent()) === 'Events 99,801 to 100,000 of 100,000', { timeout: 15_000, what: 'the oldest page' });
    const oldest = await times();
    assert.equal(oldest.length, 200);
    assert.equal(oldest.at(-1), first, 'the oldest event last');
    assert.ok(await options.getByRole('button', { name: 'Next page' }).isDisabled());
    await options.getByRole('button', { name: 'Previous page' }).click();
    await poll(async () => (await count.textContent()) === 'Events 99,601 to 99,800 of 100,000', { timeout: 15_000, what: 'the page before' });

    await options.locator('select[name=platform]').selectOption('gmail');
    await options.locator('select[name=verdict]').selectOption('warn');
    await options.getByRole('button', { name: 'Filter' }).click();
    // Platform i % 4 and verdict (i >> 2) % 4: one event in 16 is a Gmail warning.
    await poll(async () => (await count.textContent()) === `Events 1 to 200 of ${(EVENTS / 16).toLocaleString('en-CA')}`, { timeout: 15_000, what: 'the filtered count' });
    assert.deepEqual([...new Set(await options.locator('table.log tbody td:nth-child(2)').allTextContents())], ['Gmail']);

    await options.getByRole('button', { name: /Show all|Reset/ }).click();
    await poll(async () => (await count.textContent())?.includes('of 100,000'), { timeout: 30_000, what: 'the whole log again' });
    const download = options.waitForEvent('download', { timeout: 120_000 });
    await options.getByRole('button', { name: 'Export as CSV' }).click();
    const path = await (await download).path();
    await poll(async () => (await options.locator('#csv-progress').textContent())?.includes('File ready: 100,000 events'), { timeout: 60_000, what: 'the export finished' });
    const lines = readFileSync(path, 'utf8').split('\r\n').filter(Boolean);
    assert.equal(lines.length, EVENTS + 1, 'a header and every event');
    const details = new Set(lines.slice(1).map((l) => /,(seed-\d+),/.exec(l)?.[1]));
    assert.equal(details.size, EVENTS, 'each event once');
    const platforms = new Set(lines.slice(1).map((l) => l.split(',')[1]));
    assert.deepEqual([...platforms].sort(), [...SEED_PLATFORMS].sort());
    await options.close();
  });
});
