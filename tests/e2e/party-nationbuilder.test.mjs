/**
 * NationBuilder under the party's signed policy, in real Chromium with a real downloads folder:
 * a party member (clearance "restricted") is stopped exporting the people list, with nothing
 * written; a BEN member (clearance "confidential") is warned and exports only with a justification;
 * the per-person Privacy → Data download is stopped by the same rules.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SETTLE_MS, now, pause, waitForEvent, waitForFiles } from './organizing-helpers.mjs';
import { setPartyGrant, startPartyBrowser } from './party-helpers.mjs';
import { PARTY_PAGES } from './routes-party.mjs';
import { fillDialogField, pressDialogButton, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';

async function openActionsMenu(page) {
  await page.locator('#people_actions summary').click();
}

describe('NationBuilder people export (French UI)', () => {
  let s;
  before(async () => {
    s = await startPartyBrowser('fr');
  });
  after(() => s?.close());

  test('a party member: Actions → Exporter is stopped, cites its two sections by title (the policy numbers none), nothing is written', async () => {
    const since = await now(s.browser);
    const page = await s.open(PARTY_PAGES.nbPeople);
    await openActionsMenu(page);
    await page.getByRole('menuitem', { name: 'Exporter' }).click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /exporter une banque d’information du Parti ne vous est pas permis/);
    assert.match(dialog.text, /Section « Les banques d’information : centralisées, distribuées selon le besoin »/);
    assert.match(dialog.text, /Section « Membres du Parti : entente de confidentialité, accès limité à la tâche »/);
    assert.doesNotMatch(dialog.text, /Article \d/, 'no invented article numbers');
    assert.deepEqual(dialog.buttons.map((b) => b.label).filter((l) => l !== 'English'), ['Demander une autorisation', 'Annuler'], 'a block offers no override, and a next step');
    const event = await waitForEvent(s.browser, (e) => e.surface === 'export-click' && e.verdict === 'block', { since });
    assert.deepEqual(event.ruleIds, ['data-bank-export-below-confidential']);
    assert.equal(event.platform, 'nationbuilder');
    assert.equal(event.policyId, 'pcq-platform-access');
    await pressDialogButton(page, 'Annuler');
    await waitForNoDialog(page);
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), [], 'no file in the downloads folder');
    await page.close();
  });

  test('a party member: Confidentialité → Téléchargement des données is stopped too', async () => {
    const since = await now(s.browser);
    const page = await s.open(PARTY_PAGES.nbPerson);
    await page.getByText('Téléchargement des données').click();
    await waitForDialog(page);
    await waitForEvent(s.browser, (e) => e.surface === 'export-click' && e.verdict === 'block', { since });
    await pressDialogButton(page, 'Annuler');
    await pause(SETTLE_MS);
    assert.deepEqual(s.downloads(), []);
    await page.close();
  });

  test('a BEN member: warned; the export goes through only with a justification, which is logged', async () => {
    await setPartyGrant(s.browser, { id: 'demo-pcq-ben', role: 'ben-member', task: undefined });
    const since = await now(s.browser);
    const page = await s.open(PARTY_PAGES.nbPeople);
    await openActionsMenu(page);
    await page.getByRole('menuitem', { name: 'Exporter' }).click();
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /dites pour quelle fonction/);
    await pressDialogButton(page, 'Exporter quand même');
    assert.ok(await waitForDialog(page), 'no justification: the dialog stays');
    await fillDialogField(page, 'textarea', 'Relance des bénévoles du BEN, mandat du 12 mars');
    await pressDialogButton(page, 'Exporter quand même');
    await waitForNoDialog(page);
    const files = await waitForFiles(s, (f) => f.includes('people-export.csv'), { what: 'people-export.csv' });
    assert.ok(files.includes('people-export.csv'));
    const event = await waitForEvent(s.browser, (e) => e.surface === 'export-click' && e.action === 'overridden', { since });
    assert.equal(event.justification, 'Relance des bénévoles du BEN, mandat du 12 mars');
    assert.deepEqual(event.ruleIds, ['data-bank-export']);
    await page.close();
  });
});
