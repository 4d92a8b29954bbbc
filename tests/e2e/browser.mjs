/**
 * Launches Debian's Chromium with the built extension loaded and the platform hosts mapped to the
 * fixture server. Builds nothing: run.mjs (or the demo) builds first. Never downloads a browser.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { MAPPED_HOSTS } from './routes.mjs';
import { ROOT } from './server.mjs';

/** Fixed by the manifest's `key` (wxt.config.ts). */
export const EXTENSION_ID = 'gecbemddfpgfbahoapnkaegnbckmpgjc';
export const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';

/** Where run.mjs builds the demo-mode extension for the tests (kept apart from .output/ that people use). */
export function defaultExtensionDir() {
  return resolve(process.env.VIGIE_E2E_EXTENSION_DIR ?? join(ROOT, '.e2e/build/chrome-mv3-demo'));
}

export function hostResolverRules(port, extraHosts = []) {
  const maps = [...MAPPED_HOSTS, ...extraHosts].map((h) => `MAP ${h} 127.0.0.1:${port}`);
  // Every other name fails to resolve: a test can never reach a live site by mistake.
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost'].join(', ');
}

/**
 * On Linux Chromium ignores --lang for its UI language and reads LANGUAGE/LC_ALL/LANG instead, and
 * Debian ships only en-US unless chromium-l10n is installed.
 */
function languageEnv(lang) {
  const tag = lang.replace('-', '_');
  const base = lang.split('-')[0];
  return { LANGUAGE: tag === base ? base : `${tag}:${base}`, LC_ALL: '', LANG: 'C.UTF-8' };
}

function assertLocaleInstalled(lang) {
  if (CHROMIUM !== '/usr/bin/chromium' || lang.startsWith('en')) return;
  const base = lang.split('-')[0];
  const dir = '/usr/lib/chromium/locales';
  if (!existsSync(join(dir, `${lang}.pak`)) && !existsSync(join(dir, `${base}.pak`))) {
    throw new Error(`Chromium has no ${lang} UI locale (${dir}); install it: apt-get install -y chromium-l10n`);
  }
}

function assertExtensionBuilt(dir) {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`no built extension in ${dir}; run \`npm run test:e2e\` (it runs \`wxt build --mode demo\` first)`);
  }
}

/** Off unless a test needs Chromium's own fetching: with them, a policy install never starts or waits ~20 s. */
const BACKGROUND_SWITCHES = ['--disable-background-networking', '--disable-component-update'];

/**
 * @param {object} options
 * @param {number} options.port            fixture server port the platform hosts map to
 * @param {string} [options.lang]           UI language: 'fr' (default) or 'en-US'
 * @param {string|null} [options.extensionDir] built extension; null launches without it
 * @param {string} [options.profileDir]     reuse a profile (restart); a temporary one otherwise
 * @param {boolean} [options.ownsProfile]  delete profileDir on close (default: only a temporary one)
 * @param {boolean} [options.headless]
 * @param {string[]} [options.args]         extra Chromium switches
 * @param {string[]} [options.hosts]        extra host names mapped to the fixture server (e.g. a policy server)
 * @param {string} [options.executablePath] another launcher than CHROMIUM (e.g. a wrapper script)
 * @param {boolean} [options.backgroundNetworking] let Chromium fetch in the background (extension
 *   installs and updates by policy need it; the host resolver still keeps it on this machine)
 * @param {Record<string,string>} [options.env] extra environment for the browser process
 * @param {{width:number,height:number}} [options.viewport]
 * @param {(context: import('playwright-core').BrowserContext) => void} [options.onContext] called the moment the
 *   browser is up, before the extension's worker is waited for (e.g. to open the popup at start, as a person may)
 */
export async function launchBrowser(options) {
  const { port, lang = 'fr', headless = true, viewport = { width: 1280, height: 800 } } = options;
  const extensionDir = options.extensionDir === undefined ? defaultExtensionDir() : options.extensionDir;
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}; install it: apt-get install -y chromium chromium-l10n`);
  if (extensionDir) assertExtensionBuilt(extensionDir);
  assertLocaleInstalled(lang);

  // A relaunch (restart) inherits ownership of the temporary profile, so its close() deletes it.
  const ownsProfile = options.ownsProfile ?? !options.profileDir;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'vigie-e2e-profile-'));
  mkdirSync(join(profileDir, '.config'), { recursive: true });

  const started = Date.now();
  const dropProfile = () => ownsProfile && rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: options.executablePath ?? CHROMIUM,
    headless,
    viewport,
    ignoreDefaultArgs: ['--disable-extensions', ...(options.backgroundNetworking ? BACKGROUND_SWITCHES : [])],
    env: { ...process.env, ...languageEnv(lang), XDG_CONFIG_HOME: join(profileDir, '.config'), ...options.env },
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      `--host-resolver-rules=${hostResolverRules(port, options.hosts)}`,
      '--ignore-certificate-errors',
      '--no-proxy-server',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      ...(options.backgroundNetworking ? [] : BACKGROUND_SWITCHES),
      '--disable-sync',
      `--lang=${lang}`,
      ...(options.args ?? []),
    ],
  }).catch((error) => {
    dropProfile();
    throw error;
  });

  options.onContext?.(context);
  let serviceWorker;
  let extensionId;
  try {
    if (extensionDir) {
      const isExtension = (w) => w.url().startsWith('chrome-extension://');
      serviceWorker =
        context.serviceWorkers().find(isExtension) ??
        (await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 15_000 }));
      extensionId = new URL(serviceWorker.url()).host;
      const uiLanguage = await serviceWorker.evaluate(() => chrome.i18n.getUILanguage());
      if (!uiLanguage.toLowerCase().startsWith(lang.slice(0, 2).toLowerCase())) {
        throw new Error(`asked for a ${lang} UI but Chromium runs in ${uiLanguage} (is chromium-l10n installed?)`);
      }
    }
  } catch (error) {
    await context.close().catch(() => {});
    dropProfile();
    throw error;
  }
  const launchMs = Date.now() - started;

  const handle = {
    context,
    serviceWorker,
    extensionId,
    profileDir,
    lang,
    launchMs,
    /** Closes Chromium; deletes the profile if this launcher made it, unless keepProfile. */
    async close({ keepProfile = false } = {}) {
      await context.close().catch(() => {});
      if (!keepProfile) dropProfile();
    },
    /** Closes and relaunches on the same profile (what a person does when restarting the browser). */
    async restart() {
      await handle.close({ keepProfile: true });
      return launchBrowser({ ...options, profileDir, ownsProfile });
    },
  };
  return handle;
}

export function readManifest(extensionDir = defaultExtensionDir()) {
  return JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
}
