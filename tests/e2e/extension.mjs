/**
 * What the tests (and the demo) do with the loaded extension: open its pages, import a grant the
 * way a person would, read what the background recorded, open fixture pages and check they are
 * the fixture (not a 404 page a content script would happily run on too).
 */

/** UI text the extension side promised (French and English UI). */
export const UI = {
  fr: {
    section: 'Section locale 70',
    noGrant: /Vous n.avez pas d.autorisation d.accès enregistrée/,
    grantLabel: /Autorisation d.accès signée/,
    importButton: /^\s*Importer\s*$/,
  },
  en: {
    section: /\bLocal 70\b/,
    noGrant: /You have no access authorization recorded/,
    grantLabel: /Signed access authorization/,
    importButton: /^\s*Import\s*$/,
  },
};

export function uiText(lang) {
  return lang.startsWith('fr') ? UI.fr : UI.en;
}

export async function poll(read, { timeout = 5_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until `text` (string: substring; RegExp) is visible; on timeout says what the page showed. */
export async function waitForText(page, text, { timeout = 5_000 } = {}) {
  try {
    await page.getByText(text).first().waitFor({ state: 'visible', timeout });
  } catch {
    const shown = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '(page gone)');
    throw new Error(`${page.url()}: did not show ${text} within ${timeout} ms; it shows:\n${shown.trim().slice(0, 600) || '(nothing)'}`);
  }
}

/**
 * Opens one of the extension's pages. The popup folds the policy, sync and health details under
 * "Details for IT"; tests that read them get it unfolded (`{ folded: true }` leaves it as a person sees it).
 */
export async function openExtensionPage(browser, file, { folded = false } = {}) {
  const page = await browser.context.newPage();
  const response = await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
  if (response && !response.ok()) throw new Error(`${file}: HTTP ${response.status()}`);
  // A missing file still "loads" as an error page in some versions: require the document to have content.
  await poll(() => page.evaluate(() => document.body && document.body.childElementCount > 0), { what: `${file} to render` });
  if (file.startsWith('popup') && !folded) {
    await page.locator('details.it-details').evaluate((d) => (d.open = true), { timeout: 10_000 }).catch(() => {});
  }
  return page;
}

/** Opens a mapped real URL and checks the fixture server answered it with a fixture. */
export async function openFixture(browser, url, { page } = {}) {
  const tab = page ?? (await browser.context.newPage());
  const response = await tab.goto(url);
  if (!response || response.status() !== 200) throw new Error(`${url}: HTTP ${response?.status()} (no fixture?)`);
  const fixture = response.headers()['x-vigie-fixture'];
  if (!fixture) throw new Error(`${url}: not served from tests/fixtures/`);
  const marker = await tab.locator('meta[name="vigie-fixture"]').getAttribute('content', { timeout: 10_000 }); // generous: a loaded machine
  if (!marker) throw new Error(`${url}: fixture ${fixture} has no <meta name="vigie-fixture">`);
  return { page: tab, fixture };
}

export async function readSeen(browser) {
  const { 'vigie:seen': seen } = await browser.serviceWorker.evaluate(() => chrome.storage.session.get('vigie:seen'));
  return seen ?? {};
}

export async function clearSeen(browser) {
  await browser.serviceWorker.evaluate(() => chrome.storage.session.remove('vigie:seen'));
}

/** Waits for a content script of `family` to have said hello from `origin`. */
export async function waitForSeen(browser, family, { origin, timeout = 5_000 } = {}) {
  return poll(
    async () => {
      const entry = (await readSeen(browser))[family];
      return entry && (!origin || entry.origin === origin) ? entry : undefined;
    },
    { timeout, what: `storage.session['vigie:seen']['${family}']${origin ? ` from ${origin}` : ''}` },
  );
}

export async function readStoredGrant(browser) {
  const { 'vigie:grant': grant } = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('vigie:grant'));
  return grant;
}

/** Pastes a grant token into the options page and presses Import, as a person would. */
export async function importGrantViaOptions(browser, token, { holderName, timeout = 5_000 } = {}) {
  const text = uiText(browser.lang);
  const page = await openExtensionPage(browser, 'options.html');
  await page.getByLabel(text.grantLabel).fill(token, { timeout });
  await page.getByRole('button', { name: text.importButton }).click({ timeout });
  if (holderName) await waitForText(page, holderName, { timeout });
  return page;
}
