/**
 * "Request an authorization", the next step on a block, in real Chromium: an Action Network
 * export the policy blocks (clause 7.2) offers it; the short form needs a purpose; the message
 * opens in the person's mail program (Gmail is the mailto: handler here, so it lands in the
 * fixture's compose page, whose address carries it whole), addressed to the authority the policy
 * names for the clause, with the platform, the page title and the action, and no member data;
 * and the request is logged. Keyboard only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { poll } from './extension.mjs';
import { ORGANIZING_PAGES } from './routes-organizing.mjs';
import { focusedInDialog, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { GMAIL_MAILTO_HANDLER } from './sync-helpers.mjs';
import { now, setGrant, startOrganizingBrowser, waitForEvent } from './organizing-helpers.mjs';

/** Member data the Action Network fixtures hold: none of it may appear in the request. */
const MEMBER_DATA = /@(?!acep-cape\.ca)[a-z0-9.-]+\.[a-z]{2,}|\d{3}[\s.-]\d{3}[\s.-]\d{4}/i;

describe('requesting an authorization from a block (English UI, keyboard only)', () => {
  let s;
  before(async () => {
    s = await startOrganizingBrowser('en', { preferences: GMAIL_MAILTO_HANDLER });
    s.server.route({ host: 'mail.google.com', path: '/mail/', body: '<!doctype html><meta charset="utf-8"><title>Gmail</title><p>compose</p>' });
    await setGrant(s.browser);
  });
  after(() => s?.close());

  test('a blocked export offers the request; the purpose is required; the message goes to the named authority, holds no member data, and is logged', async () => {
    const since = await now(s.browser);
    const page = await s.open(ORGANIZING_PAGES.anActivists);
    const pageText = await page.locator('body').innerText();
    assert.match(pageText, MEMBER_DATA, 'the fixture does show member data');
    await page.locator('#save_view').focus();
    await page.keyboard.press('Enter');
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /Clause 7\.2/);
    assert.equal(await focusedInDialog(page), 'Request an authorization', 'initial focus on the next step');
    await page.keyboard.press('Enter');
    await poll(async () => ((await readDialog(page))?.fields.some((f) => f.tag === 'textarea') ? true : undefined), { what: 'the request form' });
    assert.equal(await focusedInDialog(page), 'vigie-purpose', 'focus in the purpose box');
    const form = await readDialog(page);
    assert.match(form.text, /CAPE National Office \(written authorization, through the CAPE Privacy Officer\) \(vieprivee@acep-cape\.ca\)/);
    assert.match(form.text, /never any member information/);
    // Too short: refused, said, nothing opened.
    await page.keyboard.type('list');
    await page.keyboard.press('Tab');
    assert.equal(await focusedInDialog(page), 'Prepare the message');
    await page.keyboard.press('Enter');
    await poll(async () => (/at least 10 characters/.test((await readDialog(page))?.text ?? '') ? true : undefined), { what: 'the purpose refused' });
    assert.equal(s.server.requests.filter((r) => r.host === 'mail.google.com').length, 0);
    await page.keyboard.type(' of the members who signed up for the bargaining survey');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const request = await poll(() => s.server.requests.find((r) => r.host === 'mail.google.com' && r.search.includes('extsrc=mailto')), { what: 'the request in Gmail’s compose' });
    const link = new URL(new URLSearchParams(request.search).get('url'));
    const body = link.searchParams.get('body');
    assert.equal(decodeURIComponent(link.pathname), 'vieprivee@acep-cape.ca');
    assert.match(link.searchParams.get('subject'), /^Request for a written authorization — Action Network, download$/);
    for (const line of ['Platform: Action Network', 'Action: download', 'What it is for: list of the members who signed up for the bargaining survey', 'Plateforme\u00a0: Action Network']) {
      assert.ok(body.includes(line), `the message says “${line}”`);
    }
    assert.match(body, /Page: .+/);
    assert.doesNotMatch(body, MEMBER_DATA, 'no member address or number');
    const event = await waitForEvent(s.browser, (e) => e.action === 'authorization-requested', { since });
    assert.deepEqual([event.surface, event.verdict, event.platform], ['download', 'block', 'action-network']);
    assert.ok(event.clauses.includes('7.2'));
    assert.equal(event.justification, 'list of the members who signed up for the bargaining survey');
    // The dialog says the message is ready; Close ends it and focus goes back to the control.
    await poll(async () => (/is ready in your email program/.test((await readDialog(page))?.text ?? '') ? true : undefined), { what: 'the confirmation' });
    assert.equal(await focusedInDialog(page), 'Close');
    await page.keyboard.press('Enter');
    await waitForNoDialog(page);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'save_view', 'focus returned');
  });
});
