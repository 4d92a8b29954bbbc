/**
 * Status at a glance, in real Chromium: the toolbar badge for each state (red: no, expired or
 * revoked access; amber: a degraded platform, a webmail page whose sending account cannot be read
 * until the person answers for it; none when all is well), the popup reading from the
 * top (one sentence of what the person may do, then each problem with its button, the IT details
 * folded), its text at 14 px, the confirmation before removing the grant, and an axe-core scan of
 * the popup and the options page with no violation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoGrantToken } from '../../scripts/make-demo-docs.ts';
import { axeViolations } from './axe.mjs';
import { launchBrowser } from './browser.mjs';
import { openExtensionPage, poll, waitForText } from './extension.mjs';
import { WEBMAIL_PAGES } from './routes-webmail.mjs';
import { startFixtureServer } from './server.mjs';
import { pressDialogButton, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { startWebmailBrowser, typeAtStart } from './webmail-helpers.mjs';
import { SENDER_STRINGS } from '../../lib/webmail/sender-strings.ts';

const DAY = 86_400_000;
const RED = [179, 38, 30, 255];
const AMBER = [161, 92, 0, 255];

async function badge(browser) {
  return browser.serviceWorker.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), color: await chrome.action.getBadgeBackgroundColor({}), title: await chrome.action.getTitle({}) }));
}
const waitForBadge = (browser, check, what) => poll(async () => ((b) => (check(b) ? b : undefined))(await badge(browser)), { timeout: 15_000, what });
/**
 * "All working" needs IT's configuration read. Chromium hands managed storage to the extension
 * 2–5 s after start, and on a loaded machine it has not answered for over a minute; meanwhile
 * Vigie rightly shows amber (managed-late: IT's configuration could not be read yet).
 */
const waitForConfigRead = (browser) =>
  poll(async () => {
    const sync = (await browser.serviceWorker.evaluate(() => chrome.storage.local.get('vigie:sync')))['vigie:sync'];
    return sync?.lastSuccess && !sync.problems.some((p) => p.code === 'managed-late') ? sync : undefined;
  }, { timeout: 90_000, interval: 500, what: "Chromium's managed storage answering (IT's configuration read)" });
const setGrant = (browser, token) => browser.serviceWorker.evaluate((t) => chrome.storage.local.set({ 'vigie:grant': t }), token);

describe('status at a glance: the toolbar badge and the popup (English UI)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ port: server.port, lang: 'en-US' });
    await waitForConfigRead(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('no grant: red badge; the popup opens with what the person may do, then the problem and its button; IT details folded; 14 px text; no axe violation', async () => {
    const b = await waitForBadge(browser, (x) => x.text === '!' && String(x.color) === String(RED), 'a red badge');
    assert.equal(b.title, 'Vigie: no access in force');
    const popup = await openExtensionPage(browser, 'popup.html', { folded: true });
    await waitForText(popup, 'You have no access authorization recorded: every export is blocked.');
    const order = await popup.evaluate(() => [...document.querySelectorAll('main > *')].map((el) => el.localName + (el.className ? `.${el.className.split(' ')[0]}` : '')));
    assert.deepEqual(order.slice(0, 2), ['h1', 'section.status-panel'], 'the sentence and the problems come first');
    assert.ok(order.indexOf('details.it-details') > order.indexOf('section.card'), 'IT details after the person’s own');
    assert.equal(await popup.locator('.scope').count(), 0, 'no access card: there is nothing to detail');
    assert.equal((await popup.locator('main').innerText()).match(/blocked/g)?.length, 1, 'the block is said once, in the opening sentence');
    assert.equal(await popup.locator('details.it-details').evaluate((d) => d.open), false, 'folded');
    assert.equal(await popup.locator('details.it-details > summary').textContent(), 'Details for IT');
    const problems = popup.locator('.problems-now li');
    assert.match(await problems.first().textContent(), /To get an up-to-date authorization, write to the CAPE Privacy Officer \(vieprivee@acep-cape\.ca\), then import it\./);
    assert.equal(await problems.first().getByRole('button').textContent(), 'Import an authorization');
    assert.deepEqual(await popup.evaluate(() => [getComputedStyle(document.body).fontSize, parseFloat(getComputedStyle(document.querySelector('.summary')).fontSize) >= 14, getComputedStyle(document.querySelector('.problems-now p')).fontSize]), ['14px', true, '14px']);
    assert.deepEqual(await axeViolations(popup), []);
    await popup.locator('details.it-details > summary').click();
    assert.deepEqual(await axeViolations(popup), [], 'unfolded too');
    await popup.close();
  });

  test('a valid grant: no badge, and one plain sentence; a degraded webmail turns it amber with what it means for sending', async () => {
    await setGrant(browser, await demoGrantToken());
    const ok = await waitForBadge(browser, (x) => x.text === '', 'no badge');
    assert.equal(ok.title, 'Vigie: all working');
    const popup = await openExtensionPage(browser, 'popup.html', { folded: true });
    await waitForText(popup, /^You may work on .+ until .+\. Vigie stops you before any information leaves without an authorization\.$/);
    assert.equal(await popup.locator('.problems-now').count(), 0);
    await popup.close();

    await browser.serviceWorker.evaluate(() => chrome.storage.session.set({ 'vigie:health': { gmail: { time: Date.now(), status: 'degraded', detail: 'no Send control' } } }));
    const amber = await waitForBadge(browser, (x) => x.text === '!' && String(x.color) === String(AMBER), 'an amber badge');
    assert.equal(amber.title, 'Vigie: a problem needs your attention');
    const again = await openExtensionPage(browser, 'popup.html', { folded: true });
    await waitForText(again, /Gmail: Vigie no longer recognises part of the page\. The check before sending may not run/);
    await again.close();
    await browser.serviceWorker.evaluate(() => chrome.storage.session.remove('vigie:health'));
    await waitForBadge(browser, (x) => x.text === '', 'the badge cleared');
  });

  test('an expired grant: red, and the sentence names the date', async () => {
    await setGrant(browser, await demoGrantToken(new Date(Date.now() - 400 * DAY)));
    await waitForBadge(browser, (x) => x.text === '!' && String(x.color) === String(RED), 'red for an expired grant');
    const popup = await openExtensionPage(browser, 'popup.html', { folded: true });
    await waitForText(popup, /^Your access authorization expired on [A-Z][a-z]+ \d{1,2}, \d{4}: every export is blocked\.$/);
    assert.match(await popup.locator('.scope .status').textContent(), /^Expired on /, 'the access card gives the details');
    assert.equal((await popup.locator('main').innerText()).match(/blocked/g)?.length, 1, 'the block is said once, in the opening sentence');
    await popup.close();
  });

  test('removing the grant asks first: "No, keep it" has the focus, Escape keeps it; "Yes, remove it" removes it; no axe violation', async () => {
    await setGrant(browser, await demoGrantToken());
    const options = await openExtensionPage(browser, 'options.html');
    await waitForText(options, 'Remove the authorization');
    assert.deepEqual(await axeViolations(options), []);
    await options.getByRole('button', { name: 'Remove the authorization' }).click();
    await waitForText(options, /^Remove .+’s access authorization\? Every export will be blocked until you import another one\.$/);
    assert.equal(await options.evaluate(() => document.activeElement?.textContent), 'No, keep it');
    assert.deepEqual(await axeViolations(options), [], 'with the question shown');
    await options.keyboard.press('Escape');
    await waitForText(options, 'Remove the authorization');
    assert.ok(await browser.serviceWorker.evaluate(async () => (await chrome.storage.local.get('vigie:grant'))['vigie:grant']), 'kept');
    await options.getByRole('button', { name: 'Remove the authorization' }).click();
    await options.getByRole('button', { name: 'Yes, remove it' }).click();
    await poll(async () => ((await browser.serviceWorker.evaluate(async () => (await chrome.storage.local.get('vigie:grant'))['vigie:grant'])) ? undefined : true), { what: 'the grant removed' });
    await waitForBadge(browser, (x) => x.text === '!' && String(x.color) === String(RED), 'red once removed');
    await options.close();
  });
});

describe('status at a glance: a webmail page whose sending account cannot be read (English UI)', () => {
  let session;
  let browser;
  before(async () => {
    session = await startWebmailBrowser('en-US');
    browser = session.browser;
  });
  after(() => session?.close());

  test('amber while the Outlook mailbox is unanswered; none once the person answers at Send; amber again when forgotten; none once a page shows the sender', async () => {
    await waitForConfigRead(browser);
    await waitForBadge(browser, (x) => x.text === '', 'no badge with a valid grant');
    const page = await session.open(WEBMAIL_PAGES.real.outlookLive);
    const amber = await waitForBadge(browser, (x) => x.text === '!' && String(x.color) === String(AMBER), 'amber for an unreadable sender');
    assert.equal(amber.title, 'Vigie: a problem needs your attention');
    const popup = await openExtensionPage(browser, 'popup.html', { folded: true });
    await waitForText(popup, /^Outlook.*: Vigie cannot see which account you are writing from\. At your next Send, it will ask whether it is a local-section account\.$/);
    await popup.close();

    // Answered through the real question at Send: the key the page stores is the one the health report names.
    await typeAtStart(page, '[data-fixture-body]', 'Local 70: ');
    await page.locator('[data-fixture-send]').click();
    await waitForDialog(page);
    await pressDialogButton(page, SENDER_STRINGS.yes.en);
    await waitForNoDialog(page);
    await waitForBadge(browser, (x) => x.text === '', 'the badge cleared once answered');
    const calm = await openExtensionPage(browser, 'popup.html', { folded: true });
    await waitForText(calm, /^You may work on .+ until .+\./);
    assert.equal(await calm.locator('.problems-now').count(), 0);
    await calm.close();

    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('vigie:sender-answers'));
    await waitForBadge(browser, (x) => x.text === '!' && String(x.color) === String(AMBER), 'amber again once the answer is forgotten');
    // A page that shows its sender (the shared mailbox named in the address): Outlook is healthy again.
    await session.open(WEBMAIL_PAGES.real.m365Shared);
    await waitForBadge(browser, (x) => x.text === '', 'the badge cleared with a readable sender');
    await page.close();
  });
});
