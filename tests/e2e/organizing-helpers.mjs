/**
 * What the organizing-platform e2e tests share: Chromium with a real downloads folder (Playwright's
 * own download handling bypasses `downloads.onDeterminingFilename`, so it is switched back to the
 * browser's), the organizing fixtures served, grants and signed policies written the way the
 * background reads them, and the event log read from the extension's IndexedDB.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoGrantToken, demoKeyPair } from '../../scripts/make-demo-docs.ts';
import { signDocument } from '../../lib/core/signature.ts';
import { launchBrowser } from './browser.mjs';
import { openFixture, poll } from './extension.mjs';
import { ROUTES } from './routes.mjs';
import { ORGANIZING_ROUTES } from './routes-organizing.mjs';
import { ROOT, startFixtureServer } from './server.mjs';
import { readEvents } from './log-store.mjs';

export { readEvents };

/**
 * Chromium in `lang` whose downloads go, without a prompt, to a folder the test can list (`routes`
 * and `hosts`: more fixture routes, and the extra host names they need mapped). The
 * folder is set in the profile's Preferences before launch; Playwright's download interception is
 * then reset to the browser's default behaviour over CDP.
 */
export async function startOrganizingBrowser(lang = 'fr', { preferences = {}, routes = [], hosts = [] } = {}) {
  const server = await startFixtureServer({ routes: [...ROUTES, ...ORGANIZING_ROUTES, ...routes] });
  const profileDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-organizing-'));
  const downloadDir = join(profileDir, 'Downloads');
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  mkdirSync(downloadDir);
  writeFileSync(
    join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({
      download: { default_directory: downloadDir, prompt_for_download: false, directory_upgrade: true },
      savefile: { default_directory: downloadDir },
      // Several downloads from one page must not wait on Chromium's "download multiple files?" prompt.
      profile: { default_content_setting_values: { automatic_downloads: 1 } },
      // Extra profile preferences a test needs (Gmail as the mailto: handler).
      ...preferences,
    }),
  );
  const browser = await launchBrowser({ port: server.port, lang, profileDir, ownsProfile: true, hosts });
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await cdp.detach();
  await page.close();
  return {
    server,
    browser,
    downloadDir,
    lang: lang.slice(0, 2),
    /** Files in the downloads folder, Chromium's partial `.crdownload` files included. */
    downloads: () => readdirSync(downloadDir),
    async open(url) {
      const sep = url.includes('?') ? '&' : '?';
      const { page: tab } = await openFixture(browser, `${url}${sep}hl=${lang.slice(0, 2)}`);
      return tab;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Writes a grant token straight where the options page stores it (the smoke tests cover the page). */
export async function setGrant(browser, overrides = {}) {
  const token = await demoGrantToken(new Date(), overrides);
  await browser.serviceWorker.evaluate((t) => chrome.storage.local.set({ 'vigie:grant': t }), token);
  return token;
}

export async function clearGrant(browser) {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('vigie:grant'));
}

/** A policy signed with the demo key: the bundled ACEP policy, one version up, with `change` applied. */
export async function signedPolicy(change = (p) => p) {
  const bundled = JSON.parse(readFileSync(join(ROOT, 'lib/packs/acep/policy.json'), 'utf8'));
  const payload = change({ ...bundled, version: bundled.version + 1 });
  return signDocument('policy', payload, demoKeyPair());
}

export async function setPolicy(browser, envelope) {
  await browser.serviceWorker.evaluate((e) => chrome.storage.local.set({ 'vigie:policy': e }), envelope);
}

/** An ACEP policy whose export rule warns and asks for a justification instead of blocking. */
export function warnOnExport(policy) {
  for (const rule of policy.rules) {
    if (rule.surfaces.includes('download')) Object.assign(rule, { verdict: 'warn', override: { allowed: true, justification: 'required' } });
  }
  return policy;
}


export async function waitForEvent(browser, test, { since = 0, timeout = 8_000, what = 'an event' } = {}) {
  return poll(async () => (await readEvents(browser)).find((e) => e.time >= since && test(e)), { timeout, what });
}

export async function now(browser) {
  return browser.serviceWorker.evaluate(() => Date.now());
}

/** The browser's download entries for `url` prefixes (erased ones are gone). */
export async function downloadEntries(browser) {
  return browser.serviceWorker.evaluate(() => chrome.downloads.search({}).then((items) => items.map((i) => ({ id: i.id, state: i.state, url: i.url.slice(0, 60), error: i.error }))));
}

/** Waits until the downloads folder holds exactly the files `names` (complete ones, no partials). */
export async function waitForFiles(session, test, { timeout = 8_000, what = 'the downloads folder' } = {}) {
  return poll(() => {
    const files = session.downloads();
    return test(files) ? files : undefined;
  }, { timeout, what });
}

/** Gives a stopped download time to have landed if it were going to (the backstop decides in well under this). */
export const SETTLE_MS = 1_500;
export const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** The text inside one of Vigie's closed shadow roots (`tag`: its host element), read over CDP; undefined when absent. */
export async function readClosed(page, tag) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const walk = (node, visit) => {
      visit(node);
      if (node.nodeName === 'STYLE') return;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, visit);
    };
    let host;
    walk(root, (n) => {
      if (!host && n.nodeName === tag.toUpperCase()) host = n;
    });
    if (!host) return undefined;
    let text = '';
    walk(host, (n) => {
      if (n.nodeType === 3) text += `${n.nodeValue} `;
    });
    return { text: text.replace(/\s+/g, ' ').trim(), shadowRootType: host.shadowRoots?.[0]?.shadowRootType };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Vigie's access banner, or undefined when none is shown. */
export const readBanner = (page) => readClosed(page, 'vigie-access-banner');

export async function waitForBanner(page, { timeout = 8_000 } = {}) {
  return poll(() => readBanner(page), { timeout, what: 'the access banner' });
}

export async function waitForNoBanner(page, { timeout = 8_000 } = {}) {
  return poll(async () => !(await readBanner(page)), { timeout, what: 'the access banner to go' });
}
