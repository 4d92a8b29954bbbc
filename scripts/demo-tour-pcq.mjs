/**
 * The party's side of `npm start -- --org pcq`: the same demo build, under the party's signed
 * policy and holding a party grant (scripts/demo-party.ts), on the NationBuilder, Nextcloud and
 * Facebook fixtures.
 *
 * The policy comes the way IT delivers it: served at an HTTPS address (the fixture server, as
 * `policy.vigie.test`) that Chromium's managed policy names as `policyUrl`. Writing Chromium's
 * managed-policy file without touching other browsers needs a private mount namespace (root and
 * `unshare`, see tests/e2e/sync-helpers.mjs); without one the demo writes the signed policy into
 * the last-verified-copy slot instead, as the party e2e tests do, and says so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARTY_HOLDER, partyGrantToken, signedPartyPolicy } from './demo-party.ts';
import { poll } from '../tests/e2e/extension.mjs';
import { PARTY_PAGES, PARTY_ROUTES } from '../tests/e2e/routes-party.mjs';
import { POLICY_HOST, policyServer } from '../tests/e2e/routes-sync.mjs';
import { canUnshare, managedChromium } from '../tests/e2e/sync-helpers.mjs';

const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '../.demo');

export const HOLDER = PARTY_HOLDER;
export const PAGES = PARTY_PAGES;

/**
 * Serves the party's fixtures and signed policy on `server`; returns what launchBrowser needs and
 * `deliver(browser)`, which puts the policy in force and resolves with a line saying how.
 */
export async function preparePartyTour(server) {
  for (const route of PARTY_ROUTES) server.route(route);
  const envelope = await signedPartyPolicy();
  const policies = policyServer(server, '/pcq/politique.signed.json');
  policies.serve(envelope);
  mkdirSync(DEMO_DIR, { recursive: true });
  const grantFile = join(DEMO_DIR, 'pcq-grant.txt');
  const token = await partyGrantToken();
  writeFileSync(grantFile, `${token}\n`);
  writeFileSync(join(DEMO_DIR, 'pcq-policy.signed.json'), `${JSON.stringify(envelope, null, 2)}\n`);

  const managed = canUnshare() ? managedChromium({ policyUrl: policies.url }) : undefined;
  return {
    grantFile,
    token,
    launchOptions: { hosts: [POLICY_HOST], ...(managed?.launchOptions ?? {}) },
    close: () => managed?.close(),
    async deliver(browser) {
      if (managed) {
        await waitForPolicy(browser, envelope.payload.id, 30_000);
        return `party policy fetched from ${policies.url}, named by Chromium's managed policy (policyUrl), as IT would deliver it`;
      }
      await browser.serviceWorker.evaluate((e) => chrome.storage.local.set({ 'vigie:policy': e }), envelope);
      await waitForPolicy(browser, envelope.payload.id, 10_000);
      return (
        'party policy written to the last-verified-copy slot (storage.local vigie:policy), as the e2e tests do: ' +
        `a managed policy naming ${policies.url} needs root and unshare here`
      );
    },
  };
}

/** Until the background holds the signed policy of organisation `id` (it verifies it on every read). */
async function waitForPolicy(browser, id, timeout) {
  await poll(async () => (await browser.serviceWorker.evaluate(() => chrome.storage.local.get('vigie:policy')))['vigie:policy']?.payload?.id === id, {
    timeout,
    what: `the signed ${id} policy in storage.local['vigie:policy']`,
  });
}
