/**
 * A site fix shipped as signed data, in real Chromium configured the way IT configures it: a
 * managed-policy file naming the site-pack URL and IT's signing key. An Action Builder page after
 * a (simulated) redesign has an export button that neither its label nor its URL nor the bundled
 * selectors recognise, so Vigie lets it through. The national office publishes a signed pack that
 * adds its selector; at the next sync the tab, never reloaded, stops that export. A tampered pack
 * published afterwards is refused and the fix stays in force.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateKeyPair, signDocument } from '../../lib/core/signature.ts';
import { poll } from './extension.mjs';
import { policyServer } from './routes-sync.mjs';
import { ROOT, startFixtureServer } from './server.mjs';
import { waitForDialog } from './shadow-dialog.mjs';
import { fireSyncAlarm, launchManagedBrowser, readStorage, trustedKey, waitForLog } from './sync-helpers.mjs';

const BUNDLED = JSON.parse(readFileSync(join(ROOT, 'lib/packs/sites.json'), 'utf8'));
const FIX_VERSION = BUNDLED.version + 1;
const NEW_SELECTOR = 'button[data-testid="people-csv"]';
const PAGE = 'https://section70.actionbuilder.org/campaigns/5f0c1d2e/wall_chart_v2';

/**
 * The Wall Chart after a redesign [G, made for this test]: the export is an icon button whose
 * only name is "Obtenir la liste", posting to an address that does not say "export" either. The
 * page's own handler marks the body when it runs, i.e. when the export went ahead.
 */
const REDESIGNED = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Tableau mural</title></head>
<body><h1>Tableau mural — Campagne d'adhésion</h1>
<table><tr><td>Marie Tremblay</td><td>marie.tremblay@example.org</td></tr></table>
<button type="button" class="ab-toolbar__action" data-testid="people-csv" aria-label="Obtenir la liste"><svg width="16" height="16" aria-hidden="true"><rect width="16" height="16"/></svg></button>
<script>document.querySelector('[data-testid="people-csv"]').addEventListener('click', () => { document.body.dataset.exported = String(Number(document.body.dataset.exported || 0) + 1); });</script>
</body></html>`;

/** The bundled pack at `version`, its Action Builder export lookup given one more fallback. */
function fixedPack(version) {
  const pack = structuredClone(BUNDLED);
  pack.version = version;
  pack.note = 'Action Builder: the redesigned Wall Chart export button';
  pack.platforms['action-builder'].lookups.exportControls.fallbacks.push(NEW_SELECTOR);
  return pack;
}

async function waitForSitesVersion(browser, version) {
  return poll(async () => (await readStorage(browser, 'vigie:sites'))?.payload?.version === version, { timeout: 25_000, what: `vigie:sites at version ${version}` });
}

describe('a signed site pack reaches an open tab without a reload', () => {
  let server;
  let sites;
  let s;
  let itKey;
  before(async (t) => {
    server = await startFixtureServer();
    server.route({ host: 'section70.actionbuilder.org', path: new URL(PAGE).pathname, body: REDESIGNED });
    sites = policyServer(server, '/vigie/sites.signed.json');
    sites.serve('nothing published yet', { code: 404 });
    itKey = await generateKeyPair();
    s = await launchManagedBrowser({ port: server.port, config: { sitesUrl: sites.url, trustedKeys: [trustedKey(itKey)] } });
    if (!s) t.skip('a Chromium policy file needs root');
  });
  after(async () => {
    await s?.close();
    await server?.close();
  });

  test('before the fix the redesigned button exports; after it, the same tab stops the export', async () => {
    const page = await s.browser.context.newPage();
    await page.goto(PAGE);
    await page.evaluate(() => {
      window.__sameDocument = 'not reloaded';
    });
    const exported = () => page.evaluate(() => Number(document.body.dataset.exported || 0));

    // The bundled pack does not know the button: the page's export runs and Vigie says nothing.
    await page.getByRole('button', { name: 'Obtenir la liste' }).click();
    await poll(async () => (await exported()) === 1, { what: "the page's own export handler" });
    assert.equal(await readStorage(s.browser, 'vigie:sites'), undefined);

    sites.serve(await signDocument('sites', fixedPack(FIX_VERSION), itKey));
    await fireSyncAlarm(s.browser);
    await waitForSitesVersion(s.browser, FIX_VERSION);
    await waitForLog(s.browser, (e) => e.action === 'sites-updated' && e.detail === `url v${FIX_VERSION}`, { what: 'the sites-updated event' });

    // The content script re-reads its context when the pack changes, a message round trip later:
    // click until the guard answers, and check that the click it answered exported nothing.
    let exportsBefore;
    const dialog = await poll(
      async () => {
        exportsBefore = await exported();
        await page.getByRole('button', { name: 'Obtenir la liste' }).click();
        return waitForDialog(page, { timeout: 1_000 }).catch(() => undefined);
      },
      { timeout: 15_000, interval: 250, what: 'the export dialog on the redesigned button' },
    );
    assert.match(dialog.text, /7\.2/);
    assert.equal(await exported(), exportsBefore, 'the click the guard answered did not export');
    assert.equal(await page.evaluate(() => window.__sameDocument), 'not reloaded');
    await page.close();
  });

  test('a tampered pack published afterwards is refused, says why, and the fix stays in force', async () => {
    const tampered = await signDocument('sites', fixedPack(FIX_VERSION + 1), itKey);
    tampered.payload.platforms['action-builder'].lookups.exportControls.fallbacks = ['#nothing-here'];
    sites.serve(tampered);
    await fireSyncAlarm(s.browser);
    const status = await poll(
      async () => {
        const held = await readStorage(s.browser, 'vigie:sites-status');
        return held?.problems?.some((p) => p.code === 'bad-signature') && held;
      },
      { timeout: 25_000, what: 'the refusal in vigie:sites-status' },
    );
    assert.deepEqual(status.problems, [{ source: 'url', code: 'bad-signature', version: FIX_VERSION + 1 }]);
    assert.equal(status.version, FIX_VERSION);
    await waitForLog(s.browser, (e) => e.action === 'sites-refused' && e.detail === `url bad-signature v${FIX_VERSION + 1}`, { what: 'the sites-refused event' });
    assert.equal((await readStorage(s.browser, 'vigie:sites')).payload.version, FIX_VERSION);

    const page = await s.browser.context.newPage();
    await page.goto(PAGE);
    await page.getByRole('button', { name: 'Obtenir la liste' }).click();
    await waitForDialog(page);
    assert.equal(await page.evaluate(() => Number(document.body.dataset.exported || 0)), 0);
    await page.close();
  });
});
