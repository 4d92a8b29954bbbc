/**
 * Class 4 of the hardening issue: rows that are not `<table>` rows. A roster of names and workplaces (no address, no number) drawn as an ARIA grid on Action
 * Builder, or as list items on Action Network, is a member list: copying it whole is stopped (the
 * clipboard, read from an unguarded page, holds no member name; a control on an unguarded host
 * shows the same copy does carry the names there).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { now, waitForEvent } from './organizing-helpers.mjs';
import { AB, AN, MEMBERS, OUTSIDE, hostilePage, markClipboard, readClipboard, startHostileBrowser } from './hostile-helpers.mjs';

const NAME = /Marie Tremblay|Noah Roy/;

const GRID = hostilePage(
  'roster-grid',
  `<h1>Members by workplace</h1><div role="grid" aria-label="Roster">
    <div role="row"><span role="columnheader">Name</span> <span role="columnheader">Workplace</span></div>
    ${MEMBERS.map(([name, , , work]) => `<div role="row"><span role="gridcell">${name}</span> <span role="gridcell">${work}</span></div>`).join('')}
  </div>`,
);

const LIST = hostilePage(
  'roster-list',
  `<h1>Members</h1><nav><ul><li><a href="/people">People</a></li><li><a href="/reports">Reports</a></li></ul></nav>
   <ul class="roster">${MEMBERS.map(([name, , , work]) => `<li><a href="/people/${encodeURIComponent(name)}">${name}</a> — ${work}</li>`).join('')}</ul>`,
);

describe('rosters without addresses', () => {
  let s;
  before(async () => {
    s = await startHostileBrowser([
      ...[AB, OUTSIDE].map((host) => ({ host, path: '/hostile/grid', body: GRID })),
      { host: AN, path: '/hostile/list', body: LIST },
    ]);
  });
  after(() => s?.close());

  const copyPage = async (host, path) => {
    const page = await s.browser.context.newPage();
    await page.goto(`https://${host}${path}`);
    await page.bringToFront();
    await page.locator('h1').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
    return page;
  };

  test('control: on an unguarded host the grid copies its names', async () => {
    await markClipboard(s);
    const page = await copyPage(OUTSIDE, '/hostile/grid');
    assert.match(await readClipboard(s), NAME);
    await page.close();
  });

  test(`${AB}: copying an ARIA grid of names and workplaces is stopped`, async () => {
    await markClipboard(s);
    const since = await now(s.browser);
    const page = await copyPage(AB, '/hostile/grid');
    const event = await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.verdict === 'block', { since });
    assert.deepEqual(event.counts, { emails: 0, phones: 0, rows: MEMBERS.length });
    assert.doesNotMatch(await readClipboard(s), NAME);
    await page.close();
  });

  test(`${AN}: copying a list of members (list items) is stopped; the menu is not counted`, async () => {
    await markClipboard(s);
    const since = await now(s.browser);
    const page = await copyPage(AN, '/hostile/list');
    const event = await waitForEvent(s.browser, (e) => e.surface === 'copy' && e.verdict === 'block', { since });
    assert.deepEqual(event.counts, { emails: 0, phones: 0, rows: MEMBERS.length });
    assert.doesNotMatch(await readClipboard(s), NAME);
    await page.close();
  });
});
