/**
 * The officer's console and the extension over the organisation's policy server, configured by IT
 * (Chromium's managed-policy file trusts the officer's key and names the policy URL). An export
 * authorization added in the console, once its re-issued token is imported, lets the Action
 * Network report download through; revoking the grant in the console signs the next policy
 * version, which — published on the policy server — blocks the same export at the next sync.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateKeyPair } from '../../lib/core/signature.ts';
import { importGrantViaOptions, openFixture, poll, waitForText } from './extension.mjs';
import { PAGES, ROUTES } from './routes.mjs';
import { ORGANIZING_ROUTES } from './routes-organizing.mjs';
import { policyServer } from './routes-sync.mjs';
import { startFixtureServer } from './server.mjs';
import { waitForDialog } from './shadow-dialog.mjs';
import { fireSyncAlarm, launchManagedBrowser, readStorage, trustedKey } from './sync-helpers.mjs';
import { goTo, issueThroughForm, readToken, shoot, startConsole } from './officer-helpers.mjs';

const HOLDER = { name: 'Nadia Bouchard', email: 'nadia.bouchard@example.org' };

async function waitForPolicyVersion(browser, version) {
  return poll(async () => (await readStorage(browser, 'vigie:policy'))?.payload?.version === version, {
    timeout: 30_000,
    what: `storage.local['vigie:policy'] at version ${version}`,
  });
}

describe('console → policy server → extension (French UI)', () => {
  let server;
  let policies;
  let s;
  let console_;
  let page;
  let token;
  before(async (t) => {
    server = await startFixtureServer({ routes: [...ROUTES, ...ORGANIZING_ROUTES] });
    policies = policyServer(server);
    const key = await generateKeyPair();
    console_ = await startConsole(key);
    // Publishing = putting the file the console wrote on the organisation's web server.
    policies.serve(console_.publishedPolicy());
    s = await launchManagedBrowser({ port: server.port, config: { policyUrl: policies.url, trustedKeys: [trustedKey(key, "Responsable de l'ACEP")] } });
    if (!s) return t.skip('a Chromium policy file needs root');
    page = await console_.open(s.browser);
    await waitForPolicyVersion(s.browser, 1);
  });
  after(async () => {
    await s?.close();
    await console_?.close();
    await server?.close();
  });

  test('an export authorization added in the console lets the report download through', async () => {
    const first = await issueThroughForm(page, HOLDER);
    await page.getByLabel('But de l’exportation').fill('Envoi postal du bulletin');
    await page.getByLabel('Référence de l’autorisation écrite').fill('BN-2026-041');
    await page.getByLabel('Valide jusqu’au').fill('2027-01-31');
    await page.getByRole('button', { name: 'Ajouter et réémettre' }).click();
    await waitForText(page, 'Autorisation ajoutée\u00a0: envoyez le nouveau jeton.');
    token = await readToken(page, first);
    await (await importGrantViaOptions(s.browser, token, { holderName: HOLDER.name, timeout: 15_000 })).close();
    const { page: report } = await openFixture(s.browser, PAGES.anReport);
    await report.locator('#report_download').click();
    const files = await poll(() => s.downloads().find((f) => f.includes('membres-2026.csv')), { timeout: 20_000, what: 'membres-2026.csv downloaded' });
    assert.ok(files);
    await report.close();
  });

  test('revoking in the console, once published, blocks the export at the next sync', async () => {
    await goTo(page, 'Personnes et accès');
    await page.getByRole('button', { name: `Ouvrir l’accès de ${HOLDER.name}` }).click();
    await page.getByRole('button', { name: 'Révoquer…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Motif').fill('Fin de mandat au conseil exécutif');
    await dialog.getByRole('button', { name: 'Révoquer et signer la politique' }).click();
    await waitForText(page, 'Accès révoqué\u00a0: politique version 2 signée et prête à publier.');
    await shoot(page, 'revoked');
    policies.serve(console_.publishedPolicy());
    const before = s.downloads().length;
    const { page: report } = await openFixture(s.browser, PAGES.anReport);
    await fireSyncAlarm(s.browser);
    await waitForPolicyVersion(s.browser, 2);
    await report.locator('#report_download').click();
    const shown = await waitForDialog(report, { timeout: 15_000 });
    assert.match(shown.text, /révoquée/i);
    assert.equal(s.downloads().length, before, 'nothing more was downloaded');
  });
});
