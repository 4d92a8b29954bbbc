/**
 * What the party's e2e tests share: the organizing browser (real downloads folder, event log)
 * with the party's fixtures served, its policy pack signed with the demo key and written to the
 * last-verified-copy slot the background verifies on every read (as organizing-helpers' setPolicy
 * does for ACEP), and party grants signed with the same key.
 */
import { partyGrantToken, signedPartyPolicy } from '../../scripts/demo-party.ts';
import { setPolicy, startOrganizingBrowser } from './organizing-helpers.mjs';
import { PARTY_ROUTES } from './routes-party.mjs';

/** Chromium in `lang` under the party's signed policy, holding a party grant for `role`. */
export async function startPartyBrowser(lang = 'fr', grant = {}) {
  const s = await startOrganizingBrowser(lang);
  for (const route of PARTY_ROUTES) s.server.route(route);
  await setPolicy(s.browser, await signedPartyPolicy());
  await setPartyGrant(s.browser, grant);
  return s;
}

export async function setPartyGrant(browser, overrides = {}) {
  const token = await partyGrantToken(new Date(), overrides);
  await browser.serviceWorker.evaluate((t) => chrome.storage.local.set({ 'vigie:grant': t }), token);
  return token;
}
