/**
 * Issue 10, class 8: a page must not be able to hide Vigie's dialog or make it click-through, so
 * as to click-jack an override. In real Chromium on the Gmail fixture, with an email the policy
 * warns about (campaign wording, clause 8.1.e: "Send anyway" is allowed), the page turns hostile:
 *   1. CSS and inline styles that would hide the host every way CSS can: the dialog is still
 *      painted (read from a screenshot) and still the element under the pointer;
 *   2. a decoy laid over it in the top layer after it opened, letting clicks through: a press on
 *      the override is refused (nothing sent) until the decoy is gone;
 *   3. the page removes the dialog's host: nothing is sent.
 * Each case asserts from outside the page: what the fixture's server-side state says was sent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GUARD_STRINGS as SHARED_STRINGS } from '../../lib/guard/strings.ts';
import { SEND_STRINGS } from '../../lib/webmail/send-strings.ts';
import { poll } from './extension.mjs';
import { decodePng } from './png-pixels.mjs';
import { WEBMAIL_PAGES } from './routes-webmail.mjs';
import { onDialogRoot, pressDialogButton, readDialog, waitForDialog, waitForNoDialog } from './shadow-dialog.mjs';
import { BLOCK, fixtureState, startWebmailBrowser, typeAtStart, waitForCount } from './webmail-helpers.mjs';

/** The strings the guard shows on a send: the shared ones and the send guard's own. */
const GUARD_STRINGS = { ...SHARED_STRINGS, ...SEND_STRINGS };

const PAGES = WEBMAIL_PAGES.gmail;
const compose = (id) => `.M9:has(input[name=composeid][value="${id}"])`;
const s = (key) => GUARD_STRINGS[key].en;
const CAMPAIGN = 'Local 70: vote for Marie Tremblay on the board. ';
const WARN_BORDER = [0xa1, 0x5c, 0x00];

/** Every way page CSS could hide or disarm the dialog's host, as a stylesheet and as inline styles. */
const HIDE = 'display:none !important; visibility:hidden !important; opacity:0 !important; pointer-events:none !important; clip-path:inset(50%) !important; transform:scale(0) !important; content-visibility:hidden !important; filter:opacity(0) !important; position:absolute !important; left:-99999px !important; width:0 !important; height:0 !important; overflow:hidden !important';

async function warnedCompose(session, page) {
  const { opened } = await fixtureState(page);
  await page.locator('.T-I-KE').click();
  const c = compose(`fixture-new-compose-${opened + 1}`);
  await waitForCount(page, `${c} ${BLOCK}`, 1);
  await typeAtStart(page, `${c} [g_editable=true]`, CAMPAIGN);
  return c;
}

/** Where a dialog button is on screen, read inside the closed shadow root. */
async function buttonBox(page, label) {
  return onDialogRoot(page, `function () {
    const b = [...this.querySelectorAll('button')].find((x) => x.textContent.trim() === ${JSON.stringify(label)});
    if (!b) return undefined; const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }`);
}

const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 12);

describe('a hostile page against the guard dialog (English UI)', () => {
  let session;
  before(async () => {
    session = await startWebmailBrowser('en-US');
  });
  after(() => session?.close());

  test('page CSS cannot hide the dialog: it is painted, it is what the pointer hits, and it still works', async () => {
    const page = await session.open(PAGES.popup);
    await page.evaluate((hide) => {
      const style = document.createElement('style');
      style.textContent = `vigie-dialog, vigie-dialog *, body > vigie-dialog { ${hide} }`;
      document.head.append(style);
      new MutationObserver(() => {
        for (const host of document.querySelectorAll('vigie-dialog')) if (!host.getAttribute('style')) host.setAttribute('style', hide);
      }).observe(document.documentElement, { childList: true, subtree: true });
    }, HIDE);
    await warnedCompose(session, page);
    await page.keyboard.press('Control+Enter');
    await waitForDialog(page);
    await poll(() => page.evaluate(() => document.querySelector('vigie-dialog')?.getAttribute('style')), { what: 'the page styling the host' });
    const box = await onDialogRoot(page, `function () { const r = this.querySelector('dialog').getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; }`);
    assert.ok(box.width > 200 && box.height > 100, `laid out: ${JSON.stringify(box)}`);
    const shot = decodePng(await page.screenshot());
    const border = shot.at(Math.round(box.left + box.width / 2), Math.round(box.top + 3));
    assert.ok(near(border, WARN_BORDER), `the warn border is painted: ${border}`);
    const inside = shot.at(Math.round(box.left + 12), Math.round(box.top + box.height / 2));
    assert.ok(near(inside, [255, 255, 255]), `the dialog's own background is painted: ${inside}`);
    const target = await buttonBox(page, s('sendAnyway'));
    assert.equal(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, target), 'vigie-dialog', 'the pointer hits the dialog, not the page');
    await pressDialogButton(page, s('sendAnyway'));
    await pressDialogButton(page, s('sendAnyway'));
    await waitForNoDialog(page);
    assert.equal((await fixtureState(page)).sent.length, 1, 'a visible dialog works as usual');
    await page.close();
  });

  test('a decoy laid over the dialog in the top layer, letting clicks through, cannot click-jack the override', async () => {
    const page = await session.open(PAGES.popup);
    await warnedCompose(session, page);
    await page.keyboard.press('Control+Enter');
    await waitForDialog(page);
    await pressDialogButton(page, s('sendAnyway')); // the justification step, whose button sends
    await poll(async () => ((await readDialog(page))?.fields.some((f) => f.tag === 'textarea') ? true : undefined), { what: 'the justification step' });
    await page.evaluate(() => {
      const decoy = document.createElement('div');
      decoy.id = 'decoy';
      decoy.setAttribute('popover', 'manual');
      decoy.style.cssText = 'position:fixed; inset:0; width:100vw; height:100vh; margin:0; border:0; background:#fff; pointer-events:none; font:24px sans-serif;';
      decoy.textContent = 'Congratulations! Click the button to claim your prize.';
      document.body.append(decoy);
      decoy.showPopover();
    });
    await new Promise((r) => setTimeout(r, 800)); // past the dialog's first half-second, so only the decoy can explain a refusal
    for (let i = 0; i < 3; i++) {
      // Where the button is now: the refusal's message moves it down.
      const now = await buttonBox(page, s('sendAnyway'));
      await page.mouse.click(now.x, now.y);
      await new Promise((r) => setTimeout(r, 250));
    }
    const refused = await readDialog(page);
    assert.ok(refused, 'the dialog is still open');
    assert.match(refused.text, /That choice was not taken/);
    assert.equal((await fixtureState(page)).sent.length, 0, 'nothing sent while covered');

    await page.evaluate(() => document.getElementById('decoy').hidePopover());
    await poll(async () => {
      const now = await buttonBox(page, s('sendAnyway'));
      await page.mouse.click(now.x, now.y);
      return (await readDialog(page)) ? undefined : true;
    }, { what: 'the press to count once the dialog is seen again' });
    assert.equal((await fixtureState(page)).sent.length, 1, 'sent once the person could see what they pressed');
    await page.close();
  });

  test('the page removing the dialog sends nothing', async () => {
    const page = await session.open(PAGES.popup);
    await warnedCompose(session, page);
    await page.keyboard.press('Control+Enter');
    await waitForDialog(page);
    await page.evaluate(() => document.querySelector('vigie-dialog').remove());
    await waitForNoDialog(page);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await fixtureState(page)).sent.length, 0);
    await page.close();
  });
});
