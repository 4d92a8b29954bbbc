/**
 * The access scope card with a full grant imported through the options page, in a French and an
 * English browser: every field of the grant in the browser's language, platform health, the last
 * events in plain words. Writes screenshots of the popup and the options page to
 * .e2e/screenshots/ so a person can look at them.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_HOLDER, demoGrantToken } from '../../scripts/make-demo-docs.ts';
import { importGrantViaOptions, openExtensionPage, waitForText } from './extension.mjs';
import { ROOT, startFixtureServer } from './server.mjs';
import { launchManagedBrowser, seedPlatformEvents } from './sync-helpers.mjs';

const SCREENSHOTS = join(ROOT, '.e2e/screenshots');
const DAY = 86_400_000;

function fullGrant(now) {
  return demoGrantToken(now, {
    declarationDate: '2026-01-12',
    trainingDate: '2026-02-03',
    mfaResponsible: true,
    exportAuthorizations: [
      { platform: 'action-network', purpose: 'Envoi postal du bulletin', reference: 'BN-2026-041', expires: new Date(now.getTime() + 30 * DAY).toISOString() },
      { platform: 'action-builder', purpose: 'Carte du milieu de travail', reference: 'BN-2025-112', expires: new Date(now.getTime() - 10 * DAY).toISOString() },
    ],
    expiresAt: '2027-06-30T12:00:00Z',
  });
}

/** The term–value rows of the scope card, as the person reads them. */
async function scopeRows(popup) {
  return popup.locator('.scope .rows > div').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent])));
}

async function screenshots(browser, lang) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const popup = await openExtensionPage(browser, 'popup.html');
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.locator('.scope .rows').waitFor();
  await popup.screenshot({ path: join(SCREENSHOTS, `popup-${lang}.png`), fullPage: true });
  await popup.close();
  const options = await openExtensionPage(browser, 'options.html');
  await options.setViewportSize({ width: 1000, height: 800 });
  await options.locator('table.log').waitFor();
  await options.screenshot({ path: join(SCREENSHOTS, `options-${lang}.png`), fullPage: true });
  await options.close();
}

for (const [lang, expected] of [
  [
    'fr',
    {
      rows: {
        Titulaire: DEMO_HOLDER.name,
        Courriel: DEMO_HOLDER.email,
        Unité: 'Section locale 70 – Ottawa',
        Rôle: 'Membre du conseil exécutif de la section locale',
        Plateformes: 'Action Network, Action Builder, Gmail et Outlook sur le Web',
        'Déclaration solennelle': '12 janvier 2026',
        Formation: '3 février 2026',
        "Responsable de l’authentification multifactorielle": 'Oui',
        Expiration: '30 juin 2027',
      },
      status: 'En vigueur',
      authorizations: [/^Action Network — Envoi postal du bulletin \(réf\. BN-2026-041\), jusqu’au \d+ \S+ \d{4}$/, /^Action Builder — Carte du milieu de travail \(réf\. BN-2025-112\), expirée le/],
      health: [/Gmail — Fonctionnement dégradé/, /Action Network — Fonctionne/, /Outlook sur le Web — Pas encore ouverte/],
      events: /Action Network — exportation\u00a0: blocage/,
    },
  ],
  [
    'en-US',
    {
      rows: {
        Holder: DEMO_HOLDER.name,
        Email: DEMO_HOLDER.email,
        Unit: 'Local 70 – Ottawa',
        Role: 'Local executive member',
        Platforms: 'Action Network, Action Builder, Gmail and Outlook on the web',
        'Solemn declaration': 'January 12, 2026',
        Training: 'February 3, 2026',
        'Responsible for multi-factor authentication': 'Yes',
        Expires: 'June 30, 2027',
      },
      status: 'In force',
      authorizations: [/^Action Network — Envoi postal du bulletin \(ref\. BN-2026-041\), until \S+ \d+, \d{4}$/, /^Action Builder — Carte du milieu de travail \(ref\. BN-2025-112\), expired on/],
      health: [/Gmail — Degraded/, /Action Network — Working/, /Outlook on the web — Not opened since the browser started/],
      events: /Action Network — export: blocked/,
    },
  ],
]) {
  describe(`the access scope card in a ${lang} browser`, () => {
    let server;
    let s;
    before(async () => {
      server = await startFixtureServer();
      s = await launchManagedBrowser({ port: server.port, lang });
    });
    after(async () => {
      await s?.close();
      await server?.close();
    });

    test("shows every field of the imported grant in the browser's language", async () => {
      await (await importGrantViaOptions(s.browser, await fullGrant(new Date()), { holderName: DEMO_HOLDER.name })).close();
      const popup = await openExtensionPage(s.browser, 'popup.html');
      await waitForText(popup, DEMO_HOLDER.email);
      assert.deepEqual(await scopeRows(popup), expected.rows);
      assert.equal((await popup.locator('.scope .status').textContent()).trim(), expected.status);
      const authorizations = await popup.locator('.scope li').allTextContents();
      assert.equal(authorizations.length, 2);
      authorizations.forEach((line, i) => assert.match(line, expected.authorizations[i]));
      await popup.close();
    });

    test('shows platform health and the last events in plain words; screenshots', async () => {
      await seedPlatformEvents(s.browser);
      const popup = await openExtensionPage(s.browser, 'popup.html');
      await waitForText(popup, expected.events);
      const health = (await popup.locator('.health-list li').allTextContents()).join('\n');
      for (const line of expected.health) assert.match(health, line);
      await popup.close();
      await screenshots(s.browser, lang.slice(0, 2));
    });
  });
}
