import { launchBrowser } from './tests/e2e/browser.mjs';
import { startFixtureServer } from './tests/e2e/server.mjs';
import { ROUTES } from './tests/e2e/routes.mjs';
import { WEBMAIL_ROUTES, WEBMAIL_PAGES, webmailUrl } from './tests/e2e/routes-webmail.mjs';
import { openFixture } from './tests/e2e/extension.mjs';
const server = await startFixtureServer({ routes: [...ROUTES, ...WEBMAIL_ROUTES] });
const browser = await launchBrowser({ port: server.port, lang: 'fr' });
try {
  for (const url of [WEBMAIL_PAGES.gmail.popup, WEBMAIL_PAGES.outlook.compose]) {
    const { page } = await openFixture(browser, webmailUrl(url, 'fr'));
    page.on('console', (m) => console.log('console:', m.text()));
    await page.waitForTimeout(3000);
    console.log(url, await page.evaluate(() => ({ blocks: document.querySelectorAll('[data-vigie-signature]').length, drafts: window.__vigieFixture.draftSaves, html: document.querySelector('[data-vigie-signature]')?.parentElement?.outerHTML.slice(0, 300) })));
  }
  const events = await browser.serviceWorker.evaluate(async () => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('vigie'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    return new Promise((ok) => { const tx = db.transaction('events'); const r = tx.objectStore('events').getAll(); r.onsuccess = () => ok(r.result); });
  });
  console.log(events.map(e => `${e.platform} ${e.surface} ${e.action} ${e.detail ?? ''} ${e.senderDomain ?? ''}`));
  console.log(await browser.serviceWorker.evaluate(() => chrome.storage.session.get('vigie:health')));
} finally { await browser.close(); await server.close(); }
