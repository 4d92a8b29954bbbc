import { startWebmailBrowser, deleteBlockByHand, BLOCK, fixtureState, settle } from './tests/e2e/webmail-helpers.mjs';
import { WEBMAIL_PAGES } from './tests/e2e/routes-webmail.mjs';
const session = await startWebmailBrowser('fr');
try {
  const page = await session.open(WEBMAIL_PAGES.gmail.popup);
  await page.locator('.T-I-KE').click();
  const c = '.M9:has(input[name=composeid][value="fixture-new-compose-1"])';
  await page.waitForTimeout(500);
  console.log('before', await page.locator(`${c} [g_editable=true]`).innerHTML());
  await page.locator(`${c} [g_editable=true]`).evaluate((el, selector) => {
    window.__log = [];
    new MutationObserver((rs) => rs.forEach(r => window.__log.push([r.type, [...r.addedNodes].map(n=>n.outerHTML?.slice(0,40) ?? n.nodeName), [...r.removedNodes].map(n=>n.outerHTML?.slice(0,40) ?? n.nodeName)]))).observe(el, {childList:true, subtree:true});
    el.addEventListener('input', e => window.__log.push(['input', e.inputType, e.isTrusted]));
  }, BLOCK);
  await deleteBlockByHand(page, `${c} [g_editable=true]`);
  await page.waitForTimeout(500);
  console.log('after', await page.locator(`${c} [g_editable=true]`).innerHTML());
  console.log(JSON.stringify(await page.evaluate(() => window.__log)));
} finally { await session.close(); }
