/**
 * The party's Nextcloud (its host, nuage.pcq.example, comes only from the policy), in real
 * Chromium: the Files app starts downloads the way Nextcloud does, with a detached `<a download>`
 * clicked by script, which no content script sees; the background's downloads backstop maps the
 * download's host to the policy's platform and stops it for a party member, with nothing written.
 * (No content script runs on this host: see the report on the share-link guard.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SETTLE_MS, downloadEntries, now, pause, waitForEvent, waitForFiles } from './organizing-helpers.mjs';
import { setPartyGrant, startPartyBrowser } from './party-helpers.mjs';
import { PARTY_PAGES } from './routes-party.mjs';

describe('Nextcloud downloads under the party policy', () => {
  let s;
  before(async () => {
    s = await startPartyBrowser('fr');
  });
  after(() => s?.close());

  for (const [what, row] of [['a folder as zip (ajax/download.php)', 'Listes-membres'], ['a single file (WebDAV)', 'plan-media.pdf']]) {
    test(`party member: ${what} is cancelled by the backstop, no file written, logged`, async () => {
      const since = await now(s.browser);
      const page = await s.open(PARTY_PAGES.nextcloudFiles);
      await page.locator(`tr[data-cy-files-list-row-name="${row}"] [data-action="download"]`).click();
      const event = await waitForEvent(s.browser, (e) => e.surface === 'download' && e.platform === 'nextcloud', { since });
      assert.equal(event.verdict, 'block');
      assert.deepEqual(event.ruleIds, ['data-bank-export-below-confidential']);
      assert.equal(event.origin, 'https://nuage.pcq.example');
      await pause(SETTLE_MS);
      assert.deepEqual(s.downloads(), [], 'no file, not even a partial one');
      assert.deepEqual(await downloadEntries(s.browser), [], 'the cancelled entry is erased');
      await page.close();
    });
  }

  test('the President (audit): the same download goes through and is logged', async () => {
    await setPartyGrant(s.browser, { id: 'demo-pcq-president', role: 'president', platforms: ['*'], task: undefined });
    const since = await now(s.browser);
    const page = await s.open(PARTY_PAGES.nextcloudFiles);
    await page.locator('tr[data-cy-files-list-row-name="plan-media.pdf"] [data-action="download"]').click();
    await waitForFiles(s, (f) => f.includes('plan-media.pdf'), { what: 'plan-media.pdf' });
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download' && e.platform === 'nextcloud', { since });
    assert.equal(event.verdict, 'audit');
    assert.deepEqual(event.ruleIds, ['data-bank-export-leaders']);
    await page.close();
  });
});
