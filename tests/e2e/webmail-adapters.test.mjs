/**
 * Adapter tests for Gmail and Outlook: the real adapters and selector chains (bundled with Vite,
 * injected into the page) run on every webmail fixture in Chromium, without the extension. They
 * count what each selector matches and what the adapter makes of each compose, and show the
 * fallbacks take over when the preferred attribute is gone. A fixture that is missing fails
 * (the server refuses to start, openFixture checks the page).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { openFixture } from './extension.mjs';
import { bundleProbe } from './webmail-probe-bundle.mjs';
import { ROUTES } from './routes.mjs';
import { WEBMAIL_PAGES, WEBMAIL_ROUTES, webmailUrl } from './routes-webmail.mjs';
import { FIXTURES_DIR, startFixtureServer } from './server.mjs';

const SUBJECT = { en: 'General meeting – December 12', fr: 'Assemblée générale – 12 décembre' };
const SEND = { en: 'Send', fr: 'Envoyer' };

describe('webmail adapters on the fixtures (Chromium, no extension)', () => {
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
    for (const [variant, url] of [['pop-up', WEBMAIL_PAGES.gmail.popup], ['full-screen', WEBMAIL_PAGES.gmail.fullscreen], ['standalone window', WEBMAIL_PAGES.gmail.window]]) {
      test(`Gmail ${variant} (${lang}): one compose, its Send (bidi marks in the label), sender, subject, slot after Gmail's signature`, async () => {
        const { page, run } = await open(url, lang);
        const counts = await run('counts', 'gmail');
        assert.equal(counts.body[0], 1, 'g_editable body');
        assert.equal(counts.body[1], 1, 'ARIA textbox body');
        assert.equal(counts.composeFields[0], 1, 'one compose form');
        assert.equal(counts.subject[0], 1);
        assert.equal(counts.from[0], 1);
        assert.equal(counts.siteSignature[0], 1);
        assert.equal(counts.quote[0], 0);
        const [compose, ...others] = await run('composes', 'gmail');
        assert.equal(others.length, 0);
        assert.deepEqual(compose.send, { fallback: 0, text: SEND[lang] });
        assert.equal(compose.sender, 'sl70@acep-cape.ca');
        assert.equal(compose.subject, SUBJECT[lang]);
        assert.equal(compose.options, true);
        assert.deepEqual(compose.controls, ['send', 'more-options']);
        assert.equal(compose.slot.after, 'div.gmail_signature', 'the block goes right after Gmail’s signature');
        assert.deepEqual(await run('markers', 'gmail'), ['div.M9']);
        const exact = await page.evaluate((label) => document.querySelectorAll(`[aria-label="${label}"]`).length, lang === 'en' ? 'Send (Ctrl-Enter)' : 'Envoyer (Ctrl+Entrée)');
        assert.equal(exact, 0, 'an exact label match without the bidi marks finds nothing, as on Gmail');
        await page.close();
      });
    }

    test(`Gmail inline reply, forward and send options (${lang})`, async () => {
      const { page, run } = await open(WEBMAIL_PAGES.gmail.reply, lang);
      assert.deepEqual(await run('composes', 'gmail'), [], 'no compose before Reply (templates are inert)');
      await page.locator('[data-fixture-open=fixture-reply]').click();
      const [reply] = await run('composes', 'gmail');
      assert.match(reply.subject, /^Re: /);
      assert.deepEqual(reply.controls, ['send', 'more-options', 'send-archive']);
      assert.equal(reply.slot.after, 'div.gmail_signature');
      assert.ok((await run('counts', 'gmail')).quote[0] >= 1);
      await page.locator('.hG').click();
      assert.equal(await run('schedule', 'gmail'), 'div.J-N.yr');
      await page.locator('[data-fixture-open=fixture-forward]').click();
      const forward = (await run('composes', 'gmail')).find((c) => c.subject.startsWith('Fwd:'));
      assert.ok(forward, 'the forward is a second compose');
      await page.close();
    });
  }

  test('Gmail: the fallbacks take over when the preferred attributes are gone', async () => {
    const { page, run } = await open(WEBMAIL_PAGES.gmail.popup, 'en');
    await page.evaluate(() => {
      document.querySelectorAll('[g_editable]').forEach((b) => b.removeAttribute('g_editable'));
      document.querySelectorAll('.aoO').forEach((b) => b.removeAttribute('data-tooltip'));
      document.querySelectorAll('input[name=from]').forEach((i) => (i.value = ''));
    });
    const counts = await run('counts', 'gmail');
    assert.equal(counts.body[0], 0);
    const [compose] = await run('composes', 'gmail');
    assert.equal(compose.send.fallback, 1, 'Send found among the role=button controls by its label');
    assert.equal(compose.sender, 'sl70@acep-cape.ca', 'an empty From falls back to the account');
    await page.close();
  });

  for (const lang of ['en', 'fr']) {
    test(`Outlook new message in the reading pane (${lang}): From hidden, the account is the sender`, async () => {
      const { page, run } = await open(WEBMAIL_PAGES.outlook.compose, lang);
      const counts = await run('counts', 'outlook');
      assert.equal(counts.body[0], 1);
      assert.equal(counts.sendButtons[0], 1);
      assert.equal(counts.composeFields[0], 1);
      assert.equal(counts.from[0] + counts.from[1], 0, 'no From control shown');
      assert.equal(counts.account[0], 1);
      const [compose] = await run('composes', 'outlook');
      assert.deepEqual(compose.send, { fallback: 0, text: SEND[lang] });
      assert.equal(compose.sender, 'sl70@acep-cape.ca');
      assert.equal(compose.subject, SUBJECT[lang]);
      assert.deepEqual(compose.controls, ['send', 'more-options']);
      assert.equal(compose.slot.after, 'div#Signature');
      assert.equal((await run('markers', 'outlook')).length, 1);
      await page.locator('[data-fixture-send-options]').click();
      assert.match(await run('schedule', 'outlook'), /^button\.ms-ContextualMenu-link/);
      await page.close();
    });

    test(`Outlook inline reply and pop-out (${lang}): From shown, slot above #appendonsend`, async () => {
      const { page, run } = await open(WEBMAIL_PAGES.outlook.reply, lang);
      await page.locator('[data-fixture-open=fixture-reply]').click();
      const [reply] = await run('composes', 'outlook');
      assert.equal(reply.sender, 'sl70@acep-cape.ca');
      assert.equal(reply.subject, '', 'inline replies hide the subject');
      assert.deepEqual(reply.slot, { parent: reply.slot.parent, before: 'div#appendonsend', after: 'div#Signature' });
      await page.close();
      const popout = await open(WEBMAIL_PAGES.outlook.popout, lang);
      const [compose] = await popout.run('composes', 'outlook');
      assert.equal(compose.sender, 'sl70@acep-cape.ca');
      assert.equal((await popout.run('counts', 'outlook')).from[lang === 'en' ? 0 : 1], 1, 'the From control');
      await popout.page.close();
    });
  }

  test('Outlook: no hashed class is needed, fallbacks take over, the signature editor is not a compose', async () => {
    const classOf = (lang) => /class="(\w+)" role="textbox" contenteditable="true" aria-multiline/.exec(readFileSync(join(FIXTURES_DIR, `outlook/compose-new.${lang}.html`), 'utf8'))[1];
    assert.notEqual(classOf('en'), classOf('fr'), 'the fixtures’ hashed classes differ, and the adapter works on both');
    const { page, run } = await open(WEBMAIL_PAGES.outlook.compose, 'en');
    await page.evaluate(() => {
      document.querySelector('[data-fixture-send]').removeAttribute('aria-label');
      const editor = document.createElement('div');
      Object.assign(editor, { contentEditable: 'true' });
      editor.setAttribute('role', 'textbox');
      editor.setAttribute('aria-multiline', 'true');
      editor.setAttribute('aria-label', 'Signature, press Alt+F10 to exit');
      document.querySelector('[role=navigation]').append(editor);
    });
    const all = await run('composes', 'outlook');
    assert.equal(all.length, 1, 'the signature editor is not taken for a compose');
    assert.equal(all[0].send.fallback, 1, 'Send found by its title');
    await page.close();
  });
});
