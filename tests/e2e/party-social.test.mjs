/**
 * Publishing from the party's official Facebook Page, in real Chromium under the party's signed
 * policy: the trusted click on "Publier"/"Post" is stopped before Facebook's own listener, the
 * policy's confirmation (clause 5.1, no justification) is shown, and the post goes out only once
 * confirmed. From a personal profile nothing is asked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { poll } from './extension.mjs';
import { now, pause, waitForEvent } from './organizing-helpers.mjs';
import { startPartyBrowser } from './party-helpers.mjs';
import { PARTY_PAGES } from './routes-party.mjs';
import { pressDialogButton, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';

const published = (page) => page.locator('#feed article.published').count();

for (const [lang, post, confirm, cancel] of [['fr', 'Publier', 'Publier', 'Annuler'], ['en', 'Post', 'Publish', 'Cancel']]) {
  describe(`official Facebook Page (${lang})`, () => {
    let s;
    before(async () => {
      s = await startPartyBrowser(lang);
    });
    after(() => s?.close());

    test('publishing as the party asks for the procedure first; cancel leaves nothing published, confirm publishes once', async () => {
      const since = await now(s.browser);
      const page = await s.open(PARTY_PAGES.facebookPage);
      await page.getByRole('button', { name: post, exact: true }).click();
      const dialog = await waitForDialog(page);
      assert.match(dialog.text, lang === 'fr' ? /Vous publiez au nom du Parti/ : /You are publishing on behalf of the Party/);
      assert.match(dialog.text, lang === 'fr' ? /Section « Les réseaux sociaux : ne jamais perdre le contrôle des accès »/ : /Section “Social networks: never lose control of access”/);
      assert.match(dialog.text, /Parti conservateur du Québec/);
      assert.equal(dialog.fields.length, 0, 'a confirmation, no justification');
      assert.equal(await published(page), 0, 'Facebook never saw the click');
      await pressDialogButton(page, cancel);
      await waitForNoDialog(page);
      assert.equal(await published(page), 0);
      await waitForEvent(s.browser, (e) => e.surface === 'publish' && e.action === 'cancelled', { since });

      await page.getByRole('button', { name: post, exact: true }).click();
      await waitForDialog(page);
      await pressDialogButton(page, confirm);
      await waitForNoDialog(page);
      await poll(async () => (await published(page)) === 1 || undefined, { what: 'the post, after the confirmation' });
      await pause(300);
      assert.equal(await published(page), 1, 'published once');
      const event = await waitForEvent(s.browser, (e) => e.surface === 'publish' && e.action === 'overridden', { since });
      assert.deepEqual(event.ruleIds, ['official-account-publish']);
      assert.equal(event.platform, 'facebook');
      await page.close();
    });

    test('a click the page synthesises on the official Publish is stopped without a dialog (regression)', async () => {
      const since = await now(s.browser);
      const page = await s.open(PARTY_PAGES.facebookPage);
      await page.getByRole('button', { name: post, exact: true }).evaluate((button) => button.click());
      await waitForEvent(s.browser, (e) => e.surface === 'publish' && e.action === 'cancelled' && /untrusted-activation/.test(e.detail ?? ''), { since });
      assert.equal(await readDialog(page), undefined, 'no one is there to confirm it');
      assert.equal(await published(page), 0);
      await page.close();
    });

    test('a personal profile publishes without a dialog', async () => {
      const page = await s.open(PARTY_PAGES.facebookPage);
      await page.locator('#switch_profile').click();
      await page.getByRole('button', { name: post, exact: true }).click();
      await pause(500);
      assert.equal(await readDialog(page), undefined);
      assert.equal(await published(page), 1);
      await page.close();
    });
  });
}
