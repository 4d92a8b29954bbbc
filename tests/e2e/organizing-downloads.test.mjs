/**
 * Downloads of member data from Action Network and Action Builder, in real Chromium with a real
 * downloads folder: stopped before anything is written (the export control's dialog, and the
 * background's backstop in `downloads.onDeterminingFilename` for what no control recognised),
 * allowed by an export authorization in the grant (and logged), and let through on a warn-verdict
 * policy only with a justification.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PAGES } from './routes.mjs';
import { ORGANIZING_PAGES } from './routes-organizing.mjs';
import { fillDialogField, pressDialogButton, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import {
  SETTLE_MS,
  clearGrant,
  downloadEntries,
  now,
  pause,
  readClosed,
  readEvents,
  setGrant,
  setPolicy,
  signedPolicy,
  startOrganizingBrowser,
  waitForEvent,
  waitForFiles,
  warnOnExport,
} from './organizing-helpers.mjs';

const AUTHORIZATION = { platform: 'action-network', purpose: 'Envoi postal du bulletin', reference: 'BN-2026-041', expires: new Date(Date.now() + 30 * 86_400_000).toISOString() };

describe('downloads under the ACEP policy (French UI)', () => {
  let s;
  before(async () => {
    s = await startOrganizingBrowser('fr');
    await setGrant(s.browser);
  });
  after(() => s?.close());

  test('the report "Télécharger" link: the dialog cites 7.2 and nothing is downloaded', async () => {
    const since = await now(s.browser);
    const page = await s.open(PAGES.anAdminReport);
    await page.locator('#report_download').click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /Article 7\.2/);
    assert.match(dialog.text, /autorisation écrite du Bureau national/);
    assert.deepEqual(dialog.buttons.map((b) => b.label).filter((l) => l !== 'English'), ['Demander une autorisation', 'Annuler'], 'a block offers no override, and a next step');
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), [], 'no file in the downloads folder');
    const event = await waitForEvent(s.browser, (e) => e.surface === 'export-click' && e.verdict === 'block', { since });
    assert.deepEqual(event.ruleIds, ['export-needs-authorization']);
    assert.equal(event.origin, 'https://admin.actionnetwork.org');
    await pressDialogButton(page, 'Annuler');
    await waitForNoDialog(page);
    await page.close();
  });

  test('a CSV link the page follows by script: the backstop cancels it, erases it, and the page says why', async () => {
    const since = await now(s.browser);
    const page = await s.open(PAGES.anAdminReport);
    await page.evaluate(() => location.assign('/reports/membres-2026/download.csv'));
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download', { since });
    assert.equal(event.verdict, 'block');
    assert.equal(event.action, 'decided');
    assert.equal(event.detail, 'type=csv');
    assert.equal(event.path, '/reports/membres-2026/manage', 'the page (referrer) is logged, not the file');
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /arrêté un téléchargement \(fichier csv\)/);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), [], 'no file, not even a partial one');
    assert.deepEqual(await downloadEntries(s.browser), [], 'the cancelled entry is erased');
    await page.close();
  });

  test('a blob: download the page makes (no recognised control): stopped, no file', async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    await page.locator('#save_view').click();
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download', { since });
    assert.equal(event.verdict, 'block');
    assert.equal(event.origin, 'https://actionnetwork.org');
    assert.equal(event.path, undefined, 'a blob: URL has no page path to log');
    assert.doesNotMatch(JSON.stringify(event), /activists-view|example\.org/, 'no file name, no data');
    await waitForDialog(page);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), []);
    await page.close();
  });

  test('Action Builder: the Wall Chart "Exporter" button and an Uploads "CSV" link are stopped', async () => {
    const since = await now(s.browser);
    const wall = await s.open(ORGANIZING_PAGES.abWallChart);
    await wall.getByRole('button', { name: 'Exporter' }).click();
    await waitForDialog(wall);
    const uploads = await s.open(ORGANIZING_PAGES.abUploads);
    await uploads.getByRole('link', { name: 'CSV' }).first().click();
    await waitForDialog(uploads);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), []);
    const events = (await readEvents(s.browser)).filter((e) => e.time >= since && e.platform === 'action-builder');
    assert.equal(events.filter((e) => e.surface === 'export-click' && e.verdict === 'block').length, 2);
    await wall.close();
    await uploads.close();
  });

  test('keyboard activation (Enter on the focused link) is caught like a click', async () => {
    const page = await s.open(ORGANIZING_PAGES.anUploads);
    await page.locator('#upload_download').focus();
    await page.keyboard.press('Enter');
    await waitForDialog(page);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), []);
    await page.close();
  });

  test('Ctrl+S (save the page, its member table included) is stopped like an export', async () => {
    const since = await now(s.browser);
    const page = await s.open(PAGES.anAdminReport);
    await page.keyboard.press('ControlOrMeta+S');
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /Article 7\.2/);
    assert.doesNotMatch(dialog.text, /Ctrl\+S/, 'a block does not invite trying again');
    const event = await waitForEvent(s.browser, (e) => e.surface === 'export-click' && e.detail === 'save-page', { since });
    assert.equal(event.verdict, 'block');
    await pressDialogButton(page, 'Annuler');
    await page.close();
  });

  test("the page's own showSaveFilePicker() (a file written past the downloads API) is decided as a download", async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    const outcome = page.evaluate(() => window.showSaveFilePicker({ suggestedName: 'x.csv' }).then(() => 'opened', (e) => e.name));
    await waitForDialog(page);
    await pressDialogButton(page, 'Annuler');
    assert.equal(await outcome, 'AbortError');
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download' && e.detail === 'save-file-picker', { since });
    assert.equal(event.verdict, 'block');
    await page.close();
  });

  test('with no grant at all, the dialog says so and names the privacy officer', async () => {
    await clearGrant(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anDonors);
    await pause(500); // the content script hears about the grant through storage
    await page.locator('#donors_download').click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /Aucune autorisation d'accès/);
    assert.match(dialog.text, /vieprivee@acep-cape\.ca/);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), []);
    await setGrant(s.browser);
    await page.close();
  });
});

describe('an export authorization in the grant (English UI)', () => {
  let s;
  before(async () => {
    s = await startOrganizingBrowser('en-US');
    await setGrant(s.browser, { exportAuthorizations: [AUTHORIZATION] });
  });
  after(() => s?.close());

  test('the report download goes through, the page says which authorization, both steps are logged', async () => {
    const since = await now(s.browser);
    const page = await s.open(PAGES.anReport);
    await page.locator('#report_download').click();
    const files = await waitForFiles(s, (f) => f.includes('membres-2026.csv'), { what: 'membres-2026.csv' });
    assert.deepEqual(files, ['membres-2026.csv']);
    assert.equal(await readDialog(page), undefined, 'no dialog: nothing was stopped');
    const notice = await readClosed(page, 'vigie-notice');
    assert.match(notice.text, /Export authorized Your written authorization BN-2026-041 \(Envoi postal du bulletin\) allows this export until/);
    const click = await waitForEvent(s.browser, (e) => e.surface === 'export-click', { since });
    assert.equal(click.verdict, 'allow');
    assert.equal(click.detail, 'authorization=BN-2026-041');
    const download = await waitForEvent(s.browser, (e) => e.surface === 'download', { since });
    assert.equal(download.verdict, 'allow');
    assert.equal(download.detail, 'type=csv authorization=BN-2026-041');
    assert.equal(download.grantId, 'demo-sl70-executive');
    await page.close();
  });

  test('it covers Action Network only: an Action Builder export is still stopped', async () => {
    const page = await s.open(ORGANIZING_PAGES.abUploads);
    await page.getByRole('link', { name: 'CSV' }).first().click();
    await waitForDialog(page);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), ['membres-2026.csv']);
    await page.close();
  });
});

describe('a policy whose export rule warns (English UI)', () => {
  let s;
  before(async () => {
    s = await startOrganizingBrowser('en-US');
    await setPolicy(s.browser, await signedPolicy(warnOnExport));
    await setGrant(s.browser);
  });
  after(() => s?.close());

  test('the click goes on only with a justification, and the download it starts is not asked again', async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anUploads);
    await pause(500);
    await page.locator('#upload_download').click();
    await waitForDialog(page);
    await pressDialogButton(page, 'Export anyway');
    // The justification step: pressing again with nothing written is refused, with the minimum stated.
    await pressDialogButton(page, 'Export anyway');
    const refused = await readDialog(page);
    assert.match(refused.text, /Write at least 10 characters/);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), [], 'no justification, no file');
    await fillDialogField(page, 'textarea', 'Liste pour le scrutin de grève, approuvée');
    await pressDialogButton(page, 'Export anyway');
    await waitForNoDialog(page);
    const files = await waitForFiles(s, (f) => f.includes('membres-2026-import.csv'), { what: 'the uploaded list' });
    assert.deepEqual(files, ['membres-2026-import.csv']);
    const overridden = await waitForEvent(s.browser, (e) => e.surface === 'export-click' && e.action === 'overridden', { since });
    assert.equal(overridden.justification, 'Liste pour le scrutin de grève, approuvée');
    const download = await waitForEvent(s.browser, (e) => e.surface === 'download' && e.action === 'overridden', { since });
    assert.equal(download.detail, 'type=csv approved-in-page');
  });

  test('a download no control recognised is held, asked about in the page, and written only once justified', async () => {
    const since = await now(s.browser);
    const earlier = s.downloads();
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    await page.locator('#save_view').click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /holding a download \(csv file\)/);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), earlier, 'held: nothing written, not even a partial file');
    await fillDialogField(page, 'textarea', 'Vérification de la liste du comité');
    await pressDialogButton(page, 'Download anyway');
    await waitForFiles(s, (f) => f.includes('activists-view.csv'), { what: 'activists-view.csv' });
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download' && e.action === 'overridden', { since });
    assert.equal(event.justification, 'Vérification de la liste du comité');
    await page.close();
  });

  test('if the worker is stopped while a download is held (Chrome then lets it go on), the next worker deletes the file and logs it', async () => {
    const earlier = s.downloads();
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    await page.locator('#save_view').click();
    await waitForDialog(page);
    const cdp = await s.browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // The download's end wakes a new worker (Playwright keeps the same handle for it).
    const event = await waitForEvent(s.browser, (e) => e.surface === 'download' && /worker-stopped-while-held/.test(e.detail ?? ''), { timeout: 10_000 });
    assert.equal(event.action, 'removed');
    assert.equal(event.platform, 'action-network');
    assert.deepEqual(s.downloads(), earlier, 'the file written meanwhile is gone');
    await page.close();
  });

  test('a held download the person cancels is cancelled and erased', async () => {
    const before = s.downloads().length;
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    await page.locator('#save_view').click();
    await waitForDialog(page);
    await pressDialogButton(page, 'Cancel');
    await waitForEvent(s.browser, (e) => e.surface === 'download' && e.action === 'cancelled', { since });
    await pause(SETTLE_MS);
    assert.equal(s.downloads().length, before);
    await page.close();
  });
});
