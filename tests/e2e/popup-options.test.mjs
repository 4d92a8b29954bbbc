/**
 * The options page in real Chromium: a grant imported from a file, the full audit log filtered by
 * platform, decision and dates, the CSV export of exactly what is shown (an extension page's own
 * download, which Vigie's downloads guard lets through), and the language setting.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_HOLDER, demoGrantToken } from '../../scripts/make-demo-docs.ts';
import { openExtensionPage, poll, waitForText } from './extension.mjs';
import { startFixtureServer } from './server.mjs';
import { launchManagedBrowser, readLog, seedPlatformEvents } from './sync-helpers.mjs';
import { appendStoredInPage, BLOCK_EVENTS } from './log-store.mjs';

/** The log table's rows as [platform, event] pairs. */
async function tableRows(page) {
  return page.locator('table.log tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[1].textContent, r.cells[2].textContent]));
}

async function filter(page, { platform = '', verdict = '', from = '', to = '' }) {
  await page.locator('select[name=platform]').selectOption(platform);
  await page.locator('select[name=verdict]').selectOption(verdict);
  await page.locator('input[name=from]').fill(from);
  await page.locator('input[name=to]').fill(to);
  await page.getByRole('button', { name: 'Filtrer' }).click();
}

const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('the options page (French UI)', () => {
  let server;
  let s;
  let options;
  before(async () => {
    server = await startFixtureServer();
    s = await launchManagedBrowser({ port: server.port, lang: 'fr' });
  });
  after(async () => {
    await s?.close();
    await server?.close();
  });

  test('imports a grant from a file', async () => {
    const file = join(s.downloadDir, '..', 'subvention-camille.vigie');
    writeFileSync(file, `${await demoGrantToken()}\n`);
    options = await openExtensionPage(s.browser, 'options.html');
    await options.locator('#grant-file').setInputFiles(file);
    await poll(async () => (await options.locator('#grant-text').inputValue()).startsWith('vigie1.'), { what: 'the file read into the text box' });
    await options.getByRole('button', { name: /^\s*Importer\s*$/ }).click();
    await waitForText(options, `Autorisation importée pour ${DEMO_HOLDER.name}.`);
    await waitForText(options, `Autorisation actuelle\u00a0: ${DEMO_HOLDER.name}, Section locale 70 – Ottawa`);
  });

  test('the full log, filtered by platform, decision and date', async () => {
    await seedPlatformEvents(s.browser);
    await options.reload();
    await waitForText(options, 'Le journal d’audit ne contient aucun renseignement sur les membres');
    const all = await tableRows(options);
    assert.ok(all.length >= 5, `every event is listed (${all.length})`);
    assert.ok(all.some(([p, e]) => p === 'Vigie' && e === "Autorisation d’accès importée"));

    await filter(options, { platform: 'action-network' });
    await waitForText(options, 'Événements\u00a0: 2');
    assert.deepEqual(await tableRows(options), [
      ['Action Network', 'Téléchargement\u00a0: permis'],
      ['Action Network', 'Exportation\u00a0: blocage'],
    ]);

    await filter(options, { verdict: 'block' });
    await waitForText(options, 'Événements\u00a0: 1');
    assert.deepEqual(await tableRows(options), [['Action Network', 'Exportation\u00a0: blocage']]);

    await filter(options, { from: isoDay(1) });
    await waitForText(options, 'Événements\u00a0: 0');
    await waitForText(options, "Aucun événement pour l’instant.");

    await filter(options, { platform: 'gmail', from: isoDay(-1), to: isoDay(0) });
    await waitForText(options, /^Événements\u00a0: \d+$/);
    assert.ok((await tableRows(options)).every(([p]) => p === 'Gmail'));

    await options.getByRole('button', { name: 'Tout afficher' }).click();
    await poll(async () => (await tableRows(options)).length === all.length, { what: 'every event listed again' });
  });

  test('exports what is shown as CSV: a download of its own that Vigie does not stop', async () => {
    await filter(options, { platform: 'action-network' });
    await waitForText(options, 'Événements\u00a0: 2');
    const logBefore = (await readLog(s.browser)).length;
    await options.getByRole('button', { name: 'Exporter en CSV' }).click();
    const name = `vigie-audit-log-${isoDay(0)}.csv`;
    await poll(() => s.downloads().includes(name), { timeout: 10_000, what: `${name} in the downloads folder` });
    const csv = readFileSync(join(s.downloadDir, name), 'utf8');
    // Headers in the person's language, times on their clock (the zone named in the header, the offset in each cell).
    assert.match(csv, /^\uFEFFDate et heure \([\w/+-]+\),Plateforme,Type d’action,Suite donnée,Décision,Description,/, 'a BOM, then the header');
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    assert.equal(lines.length, 3, 'the header and the two events shown');
    assert.match(
      lines[1],
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2},action-network,export-click,decided,block,Action Network — exportation\u00a0: blocage,7\.2 8\.1\.c,export-needs-authorization,,https:\/\/admin\.actionnetwork\.org,\/reports\/membres-2026\/manage,/,
    );
    assert.match(lines[2], /,action-network,download,decided,allow,Action Network — téléchargement\u00a0: permis,7\.2,/);
    const logAfter = await readLog(s.browser);
    assert.equal(logAfter.length, logBefore, 'the export itself is not a guarded download: nothing decided, nothing logged');
  });

  test('the language setting switches the pages to English', async () => {
    await options.locator('#language').selectOption('en');
    await waitForText(options, 'The audit log holds no member data');
    const popup = await openExtensionPage(s.browser, 'popup.html');
    await waitForText(popup, 'Your access scope');
    await popup.close();
    await options.locator('#language').selectOption('auto');
    await waitForText(options, "Journal d’audit");
  });

  test('a corrupt log entry is shown as such in its place on the first page, and kept', async () => {
    // Written straight into IndexedDB, newest of all: the first page (read and checked by the
    // worker, sent with the page's state) must mark it, not drop it nor fail the page.
    const [id] = await options.evaluate(appendStoredInPage, {
      events: [{ time: Date.now() + 60000, platform: 'gmail', surface: 'copy', action: 'NOT AN ACTION' }],
      blockEvents: BLOCK_EVENTS,
    });
    await options.reload();
    await waitForText(options, `Entrée illisible (n° ${id})\u00a0: elle est conservée telle quelle`);
    const first = await options.locator('table.log tbody tr').first();
    assert.equal(await first.getAttribute('class'), 'corrupt');
    assert.equal(await first.locator('td').nth(2).textContent(), `Entrée illisible (n° ${id})\u00a0: elle est conservée telle quelle`);
    assert.ok((await readLog(s.browser)).some((e) => e.id === id), 'the entry is still in the log');
  });
});
