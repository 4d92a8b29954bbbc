import { describe, expect, it } from 'vitest';
import { ContentEvent, ContentToBackground, OptionsToBackground, PopupToBackground } from '../../lib/messaging/protocol';
import { classifySender, familyMatches, type SenderContext } from '../../lib/messaging/sender';
import { DEFAULT_POLICY } from '../../lib/packs';

const ctx: SenderContext = { runtimeId: 'vigie-id', extensionBase: 'chrome-extension://vigie-id/', policy: DEFAULT_POLICY };

describe('message schemas', () => {
  it('accept the messages of each direction', () => {
    expect(ContentToBackground.parse({ type: 'hello', family: 'gmail' })).toEqual({ type: 'hello', family: 'gmail' });
    expect(ContentToBackground.safeParse({ type: 'log-events', events: [{ surface: 'export-click', action: 'decided', verdict: 'block' }] }).success).toBe(true);
    expect(PopupToBackground.safeParse({ type: 'get-state' }).success).toBe(true);
    expect(OptionsToBackground.safeParse({ type: 'import-grant', token: 'vigie1.abc' }).success).toBe(true);
    expect(OptionsToBackground.safeParse({ type: 'remove-grant' }).success).toBe(true);
  });

  it.each([
    ['no type', { family: 'gmail' }],
    ['unknown type', { type: 'import-grant', token: 'x' }],
    ['unknown family', { type: 'hello', family: 'facebook' }],
    ['extra field', { type: 'hello', family: 'gmail', grant: 'x' }],
    ['not an object', 'hello'],
    ['null', null],
    ['the single-event message, retired for log-events', { type: 'log-event', event: { surface: 'copy', action: 'decided', verdict: 'allow' } }],
    ['no events', { type: 'log-events', events: [] }],
    ['more than 500 events', { type: 'log-events', events: Array.from({ length: 501 }, () => ({ surface: 'copy', action: 'decided', verdict: 'allow' })) }],
  ])('content: rejects %s', (_name, message) => {
    expect(ContentToBackground.safeParse(message).success).toBe(false);
  });

  // Each event of a log-events message is checked on its own in the worker (one bad event must not
  // lose the others: tests/unit/log-write-queue.test.ts).
  it.each([
    ['an invalid verdict', { surface: 'copy', action: 'decided', verdict: 'maybe' }],
    ['a grant surface', { surface: 'grant', action: 'grant-imported' }],
  ])('content events: refuses one with %s', (_name, event) => {
    expect(ContentEvent.safeParse(event).success).toBe(false);
  });

  it('lets only the options page import or remove a grant', () => {
    expect(PopupToBackground.safeParse({ type: 'import-grant', token: 'vigie1.abc' }).success).toBe(false);
    expect(PopupToBackground.safeParse({ type: 'remove-grant' }).success).toBe(false);
    expect(OptionsToBackground.safeParse({ type: 'import-grant' }).success).toBe(false);
    expect(OptionsToBackground.safeParse({ type: 'import-grant', token: '' }).success).toBe(false);
    expect(OptionsToBackground.safeParse({ type: 'import-grant', token: 'x'.repeat(70_000) }).success).toBe(false);
  });
});

describe('classifySender', () => {
  it('recognises the popup and the options page', () => {
    expect(classifySender({ id: 'vigie-id', url: 'chrome-extension://vigie-id/popup.html' }, ctx)).toEqual({ kind: 'popup' });
    expect(classifySender({ id: 'vigie-id', url: 'chrome-extension://vigie-id/options.html?x#y', tab: {} }, ctx)).toEqual({ kind: 'options' });
  });

  it('recognises a content script on a guarded host, with the platform the policy gives it', () => {
    const url = 'https://acep.actionbuilder.org/entity/view?x=1';
    expect(classifySender({ id: 'vigie-id', url, tab: { url } }, ctx)).toEqual({ kind: 'content', url, platform: 'action-builder' });
  });

  it('takes a blank frame or pop-up a guarded page made for that page (its origin), and nothing else blank', () => {
    const blank = { id: 'vigie-id', url: 'about:blank', origin: 'https://actionnetwork.org', tab: { url: 'https://actionnetwork.org/people' } };
    expect(classifySender(blank, ctx)).toEqual({ kind: 'content', url: 'https://actionnetwork.org/', platform: 'action-network' });
    expect(classifySender({ ...blank, url: 'about:srcdoc' }, ctx).kind).toBe('content');
    expect(classifySender({ ...blank, origin: 'https://example.org' }, ctx).kind).toBe('untrusted');
    expect(classifySender({ ...blank, origin: 'null' }, ctx).kind).toBe('untrusted');
    expect(classifySender({ ...blank, origin: undefined }, ctx).kind).toBe('untrusted');
  });

  it.each([
    ['another extension', { id: 'evil-id', url: 'chrome-extension://vigie-id/options.html' }],
    ['another extension’s page', { id: 'vigie-id', url: 'chrome-extension://evil-id/options.html' }],
    ['one of our pages that is not allowed to talk', { id: 'vigie-id', url: 'chrome-extension://vigie-id/other.html' }],
    ['no URL', { id: 'vigie-id', tab: {} }],
    ['an unguarded host', { id: 'vigie-id', url: 'https://example.org/', tab: { url: 'https://example.org/' } }],
    ['a look-alike host', { id: 'vigie-id', url: 'https://evilactionnetwork.org/', tab: {} }],
    ['plain http', { id: 'vigie-id', url: 'http://actionnetwork.org/', tab: {} }],
    ['a guarded URL outside a tab', { id: 'vigie-id', url: 'https://actionnetwork.org/' }],
  ])('refuses %s', (_name, sender) => {
    expect(classifySender(sender, ctx).kind).toBe('untrusted');
  });
});

describe('familyMatches', () => {
  it('holds a family to its own manifest matches', () => {
    expect(familyMatches('action-network', 'https://actionnetwork.org/emails')).toBe(true);
    expect(familyMatches('action-network', 'https://admin.actionnetwork.org/')).toBe(true);
    expect(familyMatches('gmail', 'https://mail.google.com/mail/u/0/')).toBe(true);
    expect(familyMatches('outlook', 'https://outlook.office365.com/mail/')).toBe(true);
    expect(familyMatches('gmail', 'https://actionnetwork.org/')).toBe(false);
    expect(familyMatches('action-builder', 'https://actionbuilder.org.evil.example/')).toBe(false);
    expect(familyMatches('outlook', 'http://outlook.live.com/')).toBe(false);
  });
});
