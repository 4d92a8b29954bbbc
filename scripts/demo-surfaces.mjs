#!/usr/bin/env node
/**
 * Screenshots of the three surfaces issue 11 found worst, for any build of Vigie, so a change
 * can be shown before and after: the block dialog on an Action Network report download and the
 * send dialog of a Gmail email with several problems, both on a 1366×600 laptop screen, and the
 * popup with no grant recorded.
 *
 *   node scripts/demo-surfaces.mjs --extension .e2e/build/chrome-mv3-demo --out .demo/surfaces/after [--lang fr]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { values } = parseArgs({ options: { extension: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string', default: 'fr' } } });
if (!values.extension || !values.out) throw new Error('usage: node scripts/demo-surfaces.mjs --extension DIR --out DIR [--lang fr]');
const { launchBrowser } = await import('../tests/e2e/browser.mjs');
const { startFixtureServer } = await import('../tests/e2e/server.mjs');
const { ROUTES, PAGES } = await import('../tests/e2e/routes.mjs');
const { WEBMAIL_ROUTES, WEBMAIL_PAGES, webmailUrl } = await import('../tests/e2e/routes-webmail.mjs');
const { openExtensionPage, openFixture } = await import('../tests/e2e/extension.mjs');
const { waitForDialog } = await import('../tests/e2e/shadow-dialog.mjs');
const { deleteBlockByHand, fixtureState, typeAtStart, waitForCount, BLOCK } = await import('../tests/e2e/webmail-helpers.mjs');
const { demoGrantToken } = await import('./make-demo-docs.ts');

const lang = values.lang;
mkdirSync(values.out, { recursive: true });
const server = await startFixtureServer({ routes: [...ROUTES, ...WEBMAIL_ROUTES] });
const browser = await launchBrowser({ port: server.port, lang, headless: true, extensionDir: values.extension });
const shot = async (page, name) => {
  await page.waitForTimeout(600); // let the dialog paint
  await page.screenshot({ path: join(values.out, `${name}.png`) });
  console.log(join(values.out, `${name}.png`));
};
try {
  const popup = await openExtensionPage(browser, 'popup.html', { folded: true });
  await popup.setViewportSize({ width: 420, height: 640 });
  await shot(popup, '3-popup-no-grant');
  await browser.serviceWorker.evaluate((t) => chrome.storage.local.set({ 'vigie:grant': t }), await demoGrantToken());

  const { page: report } = await openFixture(browser, PAGES.anAdminReport);
  await report.setViewportSize({ width: 1366, height: 600 });
  await report.waitForTimeout(800);
  await report.locator('#report_download').click();
  await waitForDialog(report);
  await shot(report, '1-action-network-block-dialog');

  const { page: mail } = await openFixture(browser, webmailUrl(WEBMAIL_PAGES.gmail.popup, lang.slice(0, 2)));
  await mail.setViewportSize({ width: 1366, height: 600 });
  const { opened } = await fixtureState(mail);
  await mail.locator('.T-I-KE').click();
  const c = `.M9:has(input[name=composeid][value="fixture-new-compose-${opened + 1}"])`;
  await waitForCount(mail, `${c} ${BLOCK}`, 1);
  await deleteBlockByHand(mail, `${c} [g_editable=true]`);
  await typeAtStart(mail, `${c} [g_editable=true]`, 'Bonjour à toutes et à tous, voici le compte rendu de la rencontre de jeudi avec la direction. Nous avons discuté des horaires, du télétravail et des griefs en cours; une réponse écrite suivra avant la fin du mois. ');
  await mail.keyboard.press('Control+Enter');
  await waitForDialog(mail);
  await shot(mail, '2-gmail-send-dialog-several-problems');
} finally {
  await browser.close();
  await server.close();
}
