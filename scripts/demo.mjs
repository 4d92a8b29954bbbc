#!/usr/bin/env node
/**
 * `npm start`: the Vigie demo. Builds Vigie in demo mode (trusts the demo key), signs a demo access
 * grant (.demo/demo-grant.txt), serves the Action Network and Gmail fixtures on their real host
 * names (loopback only), launches Chromium with Vigie loaded, imports the grant through the
 * options page as a person would, and opens the demo pages.
 *
 * `--org pcq` runs the same build under the party's policy instead (scripts/demo-tour-pcq.mjs):
 * its signed policy, delivered the way IT would, a party grant, and the NationBuilder, Nextcloud
 * and Facebook fixtures. Screenshots then start with `pcq-`.
 *
 * With a display ($DISPLAY) the browser is visible and stays open until Ctrl+C. Without one the
 * same tour runs headless, writes .demo/screenshots/*.png and exits (0 if every step worked).
 *
 *   npm start                      French UI, the union (ACEP)
 *   npm start -- --org pcq         the party (PCQ): its policy, grant and platforms
 *   npm start -- --lang=en-US      English UI
 *   npm start -- --headless        screenshots even with a display
 *   npm start -- --no-build        reuse .output/chrome-mv3-demo
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = join(ROOT, '.demo/screenshots');

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`demo: Node ${process.versions.node}; run \`. scripts/node22.sh\` first (WXT 0.21 needs Node 22).`);
  process.exit(1);
}
register(); // lets this plain-Node script import the TypeScript that signs the grant

const args = process.argv.slice(2);
const lang = args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length) ?? process.env.VIGIE_DEMO_LANG ?? 'fr';
const headless = args.includes('--headless') || !process.env.DISPLAY;
const orgArg = args.find((a) => a.startsWith('--org='))?.slice('--org='.length) ?? args[args.indexOf('--org') + 1];
const org = args.some((a) => a === '--org' || a.startsWith('--org=')) ? orgArg : 'acep';
if (org !== 'acep' && org !== 'pcq') {
  console.error(`demo: --org ${org ?? '(nothing)'}: expected acep or pcq`);
  process.exit(2);
}

const { buildDemoExtension } = await import('../tests/e2e/build.mjs');
const { launchBrowser } = await import('../tests/e2e/browser.mjs');
const { startFixtureServer } = await import('../tests/e2e/server.mjs');
const { PAGES } = await import('../tests/e2e/routes.mjs');
const { importGrantViaOptions, openExtensionPage, openFixture, waitForSeen } = await import('../tests/e2e/extension.mjs');
const { DEMO_HOLDER, writeDemoGrant } = await import('./make-demo-docs.ts');
const { waitForDialog } = await import('../tests/e2e/shadow-dialog.mjs');

const log = (line) => console.log(`demo: ${line}`);
const failures = [];
const shots = [];

/** One step of the tour: a failure is reported and the tour goes on. */
async function step(name, run) {
  const started = Date.now();
  try {
    await run();
    log(`✔ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failures.push(name);
    log(`✗ ${name}: ${String(error?.message ?? error).split('\n').join('\n      ')}`);
  }
}

async function screenshot(page, name) {
  if (!headless) return;
  await page.waitForTimeout(400); // let the content script's banner or dialog paint
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  shots.push(file);
}

/** A content script that never says hello is worth saying, but is not a reason to stop the tour. */
async function noteContentScript(browser, family, url) {
  await waitForSeen(browser, family, { origin: new URL(url).origin, timeout: 8_000 }).catch(() => {
    log(`  (no hello from the ${family} content script yet)`);
  });
}

const extensionDir = args.includes('--no-build') ? join(ROOT, '.output/chrome-mv3-demo') : await buildDemoExtension({ outDir: join(ROOT, '.output') });
log(`extension built in ${relative(ROOT, extensionDir)} (wxt build --mode demo)`);

// Each organisation's screenshots are its own: a tour replaces only those of its organisation.
const prefix = org === 'pcq' ? 'pcq-' : '';
mkdirSync(SHOTS, { recursive: true });
for (const old of readdirSync(SHOTS).filter((f) => f.endsWith('.png') && (prefix ? f.startsWith(prefix) : !f.startsWith('pcq-')))) rmSync(join(SHOTS, old));

const server = await startFixtureServer();
const partyTour = org === 'pcq' ? await import('./demo-tour-pcq.mjs') : undefined;
const party = partyTour ? await partyTour.preparePartyTour(server) : undefined;
const grant = party ? { file: party.grantFile, token: party.token } : await writeDemoGrant();
const holder = partyTour?.HOLDER ?? DEMO_HOLDER;
log(`demo grant for ${holder.name}${party ? ' (party member, task-bound)' : ' (local 70)'} in ${relative(ROOT, grant.file)}`);

const browser = await launchBrowser({ port: server.port, lang, headless, extensionDir, ...(party?.launchOptions ?? {}) });
log(`Chromium ${headless ? 'headless' : 'on your display'}, ${lang} UI, Vigie ${browser.extensionId} loaded in ${browser.launchMs} ms`);
log(`fixture server on 127.0.0.1:${server.port} answers for ${party ? 'pcq.nationbuilder.com, nuage.pcq.example, www.facebook.com, policy.vigie.test' : 'actionnetwork.org, mail.google.com'}, …`);

let cleaning;
function cleanUp() {
  cleaning ??= (async () => {
    await browser.close();
    await server.close();
    party?.close();
  })();
  return cleaning;
}

if (party) {
  await step('put the party policy in force', async () => log(`  ${await party.deliver(browser)}`));
  await runPartyTour();
} else {
  await runUnionTour();
}

async function runUnionTour() {
  await step('import the demo grant through the options page', async () => {
    const page = await importGrantViaOptions(browser, grant.token, { holderName: DEMO_HOLDER.name });
    await screenshot(page, '01-options-grant-imported');
  });
  await step('Action Network report page (admin.actionnetwork.org)', async () => {
    const { page } = await openFixture(browser, PAGES.anAdminReport);
    await noteContentScript(browser, 'action-network', PAGES.anAdminReport);
    await screenshot(page, '02-action-network-report');
  });
  await step('Action Network: the report download stopped, with the next step (block dialog)', async () => {
    const { page } = await openFixture(browser, PAGES.anAdminReport);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('#report_download').click();
    await waitForDialog(page);
    await screenshot(page, '02b-action-network-block-dialog');
    await page.keyboard.press('Escape');
  });
  await step('Action Network group dashboard', async () => {
    const { page } = await openFixture(browser, PAGES.anGroup);
    await screenshot(page, '03-action-network-group');
  });
  await step('Gmail with a compose open (mail.google.com)', async () => {
    const { page } = await openFixture(browser, PAGES.gmailInbox);
    await noteContentScript(browser, 'gmail', PAGES.gmailInbox);
    await screenshot(page, '04-gmail-compose');
  });
  await step('Gmail: an email with campaign wording held before sending (send dialog)', async () => {
    const { page } = await openFixture(browser, PAGES.gmailInbox);
    await page.setViewportSize({ width: 1366, height: 768 });
    const body = page.locator('[g_editable=true]').first();
    await body.waitFor();
    await body.evaluate((el) => {
      el.focus();
      const range = document.createRange();
      range.setStart(el, 0);
      range.collapse(true);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await page.keyboard.type(lang.startsWith('fr') ? 'Section locale 70 : votez pour Marie Tremblay au conseil. ' : 'Local 70: vote for Marie Tremblay on the board. ');
    await page.keyboard.press('Control+Enter');
    await waitForDialog(page);
    await screenshot(page, '04b-gmail-send-dialog');
    await page.keyboard.press('Escape');
  });
  await popupStep('05-popup');
}

async function runPartyTour() {
  const P = partyTour.PAGES;
  await step('import the party grant through the options page', async () => {
    const page = await importGrantViaOptions(browser, grant.token, { holderName: holder.name });
    await page.setViewportSize({ width: 1280, height: 1100 });
    await screenshot(page, 'pcq-01-options-grant-imported');
  });
  await step('NationBuilder people list (pcq.nationbuilder.com/admin)', async () => {
    const { page } = await openFixture(browser, P.nbPeople);
    await noteContentScript(browser, 'nationbuilder', P.nbPeople);
    await screenshot(page, 'pcq-02-nationbuilder-people');
  });
  await step('Nextcloud files (the instance named in the policy)', async () => {
    const { page } = await openFixture(browser, P.nextcloudFiles);
    await screenshot(page, 'pcq-03-nextcloud-files');
  });
  await step('Facebook: composer of the official Page', async () => {
    const { page } = await openFixture(browser, P.facebookPage);
    await noteContentScript(browser, 'social', P.facebookPage);
    await screenshot(page, 'pcq-04-facebook-composer');
  });
  await popupStep('pcq-05-popup');
}

async function popupStep(name) {
  await step('Vigie popup', async () => {
    const page = await openExtensionPage(browser, 'popup.html');
    await page.setViewportSize({ width: 420, height: 640 });
    await screenshot(page, name);
  });
}

if (headless) {
  for (const file of shots) console.log(relative(ROOT, file));
  await cleanUp();
  log(failures.length ? `${failures.length} step(s) failed: ${failures.join('; ')}` : 'tour done');
  process.exit(failures.length ? 1 : 0);
}

log('the browser stays open: try the pages (they are local fixtures), then press Ctrl+C to quit');
for (const url of Object.values(partyTour?.PAGES ?? PAGES).filter((u) => !u.endsWith('.csv'))) log(`  ${url}`);
const quit = async () => {
  await cleanUp();
  process.exit(0);
};
process.on('SIGINT', quit).on('SIGTERM', quit);
browser.context.on('close', quit);
