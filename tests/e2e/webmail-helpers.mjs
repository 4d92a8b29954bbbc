/**
 * What the webmail e2e tests share: a browser with the demo grant imported (local 70, account
 * sl70@acep-cape.ca) and the webmail fixtures served, the event log read from the extension's
 * IndexedDB through its service worker, and edits made with the real keyboard.
 */
import { demoGrantToken, DEMO_HOLDER } from '../../scripts/make-demo-docs.ts';
import { launchBrowser } from './browser.mjs';
import { importGrantViaOptions, openFixture, poll } from './extension.mjs';
import { ROUTES } from './routes.mjs';
import { WEBMAIL_ROUTES, webmailUrl } from './routes-webmail.mjs';
import { startFixtureServer } from './server.mjs';
import { readEvents } from './log-store.mjs';

export { readEvents };

export const BLOCK = '[data-vigie-signature]';

/** Chromium in `lang` (fr or en-US) with the demo grant imported through the options page. */
export async function startWebmailBrowser(lang) {
  const server = await startFixtureServer({ routes: [...ROUTES, ...WEBMAIL_ROUTES] });
  const browser = await launchBrowser({ port: server.port, lang });
  await (await importGrantViaOptions(browser, await demoGrantToken(), { holderName: DEMO_HOLDER.name })).close();
  return {
    server,
    browser,
    fixtureLang: lang.slice(0, 2),
    async open(url) {
      const { page } = await openFixture(browser, webmailUrl(url, lang.slice(0, 2)));
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}


/** Waits for a logged event matching `test`, among those logged after `since` (ms). */
export async function waitForEvent(browser, test, { since = 0, timeout = 5_000, what = 'an event' } = {}) {
  return poll(async () => (await readEvents(browser)).find((e) => e.time >= since && test(e)), { timeout, what });
}

export async function serverNow(browser) {
  return browser.serviceWorker.evaluate(() => Date.now());
}

export async function fixtureState(page) {
  return page.evaluate(() => window.__vigieFixture);
}

export async function countIn(page, scope, selector) {
  return page.locator(scope).locator(selector).count();
}

export async function waitForCount(page, selector, n, { timeout = 5_000 } = {}) {
  return poll(async () => (await page.locator(selector).count()) === n, { timeout, what: `${n} × ${selector}` });
}

/** Puts the caret at the very start of a body and types, as a person would (trusted input events). */
export async function typeAtStart(page, body, text) {
  await page.locator(body).evaluate((el) => {
    el.focus();
    // The first place a caret can be: a text node, or the spot before an empty line's <br>.
    const range = document.createRange();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) => (n.nodeType === 3 || n.nodeName === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
    });
    const first = walker.nextNode();
    if (!first) range.setStart(el, 0);
    else if (first.nodeType === 3) range.setStart(first, 0);
    else range.setStartBefore(first);
    range.collapse(true);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.keyboard.type(text);
}

/** Selects Vigie's block in a body and deletes it with the keyboard, as a person would. */
export async function deleteBlockByHand(page, body) {
  await page.locator(body).evaluate((el, selector) => {
    el.focus();
    const block = el.querySelector(selector);
    const range = document.createRange();
    range.selectNode(block);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, BLOCK);
  await page.keyboard.press('Delete');
}

/** Waits two frames: long enough for the guard's once-per-frame work to have run. */
export async function settle(page) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}
