/**
 * "Report a suspected compromise" (clause 7.7) in real Chromium: one click in the popup opens a
 * message to the policy's incident address, prefilled with who reports, when, a place to say what
 * was seen and Vigie's last events, in both languages; and the report is logged. Gmail is the
 * browser's mailto: handler here, so the message opens in (the fixture of) Gmail's compose page,
 * whose address carries it whole.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_HOLDER, demoGrantToken } from '../../scripts/make-demo-docs.ts';
import { importGrantViaOptions, openExtensionPage, poll, waitForText } from './extension.mjs';
import { startFixtureServer } from './server.mjs';
import { GMAIL_MAILTO_HANDLER, launchManagedBrowser, seedPlatformEvents, waitForLog } from './sync-helpers.mjs';

/** The mailto: link Gmail's compose page was opened with, split into its parts. */
function parseMailto(request) {
  const link = new URLSearchParams(request.search).get('url');
  assert.ok(link?.startsWith('mailto:'), `Gmail was opened with a mailto: link (${request.search.slice(0, 80)})`);
  const url = new URL(link);
  return { to: decodeURIComponent(url.pathname), subject: url.searchParams.get('subject'), body: url.searchParams.get('body') };
}

describe('reporting a suspected compromise from the popup (French UI)', () => {
  let server;
  let s;
  before(async () => {
    server = await startFixtureServer();
    server.route({ host: 'mail.google.com', path: '/mail/', body: '<!doctype html><meta charset="utf-8"><title>Gmail</title><p>compose</p>' });
    s = await launchManagedBrowser({ port: server.port, lang: 'fr', preferences: GMAIL_MAILTO_HANDLER });
    await (await importGrantViaOptions(s.browser, await demoGrantToken(), { holderName: DEMO_HOLDER.name })).close();
    await seedPlatformEvents(s.browser);
  });
  after(async () => {
    await s?.close();
    await server?.close();
  });

  test('one click opens a prefilled message to the incident address, in French then English, and logs it', async () => {
    const before = Date.now();
    const popup = await openExtensionPage(s.browser, 'popup.html');
    await popup.getByRole('button', { name: 'Signaler une compromission soupçonnée' }).click();
    const request = await poll(() => server.requests.find((r) => r.host === 'mail.google.com' && r.path === '/mail/' && r.search.includes('extsrc=mailto')), {
      what: "Gmail's compose page opened with the report",
    });
    const message = parseMailto(request);
    assert.equal(message.to, 'incident@acep-cape.ca');
    assert.equal(
      message.subject,
      "Signalement d’une compromission soupçonnée — Section locale 70 – Ottawa / Suspected compromise report — Local 70 – Ottawa",
    );
    const [fr, en] = message.body.split('\r\n\r\n— — —\r\n\r\n');
    assert.ok(en, 'a French part, then an English part');
    for (const line of [
      'Je signale une compromission soupçonnée de renseignements des membres (article 7.7).',
      `Compte\u00a0: ${DEMO_HOLDER.name} <${DEMO_HOLDER.email}>`,
      'Unité\u00a0: Section locale 70 – Ottawa',
      'Comptes de la section\u00a0: sl70@acep-cape.ca',
      "Autorisation d’accès\u00a0: demo-sl70-executive (En vigueur)",
      "Ce que j’ai constaté\u00a0: [décrivez ici ce que vous avez vu, quand et sur quelle plateforme]",
      'Derniers événements consignés par Vigie\u00a0:',
    ]) {
      assert.ok(fr.split('\r\n').includes(line), `French part has: ${line}\n---\n${fr}`);
    }
    assert.match(fr, /^Heure du signalement\u00a0: .+ \(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\)$/m);
    assert.match(fr, /^- .+ — Action Network — exportation\u00a0: blocage$/m);
    assert.match(en, /^Account: Camille Roy <camille\.roy@acep-cape\.ca>$/m);
    assert.match(en, /^- .+ — Action Network — export: blocked$/m);
    assert.doesNotMatch(message.body, /\r(?!\n)|(?<!\r)\n/, 'every line break is CRLF');

    const event = await waitForLog(s.browser, (e) => e.surface === 'report' && e.time >= before);
    assert.equal(event.action, 'reported');
    assert.equal(event.grantId, 'demo-sl70-executive');
    assert.deepEqual(event.clauses, ['7.7']);
    const again = await openExtensionPage(s.browser, 'popup.html');
    await waitForText(again, 'Compromission soupçonnée signalée');
    await again.close();
  });
});
