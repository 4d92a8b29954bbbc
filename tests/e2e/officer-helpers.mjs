/**
 * The officer's console for the e2e tests: an officer folder in a temporary directory with the
 * ACEP policy signed as its first version, the console's server started in this process (the same
 * function `vigie officer` calls), and its one-time address opened in a tab of the test browser.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOfficer, paths } from '../../lib/officer/officer.ts';
import { seedPolicy } from '../../lib/officer/policy-service.ts';
import { startOfficerServer } from '../../lib/officer/server.ts';
import { buildUi } from '../../lib/officer/ui-bundle.ts';
import { DEFAULT_POLICY } from '../../lib/packs/index.ts';
import { poll, waitForText } from './extension.mjs';
import { ROOT } from './server.mjs';

export async function startConsole(key) {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-officer-'));
  const officer = openOfficer(dir, key, { keyProtected: false, actor: 'e2e-officer' });
  await seedPolicy(officer, DEFAULT_POLICY);
  const server = await startOfficerServer(officer, await buildUi());
  return {
    officer,
    server,
    publishedPolicy: () => readFileSync(paths(dir).publishedPolicy, 'utf8'),
    async open(browser) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1100, height: 820 });
      // The test browser's host resolver refuses every name but the mapped hosts and localhost
      // (IP literals included), so the console is opened as localhost, which its Host check accepts.
      await page.goto(server.url.replace('//127.0.0.1:', '//localhost:'));
      await waitForText(page, 'Vue d’ensemble', { timeout: 15_000 });
      return page;
    },
    async close() {
      await server.close();
      officer.db.close();
    },
  };
}

export async function goTo(page, name) {
  await page.getByRole('navigation').getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).waitFor();
}

/** Screenshots of the console's screens for the README (copied to docs/officer/ by hand when they change). */
export async function shoot(page, name, part) {
  mkdirSync(join(ROOT, '.e2e/screenshots'), { recursive: true });
  await (part ?? page).screenshot({ path: join(ROOT, `.e2e/screenshots/officer-${name}.png`) });
}

/** Issues a grant through the form, as the officer would, and returns the token the console shows. */
export async function issueThroughForm(page, { name, email, section = '70', expires = '2027-06-30' }) {
  await goTo(page, 'Personnes et accès');
  await page.getByRole('button', { name: 'Émettre un accès' }).click();
  const form = page.locator('form.grant-form');
  await form.getByLabel('Nom', { exact: true }).fill(name);
  await form.getByLabel('Courriel').fill(email);
  await form.getByLabel('Numéro de la section locale').fill(section);
  await form.getByLabel('Date de la déclaration solennelle').fill('2026-01-31');
  await form.getByLabel('Date de la formation').fill('2026-02-15');
  await form.getByLabel('Date d’expiration').fill(expires);
  await form.getByRole('button', { name: 'Émettre et signer' }).click();
  await waitForText(page, `Accès émis pour ${name}.`);
  return readToken(page);
}

export async function readToken(page, previous) {
  return poll(async () => {
    const value = await page.getByTestId('grant-token').inputValue().catch(() => '');
    return value.startsWith('vigie1.') && value !== previous ? value : undefined;
  }, { timeout: 10_000, what: 'the grant token in the console' });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.x A/AA rules on the page as it is now; returns the violations as lines
 * (`rule: target`) so a failing assertion says what to fix. Evaluated over the DevTools protocol,
 * which the console's Content-Security-Policy (script-src 'self') does not govern.
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
