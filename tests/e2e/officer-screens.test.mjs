/**
 * The officer's console screens in real Chromium (no extension needed): a spreadsheet with one
 * bad row is refused whole (nothing issued), then, fixed, issued whole; the filters; the policy in
 * plain words with live, located validation of the JSON and its diff; the audit trail filtered;
 * the English switch. Screenshots go to .e2e/screenshots/officer-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateKeyPair } from '../../lib/core/signature.ts';
import { listEntries } from '../../lib/officer/register-service.ts';
import { launchBrowser } from './browser.mjs';
import { waitForText } from './extension.mjs';
import { startFixtureServer } from './server.mjs';
import { axeViolations, goTo, shoot, startConsole } from './officer-helpers.mjs';

const CSV_HEADER = 'name,email,role,section,platforms,expires,declaration_date,training_date';
const CSV_ROWS = [
  'Léa Tremblay,lea.tremblay@example.org,cla,70,action-builder,2027-06-30,2026-01-31,2026-02-15',
  '"Côté, Marc",marc.cote@example.org,executive,12,action-network action-builder,2027-06-30,2026-01-31,',
  'Paul Roy,paul.roy-at-example.org,cla,12,action-builder,2027-06-30,2026-01-31,2026-02-15',
];

describe("the officer's console screens (French UI)", () => {
  let server;
  let browser;
  let console_;
  let page;
  before(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ port: server.port, lang: 'fr', extensionDir: null });
    console_ = await startConsole(await generateKeyPair());
    page = await console_.open(browser);
  });
  after(async () => {
    await browser?.close();
    await console_?.close();
    await server?.close();
  });

  test('a spreadsheet with one bad row is refused whole; fixed, all its rows are issued', async () => {
    await goTo(page, 'Émission en lot (CSV)');
    const box = page.getByLabel('Contenu du CSV');
    await box.fill([CSV_HEADER, ...CSV_ROWS].join('\n'));
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await waitForText(page, '1 ligne(s) à corriger\u00a0: rien ne sera émis tant qu’il en reste.');
    await waitForText(page, 'column "email": expected an email address');
    assert.equal(await page.getByRole('button', { name: /Confirmer et émettre/ }).count(), 0, 'no confirm button while a row is bad');
    await shoot(page, 'bulk-refused');
    assert.deepEqual(await axeViolations(page), [], 'bulk screen with errors: axe-clean');
    assert.equal(listEntries(console_.officer).length, 0, 'nothing issued');

    await box.fill([CSV_HEADER, ...CSV_ROWS].join('\n').replace('paul.roy-at-example.org', 'paul.roy@example.org'));
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await waitForText(page, '3 accès prêts à émettre.');
    await page.getByRole('button', { name: 'Confirmer et émettre les 3 accès' }).click();
    await waitForText(page, '3 accès émis.');
    assert.deepEqual(listEntries(console_.officer).map((e) => e.holder.name), ['Côté, Marc', 'Léa Tremblay', 'Paul Roy']);

    await goTo(page, 'Personnes et accès');
    await page.getByLabel('Section locale', { exact: true }).selectOption('12');
    await waitForText(page, 'Paul Roy');
    // The table redraws after the filter: wait for it to settle on section 12's two rows.
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2, undefined, { timeout: 10_000 }).catch(() => {});
    assert.equal(await page.locator('tbody tr').count(), 2, 'section 12 only');
    await shoot(page, 'people');
    assert.deepEqual(await axeViolations(page), [], 'people screen: axe-clean');
    await goTo(page, 'Vue d’ensemble');
    await waitForText(page, 'Côté, Marc — formation');
    await shoot(page, 'overview');
    assert.deepEqual(await axeViolations(page), [], 'overview: axe-clean');
  });

  test('policy and audit screens: plain words, live validation with a located error, the trail', async () => {
    await goTo(page, 'Politique');
    await waitForText(page, 'Sur Action Network');
    await shoot(page, 'policy');
    const editor = page.getByLabel('Modifier la politique (JSON)');
    const text = await editor.inputValue();
    await editor.fill(text.replace('"rollout": "enforce"', '"rollout": "maybe"'));
    await waitForText(page, /^rollout: /);
    assert.equal(await page.getByRole('button', { name: 'Signer et écrire le fichier à publier' }).isDisabled(), true);
    await waitForText(page, '+   "rollout": "maybe"');
    await shoot(page, 'policy-edit');
    assert.deepEqual(await axeViolations(page), [], 'policy screen with an invalid edit: axe-clean');
    await goTo(page, 'Registre et journal');
    await page.getByLabel('Action', { exact: true }).selectOption('grants-bulk-issued');
    await waitForText(page, '3 grants from a spreadsheet');
    await shoot(page, 'audit');
    assert.deepEqual(await axeViolations(page), [], 'audit screen: axe-clean');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await waitForText(page, 'Register and audit trail');
  });
});
