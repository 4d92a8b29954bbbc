/**
 * The organizing fixtures against Vigie's recognition, in Chromium without the extension: on
 * every committed Action Network and Action Builder page, in both languages, the export controls
 * that label, URL and the platform selectors recognise are exactly the ones the page offers, and
 * each selector chain of the email step finds what it should. A fixture or a rule that drifts fails
 * here before it fails a guard.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { openFixture } from './extension.mjs';
import { PAGES, ROUTES } from './routes.mjs';
import { ORGANIZING_PAGES, ORGANIZING_ROUTES } from './routes-organizing.mjs';
import { ROOT, startFixtureServer } from './server.mjs';

/** lib/organizing/export-controls.ts as a page script: it imports nothing, so stripping types is enough. */
const RECOGNITION = stripTypeScriptTypes(readFileSync(join(ROOT, 'lib/organizing/export-controls.ts'), 'utf8')).replace(/^export /gm, '');

async function recognised(page, selectors) {
  await page.addScriptTag({ content: `${RECOGNITION}\nwindow.__vigieRecognise = (sels) => [...document.querySelectorAll(ACTIVATABLE)].filter((el) => exportControlOf(el, sels)).map((el) => el.id || el.textContent.trim());` });
  return page.evaluate((sels) => window.__vigieRecognise(sels), selectors);
}

/** The bundled site pack, where the adapters' selectors live. */
const SITES = JSON.parse(readFileSync(join(ROOT, 'lib/packs/sites.json'), 'utf8')).platforms;
const ACTION_NETWORK = SITES['action-network'].lookups;
const ACTION_BUILDER = SITES['action-builder'].lookups;

const AN = ACTION_NETWORK.exportControls.fallbacks;
const AB = ACTION_BUILDER.exportControls.fallbacks;

/** [page, platform selectors, export controls expected (ids, else labels)] */
const EXPECTED = [
  [PAGES.anAdminReport, AN, ['report_download']],
  [PAGES.anGroup, AN, ['email_statistics_download', 'transactions_download']],
  [ORGANIZING_PAGES.anDonors, AN, ['donors_download']],
  [ORGANIZING_PAGES.anUploads, AN, ['upload_download']],
  // "Save this view" makes a blob: download no rule recognises: only the backstop sees it.
  [ORGANIZING_PAGES.anActivists, AN, []],
  [ORGANIZING_PAGES.anEmailWrite, AN, []],
  [ORGANIZING_PAGES.anEmailPreview, AN, []],
  [ORGANIZING_PAGES.abWallChart, AB, ['wall_chart_export']],
  [ORGANIZING_PAGES.abUploads, AB, ['CSV', 'CSV']],
];

describe('organizing fixtures and recognition (Chromium, no extension)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startFixtureServer({ routes: [...ROUTES, ...ORGANIZING_ROUTES] });
    browser = await launchBrowser({ port: server.port, extensionDir: null, lang: 'en-US' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['en', 'fr']) {
    for (const [url, selectors, expected] of EXPECTED) {
      test(`${lang}: ${new URL(url).host}${new URL(url).pathname} has ${expected.length} export control(s), all recognised`, async () => {
        const { page } = await openFixture(browser, `${url}?hl=${lang}`);
        assert.deepEqual(await recognised(page, selectors), expected);
        // The site's own ids only add certainty: label and URL alone find the same controls.
        assert.deepEqual(await page.evaluate(() => window.__vigieRecognise([])), expected);
        await page.close();
      });
    }

    test(`${lang}: each email-step selector chain finds one element on the preview step, its first fallback`, async () => {
      const { page } = await openFixture(browser, `${ORGANIZING_PAGES.anEmailPreview}?hl=${lang}`);
      for (const key of ['wrapperChooser', 'preview', 'subject', 'fromName']) {
        const [primary] = ACTION_NETWORK[key].fallbacks;
        assert.equal(await page.locator(primary).count(), 1, `${key}: ${primary}`);
      }
      assert.equal(await page.locator('#email_wrapper_id option').count(), 3);
      await page.close();
    });

    test(`${lang}: the write step has no wrapper chooser nor preview (so no send step), but its subject and From fields are found`, async () => {
      const { page } = await openFixture(browser, `${ORGANIZING_PAGES.anEmailWrite}?hl=${lang}`);
      for (const key of ['wrapperChooser', 'preview']) {
        for (const selector of ACTION_NETWORK[key].fallbacks) assert.equal(await page.locator(selector).count(), 0, `${key}: ${selector}`);
      }
      assert.equal(await page.locator(ACTION_NETWORK.subject.fallbacks[1]).count(), 1);
      assert.equal(await page.locator(ACTION_NETWORK.fromName.fallbacks[1]).count(), 1);
      await page.close();
    });
  }

  test('every request was a fixture (no stray request)', () => {
    assert.deepEqual(server.misses(), []);
  });
});
