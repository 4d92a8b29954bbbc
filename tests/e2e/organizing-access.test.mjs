/**
 * The access state on Action Network and Action Builder, in real Chromium: while the grant is
 * missing, expired or revoked (by the policy's revocation list), a banner that cannot be dismissed
 * says why and whom to contact, in French and English, and every export is blocked; it goes away
 * by itself when a valid grant arrives.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PAGES } from './routes.mjs';
import { ORGANIZING_PAGES } from './routes-organizing.mjs';
import { waitForDialog } from './shadow-dialog.mjs';
import {
  SETTLE_MS,
  clearGrant,
  pause,
  readBanner,
  setGrant,
  setPolicy,
  signedPolicy,
  startOrganizingBrowser,
  waitForBanner,
  waitForNoBanner,
} from './organizing-helpers.mjs';

const DAY = 86_400_000;

describe('the access banner (French UI)', () => {
  let s;
  before(async () => {
    s = await startOrganizingBrowser('fr');
  });
  after(() => s?.close());

  test('a grant revoked by the policy: the banner says so in both languages, with the contact, and exports are blocked', async () => {
    await setPolicy(s.browser, await signedPolicy((p) => ({ ...p, revokedGrants: ['demo-sl70-executive'] })));
    await setGrant(s.browser);
    const page = await s.open(PAGES.anReport);
    const banner = await waitForBanner(page);
    assert.equal(banner.shadowRootType, 'closed');
    assert.match(banner.text, /Vigie\s: exportations bloquées/);
    assert.match(banner.text, /Votre autorisation d’accès a été révoquée/);
    assert.match(banner.text, /Your access authorization has been revoked/);
    assert.match(banner.text, /vieprivee@acep-cape\.ca/);
    await page.locator('#report_download').click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /révoquée/);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), []);
    await page.close();
  });

  test('the page cannot dismiss it: removed, it comes back', async () => {
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    await waitForBanner(page);
    await page.evaluate(() => document.querySelector('vigie-access-banner').remove());
    await pause(100);
    assert.ok(await readBanner(page), 'back after the page removed it');
    await page.close();
  });

  test('it shows on Action Builder too, and goes away when a valid grant is in force', async () => {
    const page = await s.open(ORGANIZING_PAGES.abWallChart);
    await waitForBanner(page);
    await setPolicy(s.browser, await signedPolicy((p) => ({ ...p, version: p.version + 1, revokedGrants: [] })));
    await waitForNoBanner(page);
    await page.close();
  });

  test('a missing grant, then an expired one', async () => {
    await clearGrant(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anUploads);
    assert.match((await waitForBanner(page)).text, /Aucune autorisation d’accès/);
    const now = Date.now();
    await setGrant(s.browser, { issuedAt: new Date(now - 400 * DAY).toISOString(), expiresAt: new Date(now - DAY).toISOString() });
    await page.reload();
    assert.match((await waitForBanner(page)).text, /Your access authorization has expired/);
    await setGrant(s.browser);
    await waitForNoBanner(page);
    await page.close();
  });
});
