/**
 * The Gmail and Outlook lookups on the pages assembled from real captured DOM (issue 9), French
 * and English, in Chromium without the extension (the real adapters, bundled and injected as in
 * webmail-adapters.test.mjs): the body is the real editor, never a To well, whatever the order of
 * its attributes; the compose is found from its body when fields and body sit apart; the sender
 * from each source in order, or none; every part of a control counts as the control.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { openFixture } from './extension.mjs';
import { bundleProbe } from './webmail-probe-bundle.mjs';
import { ROUTES } from './routes.mjs';
import { WEBMAIL_PAGES, WEBMAIL_ROUTES, webmailUrl } from './routes-webmail.mjs';
import { startFixtureServer } from './server.mjs';

const REAL = WEBMAIL_PAGES.real;
const SUBJECT = { en: 'General meeting – December 12', fr: 'Assemblée générale – 12 décembre' };

describe('webmail lookups on the real-capture fixtures (Chromium, no extension)', () => {
  let server;
  let browser;
  let probe;
  before(async () => {
    probe = await bundleProbe();
    server = await startFixtureServer({ routes: [...ROUTES, ...WEBMAIL_ROUTES] });
    browser = await launchBrowser({ port: server.port, extensionDir: null, lang: 'en-US' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url, lang) {
    const { page } = await openFixture(browser, webmailUrl(url, lang));
    await page.addScriptTag({ content: probe });
    const run = (fn, ...args) => page.evaluate(([f, a]) => window.VigieProbe[f](...a), [fn, args]);
    return { page, run };
  }

  for (const lang of ['en', 'fr']) {
    test(`Gmail 2020 capture (${lang}): the g_editable body, Send with bidi marks, the account from the title, Schedule send pressed on its icon`, async () => {
      const { page, run } = await open(REAL.gmail, lang);
      assert.deepEqual(await run('bodies', 'gmail'), [true]);
      const [compose] = await run('composes', 'gmail');
      assert.equal(compose.root, 'td.I5', 'the nearest element holding the compose form and the body (Send included)');
      assert.equal(compose.send.fallback, 0);
      assert.equal(compose.sender, 'sl70@acep-cape.ca', 'From is empty: the account in the title');
      assert.equal(compose.subject, SUBJECT[lang]);
      assert.deepEqual(compose.controls, ['send', 'more-options']);
      assert.equal(await run('classify', 'gmail', '.aoO'), 'send');
      await page.locator('.hG').click();
      assert.equal(await run('classify', 'gmail', 'img[data-fixture-icon]'), 'schedule', 'the icon has role=menuitem and no label: its item counts');
      assert.equal(await run('classify', 'gmail', '.J-N-Jz'), 'schedule', 'the text of the item');
      assert.equal(await run('schedule', 'gmail'), 'div.J-N.yr');
      await page.close();
      const other = await open(`${REAL.gmail.split('#')[0]}?account=camille.roy@example.org#inbox`, lang);
      assert.equal((await other.run('composes', 'gmail'))[0].sender, 'camille.roy@example.org', 'another signed-in account');
      await other.page.close();
    });

    test(`Outlook.com 2021 capture (${lang}): the body is the editor, not the To well that is a multi-line textbox; no sender to read`, async () => {
      const { page, run } = await open(REAL.outlookLive, lang);
      assert.deepEqual(await run('bodies', 'outlook'), [true], 'one body, the real one');
      const [compose] = await run('composes', 'outlook');
      assert.ok(compose.send, 'the compose is found from its body although fields and body sit apart');
      assert.equal(compose.subject, SUBJECT[lang]);
      assert.equal(compose.sender, null, 'From hidden, no mailbox in the address, the account control names no address');
      assert.equal(await run('classify', 'outlook', '[data-fixture-send] i'), 'send', 'the icon inside Send');
      assert.equal(await run('classify', 'outlook', '[data-fixture-send] .ms-Button-label'), 'send');
      assert.equal((await run('markers', 'outlook')).length, 1);
      // Whatever the order of the attributes, and without the body's label: the To well is never the body.
      await page.evaluate(() => {
        const well = document.querySelector('[role=textbox][aria-multiline=true]');
        const copy = document.createElement('div');
        for (const name of ['aria-label', 'contenteditable', 'aria-multiline', 'role']) copy.setAttribute(name, well.getAttribute(name));
        copy.innerHTML = well.innerHTML;
        well.replaceWith(copy);
        document.querySelector('[data-fixture-body]').removeAttribute('aria-label');
      });
      assert.deepEqual(await run('bodies', 'outlook'), [true], 'found in #editorParent_1');
      await page.evaluate(() => document.querySelector('#editorParent_1').removeAttribute('id'));
      assert.deepEqual(await run('bodies', 'outlook'), [], 'with nothing left to tell it, no body rather than the To well');
      await page.close();
    });

    test(`Microsoft 365 2023 capture (${lang}): fields and body apart, the quote, the sender from the shared mailbox in the address, else the signed-in account`, async () => {
      const shared = await open(REAL.m365Shared, lang);
      assert.deepEqual(await shared.run('bodies', 'outlook'), [true]);
      const [compose] = await shared.run('composes', 'outlook');
      assert.equal(compose.sender, 'sl70@acep-cape.ca', 'the mailbox named in /mail/<address>/');
      assert.match(compose.subject, /^RE: /);
      assert.equal(compose.slot.before, 'div#appendonsend', 'the block goes above the quote');
      assert.equal(await shared.run('classify', 'outlook', '[data-fixture-send] i'), 'send');
      await shared.page.close();
      const own = await open(REAL.m365Own, lang);
      assert.equal((await own.run('composes', 'outlook'))[0].sender, 'camille.roy@acep-cape.ca', "the suite header's login_hint");
      await own.page.close();
      const other = await open(REAL.m365Other, lang);
      assert.equal((await other.run('composes', 'outlook'))[0].sender, 'benevoles@example.org');
      await other.page.close();
    });
  }
});
