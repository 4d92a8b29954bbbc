/**
 * Drives Debian's firefox-esr over WebDriver BiDi (puppeteer-core) with the built Firefox
 * extension installed as a temporary add-on. Nothing here reaches the network:
 *
 * - Host mapping: Firefox has no `--host-resolver-rules`, and /etc/hosts is machine-wide. Firefox
 *   is pointed at a local proxy instead (plain prefs), which tunnels CONNECTs for the mapped hosts
 *   to the fixture server and refuses every other host, Mozilla's own services included.
 * - Extension pages: BiDi refuses to navigate to moz-extension: URLs unless Firefox runs with
 *   `--remote-allow-system-access`; the extension's UUID is fixed by a pref so its pages have a
 *   known address.
 * - Managed storage: Firefox reads IT's `policies.json` from /etc/firefox/policies/ or its
 *   installation's `distribution/` folder. A test's file is bind-mounted over the latter in a
 *   private mount namespace (root only), so no other Firefox on the machine sees it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAPPED_HOSTS } from '../routes.mjs';
import { ROOT } from '../server.mjs';
import { storedEventsInPage } from '../log-store.mjs';

export const FIREFOX = process.env.VIGIE_FIREFOX ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'vigie@vigie-extension.org';
/** Fixed by `extensions.webextensions.uuids`, so the extension's pages have a known address. */
export const EXTENSION_UUID = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const EXTENSION_BASE = `moz-extension://${EXTENSION_UUID}/`;

function hostMatches(pattern, host) {
  return pattern.startsWith('*.') ? host === pattern.slice(2) || host.endsWith(pattern.slice(1)) : host === pattern;
}

/**
 * A CONNECT proxy on 127.0.0.1 that tunnels the mapped hosts (and `extraHosts`) to the fixture
 * server's port and refuses the rest. Records every host Firefox asked for.
 */
export async function startProxy(fixturePort, extraHosts = []) {
  const hosts = [...MAPPED_HOSTS, ...extraHosts];
  const asked = [];
  const refused = [];
  const proxy = createServer((req, res) => {
    refused.push(req.url);
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, socket, head) => {
    const host = (req.url ?? '').replace(/:\d+$/, '').toLowerCase();
    asked.push(host);
    if (!hosts.some((p) => hostMatches(p, host))) {
      refused.push(host);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(fixturePort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  return {
    port: proxy.address().port,
    asked,
    refused,
    close: () => new Promise((ok) => proxy.close(() => ok())),
  };
}

/** Builds the demo-mode Firefox extension into a fresh folder (WXT's API); returns its path. */
export async function buildFirefoxExtension() {
  const { build } = await import('wxt');
  mkdirSync(join(ROOT, '.e2e'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, '.e2e/build-firefox-'));
  const quiet = () => {};
  const logger = { debug: quiet, log: quiet, info: quiet, success: quiet, warn: console.warn, error: console.error, fatal: console.error, level: 3 };
  await build({ root: ROOT, mode: 'demo', browser: 'firefox', manifestVersion: 3, outDir, logger });
  const dir = join(outDir, 'firefox-mv3-demo');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`wxt build -b firefox --mode demo wrote no manifest.json in ${dir}`);
  return { dir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

function canUnshare() {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('unshare', ['--mount', '--propagation', 'private', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Where Linux builds of Firefox read a machine-wide policies.json first. */
const SYSTEM_POLICIES = '/etc/firefox/policies/policies.json';

/**
 * Starts Firefox with `policies` as its policies.json: in a private mount namespace when possible;
 * else, as root and when the machine has no policies.json of its own, in /etc/firefox/policies/
 * for the test's duration (safe when tests run one at a time). `undefined` when neither can be done.
 */
function firefoxWithPolicies(policies) {
  const distribution = join(realpathSync(join(realpathSync(FIREFOX), '..')), 'distribution');
  if (!canUnshare() || !existsSync(distribution)) {
    if (process.getuid?.() !== 0 || existsSync(SYSTEM_POLICIES)) return undefined;
    mkdirSync(join(SYSTEM_POLICIES, '..'), { recursive: true });
    writeFileSync(SYSTEM_POLICIES, JSON.stringify({ policies }, null, 2));
    return { executablePath: FIREFOX, remove: () => rmSync(SYSTEM_POLICIES, { force: true }) };
  }
  const target = realpathSync(distribution);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-firefox-dist-'));
  // Keep what the package ships there (search plugins), add the policies.
  for (const entry of readdirSync(target)) cpSync(join(target, entry), join(dir, entry), { recursive: true });
  writeFileSync(join(dir, 'policies.json'), JSON.stringify({ policies }, null, 2));
  const launcher = join(dir, 'firefox-with-policies.sh');
  writeFileSync(
    launcher,
    `#!/bin/sh\nexec unshare --mount --propagation private -- sh -c 'mount --bind "${dir}" "${target}" && exec "$0" "$@"' ${FIREFOX} "$@"\n`,
  );
  chmodSync(launcher, 0o755);
  return { executablePath: launcher, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Launches firefox-esr headless with the extension installed. `policies` (optional) is the
 * `policies` object of a policies.json (e.g. `{ "3rdparty": { Extensions: { [GECKO_ID]: {...} } } }`).
 * Returns `undefined` with `reason` when policies are asked for and cannot be installed.
 */
export async function launchFirefox({ extensionDir, proxyPort, policies, downloadDir, prefs = {} }) {
  const { default: puppeteer } = await import('puppeteer-core');
  const withPolicies = policies ? firefoxWithPolicies(policies) : undefined;
  if (policies && !withPolicies) return { skipped: 'installing a policies.json needs root (and unshare, or no policies.json of the machine in the way)' };
  const started = Date.now();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: withPolicies?.executablePath ?? FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      ...(downloadDir
        ? {
            'browser.download.dir': downloadDir,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.helperApps.neverAsk.saveToDisk': 'text/csv,application/octet-stream',
            'browser.download.start_downloads_in_tmp_dir': false,
          }
        : {}),
      ...prefs,
    },
  });
  let id;
  try {
    // No extensionDir: the extension comes another way (a policies.json that force-installs it).
    if (extensionDir) id = await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close().catch(() => {});
    withPolicies?.remove();
    throw error;
  }
  return {
    browser,
    id,
    launchMs: Date.now() - started,
    version: await browser.version(),
    async close() {
      await browser.close().catch(() => {});
      withPolicies?.remove();
    },
  };
}

/**
 * Opens one of the extension's pages in a new tab and returns it once its document is the
 * extension's (BiDi loses track of the navigation when the tab changes process, so this polls).
 */
export async function openExtensionTab(browser, file, { timeout = 10_000 } = {}) {
  const page = await browser.newPage();
  const url = `${EXTENSION_BASE}${file}`;
  page.goto(url).catch(() => {});
  const deadline = Date.now() + timeout;
  for (;;) {
    const ready = await page.evaluate(() => location.href + '|' + (document.body?.childElementCount ?? 0)).catch(() => '');
    if (ready.startsWith(url) && !ready.endsWith('|0')) return page;
    if (Date.now() > deadline) throw new Error(`${file} did not open in Firefox within ${timeout} ms (last: ${ready})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls `read` in an extension tab until it returns something truthy. */
export async function pollIn(page, read, arg, { timeout = 10_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(read, arg).catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Firefox: timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Every logged event, newest first, read from the extension's IndexedDB in one of its pages. */
export async function readEventsIn(page) {
  return (await page.evaluate(storedEventsInPage)).reverse();
}
