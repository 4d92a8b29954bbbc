import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { originAndPath } from '../../lib/core/event';
import { logEvent } from '../../lib/log/event-log';
import { scrubText } from '../../lib/log/scrub';
import { handleMessage } from '../../lib/state/handle-message';
import type { Services } from '../../lib/state/services';
import { fakeServices, storedEvents } from './helpers';

describe('originAndPath', () => {
  it.each([
    ['https://actionnetwork.org/people/jane@x.org/edit?x=1', '/people/[email]/edit'],
    ['https://actionnetwork.org/people/jane%40x.org', '/people/[email]'],
    ['https://actionnetwork.org/a/contact-jane.doe@x.org', '/a/[email]'],
    ['https://acep.actionbuilder.org/call/613-555-0100/notes', '/call/[phone]/notes'],
    ['https://acep.actionbuilder.org/call/(613)%20555-0100', '/call/[phone]'],
    ['https://acep.actionbuilder.org/call/+16135550100', '/call/[phone]'],
    ['https://acep.actionbuilder.org/entity/view/12345', '/entity/view/12345'],
    ['https://acep.actionbuilder.org/campaigns/2026-03-01/report', '/campaigns/2026-03-01/report'],
    ['https://actionnetwork.org/reports/x/manage?email=jane@x.org#phone=6135550100', '/reports/x/manage'],
  ])('%s → %s', (url, path) => {
    expect(originAndPath(url).path).toBe(path);
  });

  it('keeps the origin and drops credentials, query and fragment', () => {
    expect(originAndPath('https://jane:secret@actionnetwork.org/x?email=jane@x.org')).toEqual({ origin: 'https://actionnetwork.org', path: '/x' });
    expect(originAndPath('not a url')).toEqual({});
  });
});

describe('scrubText', () => {
  it('replaces email addresses and phone numbers in free text', () => {
    expect(scrubText('Écrire à Jane <jane.doe@x.org> ou au (613) 555-0100, +1 613.555.0101')).toBe('Écrire à Jane <[email]> ou au [phone], [phone]');
  });
});

/** A member's data, as it appears on a platform page and in its URLs. */
const MEMBER = { name: 'Jane Doe', first: 'Jane', last: 'Doe', email: 'jane@x.org', phone: '613-555-0100', digits: '6135550100' };
const PAGE_TEXT = `<table><tr><td>${MEMBER.name}</td><td>${MEMBER.email}</td><td>${MEMBER.phone}</td></tr></table>`;

describe('the event log never holds member data', () => {
  let services: Services;
  beforeEach(() => {
    fakeBrowser.reset();
    services = fakeServices(() => new Date('2026-03-01T12:00:00Z'));
  });

  it('from a content script on a page whose URL and content carry it', async () => {
    const url = `https://actionnetwork.org/people/${MEMBER.email}/edit?email=${MEMBER.email}&phone=${MEMBER.phone}&name=${encodeURIComponent(MEMBER.name)}`;
    const sender = { id: services.runtimeId, url, tab: { url } };
    const careless = {
      surface: 'export-click',
      action: 'decided',
      verdict: 'block',
      clauses: ['7.2'],
      // An adapter that passed the raw URL instead of originAndPath, and page text where it should not:
      origin: url,
      path: new URL(url).pathname + new URL(url).search,
      detail: `export of ${MEMBER.email} / ${MEMBER.phone} / ${MEMBER.digits}`,
      counts: { emails: 1, phones: 1, rows: 1 },
      pageText: PAGE_TEXT,
      selection: `${MEMBER.name}\t${MEMBER.email}\t${MEMBER.phone}`,
    };
    expect(await handleMessage({ type: 'log-events', events: [careless] }, sender, services)).toEqual({ ok: true });
    const careful = { surface: 'copy', action: 'decided', verdict: 'warn', ...originAndPath(url), justification: `appel à ${MEMBER.email}` };
    expect(await handleMessage({ type: 'log-events', events: [careful] }, sender, services)).toEqual({ ok: true });
    await logEvent(services.db, { time: 1, platform: 'gmail', surface: 'send', action: 'decided', senderDomain: `sl70@acep-cape.ca`, ...originAndPath(url) });

    const rows = await storedEvents(services.db);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ platform: 'action-network', origin: 'https://actionnetwork.org', path: '/people/[email]/edit' });
    expect(rows[2]).toMatchObject({ senderDomain: 'acep-cape.ca' });
    const stored = JSON.stringify(rows).toLowerCase();
    for (const value of [MEMBER.email, MEMBER.phone, MEMBER.digits, MEMBER.first, MEMBER.last, 'x.org', '555']) {
      expect(stored).not.toContain(value.toLowerCase());
    }
  });

  it('from importing a grant: the holder is not written to the log', async () => {
    const { readFileSync } = await import('node:fs');
    const { signDocument, toToken } = await import('../../lib/core/signature');
    const key = JSON.parse(readFileSync('demo/demo-keypair.json', 'utf8'));
    const grant = {
      schema: 'vigie.grant/1', id: 'acep-70-0002', organisation: 'acep', role: 'cla', platforms: ['action-network'],
      holder: { name: 'Jeanne Tremblay', email: 'jeanne.tremblay@example.org' },
      issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z',
    };
    const sender = { id: services.runtimeId, url: `${services.extensionBase}options.html` };
    const reply = await handleMessage({ type: 'import-grant', token: toToken(await signDocument('grant', grant, key)) }, sender, services);
    expect(reply).toEqual({ ok: true, holder: 'Jeanne Tremblay' });
    const stored = JSON.stringify(await storedEvents(services.db)).toLowerCase();
    expect(stored).toContain('grant-imported');
    expect(stored).not.toContain('tremblay');
    expect(stored).not.toContain('example.org');
  });
});
