/**
 * The fixtures and the fixture server themselves: every route answers with its file in the right
 * language, a missing fixture stops the server, each page has the structure platforms.md
 * describes (so adapters are tested against what the research says, not against drift), and the
 * little scripts that mimic Gmail behave. Runs Chromium without the extension.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { openFixture } from './extension.mjs';
import { PAGES, ROUTES } from './routes.mjs';
import { ORGANIZING_ROUTES } from './routes-organizing.mjs';
import { WEBMAIL_ROUTES } from './routes-webmail.mjs';
import { FIXTURES_DIR, startFixtureServer } from './server.mjs';

const OWNED = ['action-network', 'action-builder', 'gmail', 'outlook'];

/** GET through loopback with a real Host header (never DNS, never the network). */
function get(port, url, headers = {}) {
  const { host, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: pathname + search, servername: host, headers: { host, ...headers }, rejectUnauthorized: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
      },
    );
    req.on('error', reject).end();
  });
}

describe('fixture files', () => {
  for (const platform of OWNED) {
    const files = readdirSync(join(FIXTURES_DIR, platform));
    test(`${platform}: every file is served by a route, every page is marked and says what is guessed`, () => {
      const routed = new Set([...ROUTES, ...ORGANIZING_ROUTES, ...WEBMAIL_ROUTES].flatMap((r) => (typeof r.fixture === 'string' ? [r.fixture] : Object.values(r.fixture))));
      assert.ok(files.length > 0, `tests/fixtures/${platform} has fixtures`);
      for (const file of files) {
        assert.ok(routed.has(`${platform}/${file}`), `${platform}/${file} is in tests/e2e/routes.mjs`);
        if (!file.endsWith('.html')) continue;
        const html = readFileSync(join(FIXTURES_DIR, platform, file), 'utf8');
        assert.match(html, new RegExp(`<meta name="vigie-fixture" content="${platform}/${file.replace('.html', '')}">`));
        const head = html.slice(0, html.indexOf('-->'));
        assert.match(head, /\[V\]/, `${file} says what is verified`);
        assert.match(head, /\[G\]/, `${file} says what is guessed`);
      }
      for (const file of files.filter((f) => /\.en\.html$/.test(f))) {
        assert.ok(files.includes(file.replace('.en.html', '.fr.html')), `${file} has a French twin`);
      }
    });
  }
});

describe('fixture server', () => {
  let server;
  before(async () => {
    server = await startFixtureServer();
  });
  after(() => server?.close());

  test('picks the language from ?hl= first, then Accept-Language, else English', async () => {
    const fr = await get(server.port, PAGES.anReport, { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' });
    assert.equal(fr.headers['x-vigie-fixture'], 'action-network/report-manage.fr.html');
    const en = await get(server.port, `${PAGES.anReport}?hl=en`, { 'accept-language': 'fr' });
    assert.equal(en.headers['x-vigie-fixture'], 'action-network/report-manage.en.html');
    const none = await get(server.port, PAGES.gmailInbox);
    assert.equal(none.headers['x-vigie-fixture'], 'gmail/inbox-compose.en.html');
  });

  test('serves the report CSV as an attachment on both Action Network hosts', async () => {
    for (const url of [PAGES.anReportCsv, PAGES.anReportCsv.replace('admin.', '')]) {
      const csv = await get(server.port, url);
      assert.equal(csv.status, 200);
      assert.match(csv.headers['content-type'], /^text\/csv/);
      assert.match(csv.headers['content-disposition'], /^attachment; filename="membres-2026\.csv"$/);
      assert.match(csv.body, /^uuid,first_name,last_name,email,Phone Number,can2_user_city/);
    }
  });

  test('answers 404 for anything else, on any host', async () => {
    assert.equal((await get(server.port, 'https://actionnetwork.org/nothing/here')).status, 404);
    assert.equal((await get(server.port, 'https://example.com/reports/membres-2026/manage')).status, 404);
  });

  test('serves routes a test registers', async () => {
    server.route({ host: 'outlook.office.com', path: '/policy.json', body: '{"ok":true}', type: 'application/json' });
    const res = await get(server.port, 'https://outlook.office.com/policy.json');
    assert.equal(res.body, '{"ok":true}');
  });

  test('refuses to start when a route names a missing fixture', async () => {
    await assert.rejects(
      startFixtureServer({ routes: [{ hosts: ['mail.google.com'], path: '/x', fixture: 'gmail/does-not-exist.html' }] }),
      /missing fixture file\(s\): tests\/fixtures\/gmail\/does-not-exist\.html/,
    );
  });
});

describe('fixture pages in Chromium (no extension)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ port: server.port, extensionDir: null, lang: 'en-US' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('any host that is not a platform fails to resolve: nothing reaches a live site', async () => {
    // One tab per URL, left open: closing a tab right after failed navigations can hang here
    // (page.close() waited 8 s to 2 min in Chromium 156); closing the browser is fine.
    for (const url of ['https://example.com/', 'https://accounts.google.com/']) {
      const page = await browser.context.newPage();
      await assert.rejects(page.goto(url), /ERR_NAME_NOT_RESOLVED/);
    }
  });

  const gmail = {
    en: { body: 'Message Body', subject: 'Subject', send: 'Send \u202A(Ctrl-Enter)\u202C', region: 'New Message', sent: 'Message sent.' },
    fr: { body: 'Corps du message', subject: 'Objet', send: 'Envoyer \u202A(Ctrl+Entrée)\u202C', region: 'Nouveau message', sent: 'Message envoyé.' },
  };
  for (const [lang, label] of Object.entries(gmail)) {
    test(`Gmail (${lang}): the §2.1 compose skeleton`, async () => {
      const { page, fixture } = await openFixture(browser, `https://mail.google.com/mail/u/0/?hl=${lang}#inbox`);
      assert.equal(fixture, `gmail/inbox-compose.${lang}.html`);
      const count = (selector) => page.locator(selector).count();
      assert.equal(await count('div[role=dialog]:has(form)'), 1);
      assert.equal(await count(`div.M9 div.aoI[role=region][aria-label="${label.region}"]`), 1);
      assert.equal(await count(`input[name=subjectbox][aria-label="${label.subject}"]`), 1);
      assert.equal(await count(`.Ap div[role=textbox][aria-label="${label.body}"][g_editable="true"][contenteditable="true"][aria-multiline="true"]`), 1);
      assert.equal(await count('div[role=dialog] input[name=from]'), 1);
      assert.equal(await page.locator('input[name=from]').inputValue(), 'sl70@acep-cape.ca');
      assert.equal(await count('div.anm[name=to] div[role=option][data-name][data-hovercard-id="marie.tremblay@example.org"]'), 1);
      assert.equal(await count('.gmail_signature[data-smartmail=gmail_signature]'), 1);
      const send = page.locator('.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])');
      assert.equal(await send.count(), 1, 'InboxSDK send-button selector finds exactly one button');
      assert.equal(await send.getAttribute('aria-label'), label.send, 'aria-label has the bidi marks');
      assert.equal(await send.getAttribute('data-tooltip'), label.send);
      const plain = label.send.replace(/[\u202A-\u202E]/g, '');
      assert.equal(await count(`[aria-label="${plain}"]`), 0, 'an exact match without the bidi marks finds nothing, as on real Gmail');
      assert.match(await page.title(), /sl70@acep-cape\.ca - Gmail$/);
      await page.close();
    });

    test(`Gmail (${lang}): Compose opens a second compose, Send sends one`, async () => {
      const { page } = await openFixture(browser, `https://mail.google.com/mail/u/0/?hl=${lang}#inbox`);
      await page.locator('.T-I-KE').click();
      assert.equal(await page.locator('div[role=dialog]').count(), 2);
      assert.equal(await page.locator('[aria-labelledby=":c2"] input[name=subjectbox]').inputValue(), '');
      await page.locator('[aria-labelledby=":c1"] div[role=button].aoO').click();
      assert.equal(await page.locator('div[role=dialog]').count(), 1);
      const sent = await page.evaluate(() => window.__vigieFixture.sent);
      assert.equal(sent.length, 1);
      assert.deepEqual(sent[0].to, ['marie.tremblay@example.org']);
      await page.getByRole('alert').filter({ hasText: label.sent }).waitFor();
      await page.locator('[aria-labelledby=":c2"] [g_editable=true]').press('Control+Enter');
      assert.equal(await page.locator('div[role=dialog]').count(), 0);
      await page.close();
    });
  }

  const an = {
    en: { report: 'Currently Managing Report:', group: 'Currently Managing Group:', download: 'Download', event: 'Event' },
    fr: { report: 'Rapport actuellement géré :', group: 'Groupe actuellement géré :', download: 'Télécharger', event: 'Événement' },
  };
  for (const [lang, label] of Object.entries(an)) {
    test(`Action Network (${lang}): report and group manage pages`, async () => {
      const { page } = await openFixture(browser, `${PAGES.anAdminReport}?hl=${lang}`);
      assert.equal((await page.locator('.managing_title h6').textContent()).trim(), label.report);
      assert.equal((await page.locator('.managing_title h2').textContent()).trim(), 'Membres 2026');
      const download = page.locator('a[href$=".csv"]');
      assert.equal(await download.count(), 1);
      assert.equal((await download.textContent()).trim(), label.download);
      assert.equal(await download.getAttribute('href'), '/reports/membres-2026/download.csv');
      assert.equal(await page.locator('table.report_results tbody tr').count(), 5);

      await page.goto(`${PAGES.anGroup}?hl=${lang}`);
      assert.equal((await page.locator('.managing_title h6').textContent()).trim(), label.group);
      assert.equal((await page.locator('.managing_title h2').textContent()).trim(), 'Section locale 70 – Ottawa');
      assert.equal(await page.locator('#group_create_action a', { hasText: label.event }).count(), 1);
      assert.equal(await page.locator('#tabs a[href$=".csv"]').count(), 2);
      await page.close();
    });
  }
});
