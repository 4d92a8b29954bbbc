/**
 * What the policy-sync and popup e2e tests share: Chromium reading a real managed-policy file (IT's
 * configuration, `3rdparty.extensions.<id>`), signed ACEP policies, the extension's content-script
 * world on a page (to ask the background what a content script would be told), and reading or
 * seeding the event log.
 *
 * Managed policy: Chromium on Linux reads /etc/chromium/policies/managed/*.json, a machine-wide
 * folder. So that other Chromium instances on the machine (other tests, other people) never see a
 * test's policy, the test's Chromium runs in a private mount namespace (`unshare --mount`, root
 * only) where that folder is a bind mount of a temporary one. Without unshare, it falls back to a
 * uniquely named file in the real folder, removed on close: safe when tests run one at a time, as
 * `npm run test:e2e` does.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDocument } from '../../lib/core/signature.ts';
import { demoKeyPair } from '../../scripts/make-demo-docs.ts';
import { CHROMIUM, EXTENSION_ID, launchBrowser } from './browser.mjs';
import { openFixture, poll } from './extension.mjs';
import { PAGES } from './routes.mjs';
import { POLICY_HOST } from './routes-sync.mjs';
import { ROOT } from './server.mjs';
import { readEvents } from './log-store.mjs';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** The bundled ACEP policy at `version`, with `changes`, signed by `key` (the demo key by default). */
export async function signedAcepPolicy(version, changes = {}, key = demoKeyPair()) {
  const bundled = JSON.parse(readFileSync(join(ROOT, 'lib/packs/acep/policy.json'), 'utf8'));
  return signDocument('policy', { ...bundled, version, ...changes }, key);
}

/** A managed key entry for `trustedKeys`, from a key pair. */
export function trustedKey(pair, label = 'IT e2e key') {
  return { keyId: pair.keyId, publicKey: pair.publicKey, label };
}

/** True when Chromium can run in a private mount namespace (root, and `unshare` works). */
export function canUnshare() {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('unshare', ['--mount', '--propagation', 'private', 'true'], { stdio: 'ignore' }).status === 0;
}

/**
 * IT's configuration for the extension, as Chromium reads it from a policy file. `launchOptions`
 * go to launchBrowser; `update(config)` rewrites the file (Chromium watches the folder and reloads
 * it while running); `close()` removes what was written. `mode` says which way it was done, or why
 * it cannot be: `unavailable` when not root.
 */
export function managedChromium(config, { wholeFile = false } = {}) {
  // wholeFile: `config` is the whole policy file (e.g. the deployment kit's, with the force-install list).
  const body = (c) => JSON.stringify(wholeFile ? c : { '3rdparty': { extensions: { [EXTENSION_ID]: c } } }, null, 2);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) return { mode: 'unavailable', reason: 'writing a Chromium policy file needs root', launchOptions: {}, update() {}, close() {} };
  // The namespace needs the folder as a mount point; an empty one is left behind (removing it while
  // another test's namespace mounts over it would unmount that one).
  let createdDir = false;
  if (!existsSync(CHROMIUM_POLICY_DIR)) {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    createdDir = true;
  }
  if (canUnshare()) {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-policy-'));
    const file = join(dir, 'vigie.json');
    const launcher = join(dir, 'chromium-with-policy.sh');
    writeFileSync(file, body(config));
    writeFileSync(
      launcher,
      `#!/bin/sh\n# Chromium in a private mount namespace whose ${CHROMIUM_POLICY_DIR} is "$VIGIE_POLICY_DIR".\n` +
        `exec unshare --mount --propagation private -- sh -c 'mount --bind "$VIGIE_POLICY_DIR" ${CHROMIUM_POLICY_DIR} && exec "$0" "$@"' ${CHROMIUM} "$@"\n`,
    );
    chmodSync(launcher, 0o755);
    return {
      mode: 'namespace',
      launchOptions: { executablePath: launcher, env: { VIGIE_POLICY_DIR: dir } },
      update: (next) => writeFileSync(file, body(next)),
      close: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const file = join(CHROMIUM_POLICY_DIR, `vigie-e2e-${process.pid}.json`);
  writeFileSync(file, body(config));
  return {
    mode: 'system',
    launchOptions: {},
    update: (next) => writeFileSync(file, body(next)),
    close: () => {
      rmSync(file, { force: true });
      if (createdDir) rmdirQuietly(CHROMIUM_POLICY_DIR);
    },
  };
}

/** Removes a folder this helper created, only if nothing else was put in it meanwhile. */
function rmdirQuietly(dir) {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or already gone: leave it.
  }
}

/**
 * Chromium with IT's `config` in its managed-policy file (none when `config` is undefined), the
 * policy server's host mapped, and a real downloads folder (Playwright's own download handling is
 * switched back to the browser's, as in organizing-helpers.mjs); `preferences` go into the profile.
 * Returns `undefined` when a policy file is asked for and cannot be written (not root).
 */
export async function launchManagedBrowser({ port, config, lang = 'fr', preferences = {}, onContext, hosts = [] }) {
  const managed = config ? managedChromium(config) : { mode: 'none', launchOptions: {}, update() {}, close() {} };
  if (managed.mode === 'unavailable') return undefined;
  const profileDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-sync-'));
  const downloadDir = join(profileDir, 'Downloads');
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  mkdirSync(downloadDir);
  writeFileSync(
    join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({ ...preferences, download: { default_directory: downloadDir, prompt_for_download: false, directory_upgrade: true } }),
  );
  let browser;
  try {
    browser = await launchBrowser({ port, lang, profileDir, ownsProfile: true, hosts: [POLICY_HOST, ...hosts], onContext, ...managed.launchOptions });
  } catch (error) {
    managed.close();
    throw error;
  }
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await cdp.detach();
  await page.close();
  return {
    browser,
    managed,
    downloadDir,
    downloads: () => readdirSync(downloadDir).filter((f) => !f.endsWith('.crdownload')),
    async close() {
      await browser.close();
      managed.close();
    },
  };
}

/**
 * Logs events the way content scripts do (from the content-script world of real fixture pages, so
 * the background stamps platform and place itself): an export blocked and one allowed on Action
 * Network, a send overridden on Gmail, and Gmail's adapter reporting itself degraded.
 */
export async function seedPlatformEvents(browser) {
  // As GuardSession.log does: the page's origin and path, never its content.
  const send = (event) =>
    `chrome.runtime.sendMessage({ type: 'log-events', events: [{ ...${JSON.stringify({ ruleIds: [], clauses: [], findings: [], ...event })}, origin: location.origin, path: location.pathname }] })`;
  const { page: an } = await openFixture(browser, PAGES.anAdminReport);
  await inContentWorld(an, send({ surface: 'export-click', action: 'decided', verdict: 'block', ruleIds: ['export-needs-authorization'], clauses: ['7.2', '8.1.c'] }));
  await inContentWorld(an, send({ surface: 'download', action: 'decided', verdict: 'allow', clauses: ['7.2'], detail: 'type=csv' }));
  await an.close();
  const { page: gmail } = await openFixture(browser, PAGES.gmailInbox);
  await inContentWorld(gmail, send({ surface: 'send', action: 'overridden', verdict: 'warn', clauses: ['9.1'], findings: ['local-id-missing'], justification: 'Message interne au comité' }));
  await inContentWorld(gmail, send({ surface: 'health', action: 'degraded', detail: 'send button not found' }));
  await gmail.close();
}

/**
 * Profile preferences that make Gmail the browser's `mailto:` handler, as a person who clicked
 * "allow" on Gmail's prompt has: a `mailto:` link then opens Gmail's compose page (here the
 * fixture server), whose address carries the whole message.
 */
export const GMAIL_MAILTO_HANDLER = {
  custom_handlers: {
    enabled: true,
    ignored_protocol_handlers: [],
    registered_protocol_handlers: [
      { default: true, protocol: 'mailto', title: 'Gmail', url: 'https://mail.google.com/mail/?extsrc=mailto&url=%s', last_modified: '13340000000000000' },
    ],
  },
};

/** What Chromium hands the extension from the policy file, once its policy service is up. */
export async function waitForManaged(browser, field, { timeout = 20_000 } = {}) {
  return poll(async () => (await browser.serviceWorker.evaluate(() => chrome.storage.managed.get()))[field], {
    timeout,
    what: `storage.managed.${field} from the policy file`,
  });
}

/**
 * Runs `expression` in the extension's content-script world of `page` (over CDP), where
 * `chrome.runtime.sendMessage` speaks to the background as the content script does: the background
 * sees a real content script of that tab, with the tab's URL.
 */
export async function inContentWorld(page, expression, extensionId = EXTENSION_ID) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = await poll(() => contexts.find((c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.type === 'isolated'), {
      what: "the extension's content-script world on the page",
    });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the content-script world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** What the background tells a content script on `page`: the guard context (policy, grant, status). */
export async function contextOnPage(page) {
  return inContentWorld(page, `chrome.runtime.sendMessage({ type: 'get-context' }).then((r) => r.context)`);
}

/** Every event the extension logged, newest first (read straight from its IndexedDB). */
export async function readLog(browser) {
  return (await readEvents(browser)).reverse();
}

export async function waitForLog(browser, test, { timeout = 10_000, what = 'an event in the log' } = {}) {
  return poll(async () => (await readLog(browser)).find(test), { timeout, what });
}

export async function readStorage(browser, key) {
  return (await browser.serviceWorker.evaluate((k) => chrome.storage.local.get(k), key))[key];
}

/** Fires the policy sync alarm now, as the browser would at the refresh interval. */
export async function fireSyncAlarm(browser) {
  await browser.serviceWorker.evaluate(() => chrome.alarms.create('vigie:policy-sync', { when: Date.now() }));
}
