import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePolicy, type Policy } from '../../../lib/core/policy';
import { unknownSenderMode } from '../../../lib/core/unknown-sender';
import type { GuardContext } from '../../../lib/guard/context-types';
import { openLogDatabase } from '../../../lib/log/database';
import type { AnyReply } from '../../../lib/messaging/protocol';
import { DEFAULT_POLICY, PCQ_POLICY } from '../../../lib/packs';
import acep from '../../../lib/packs/acep/policy.json';
import { handleMessage } from '../../../lib/state/handle-message';
import { readSenderAnswers } from '../../../lib/state/sender-answers';
import type { Services } from '../../../lib/state/services';
import { KEYS } from '../../../lib/state/storage';
import { senderAnswersView } from '../../../lib/ui/sender-answers-view';
import { statusView } from '../../../lib/ui/status-view';
import { mailboxInPath, mailboxKey } from '../../../lib/webmail/mailbox';
import { senderScope } from '../../../lib/webmail/sender-scope';
import { NOW, sampleGrant } from '../helpers';

const ctx = (platform: string, policy: Policy = DEFAULT_POLICY): GuardContext => ({ lang: 'fr', policy, grant: sampleGrant(), grantStatus: 'valid', platform });
const withMode = (mode: unknown) => parsePolicy({ ...acep, platforms: acep.platforms.map((p) => (p.id === 'outlook' ? { ...p, unknownSender: mode } : p)) });

describe('the mailbox a webmail page shows', () => {
  it('is the host and the account part of the path, never more', () => {
    expect(mailboxKey('https://outlook.live.com/mail/0/inbox/id/AAQk?x=1')).toBe('outlook.live.com/mail/0');
    expect(mailboxKey('https://mail.google.com/mail/u/4/#inbox?compose=new')).toBe('mail.google.com/mail/u/4');
    expect(mailboxKey('https://outlook.office.com/mail/inbox/id/AAQk')).toBe('outlook.office.com/mail');
    expect(mailboxKey('https://outlook.office.com/mail/SL70@acep-cape.ca/inbox')).toBe('outlook.office.com/mail/sl70@acep-cape.ca');
  });

  it('names a shared mailbox opened by its address (/mail/<address>/…), and nothing else', () => {
    const at = (path: string) => mailboxInPath(path, ['/mail/']);
    expect(at('/mail/sl70@acep-cape.ca/inbox/id/AAQk')).toBe('sl70@acep-cape.ca');
    expect(at('/mail/SL70%40acep-cape.ca/inbox')).toBe('sl70@acep-cape.ca');
    expect(at('/mail/0/inbox')).toBeUndefined();
    expect(at('/mail/inbox/id/AAQk')).toBeUndefined();
    expect(at('/mail/deeplink/compose')).toBeUndefined();
    expect(at('/mail/%E0%A4%A/inbox')).toBeUndefined();
    expect(at('/calendar/sl70@acep-cape.ca/')).toBeUndefined();
  });
});

describe('an unreadable sender is settled by the policy', () => {
  it('a sender read from the page is in scope when it is a local-section account', () => {
    expect(senderScope('sl70@acep-cape.ca', ctx('outlook'), undefined)).toEqual({ how: 'read', inScope: true });
    expect(senderScope('camille.roy@example.org', ctx('outlook'), 'local')).toEqual({ how: 'read', inScope: false });
  });

  it('ask (the ACEP default): undecided until the person answers, then the answer', () => {
    expect(unknownSenderMode(DEFAULT_POLICY, 'outlook')).toBe('ask');
    expect(senderScope(undefined, ctx('outlook'), undefined)).toEqual({ how: 'ask', inScope: undefined });
    expect(senderScope(undefined, ctx('outlook'), 'local')).toEqual({ how: 'answered-local', inScope: true });
    expect(senderScope(undefined, ctx('outlook'), 'personal')).toEqual({ how: 'answered-personal', inScope: false });
  });

  it('assume-local and ignore decide without asking, whatever was answered; a policy that says nothing asks', () => {
    expect(senderScope(undefined, ctx('outlook', withMode('assume-local')), 'personal')).toEqual({ how: 'assume-local', inScope: true });
    expect(senderScope(undefined, ctx('outlook', withMode('ignore')), 'local')).toEqual({ how: 'ignore', inScope: false });
    expect(unknownSenderMode(PCQ_POLICY, 'gmail')).toBe('ask');
  });

  it('the policy schema refuses another mode, with its place', () => {
    expect(() => withMode('guess')).toThrow(/platforms.*unknownSender|unknownSender/);
  });
});

describe('remembered answers in the background', () => {
  let services: Services;
  beforeEach(() => {
    fakeBrowser.reset();
    services = {
      areas: { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session, managed: fakeBrowser.storage.managed },
      db: openLogDatabase('vigie', { indexedDB: new IDBFactory(), IDBKeyRange }),
      runtimeId: fakeBrowser.runtime.id,
      extensionBase: fakeBrowser.runtime.getURL(''),
      uiLanguage: () => 'fr-CA',
      alarms: { get: async () => undefined, create: () => undefined },
      now: () => NOW,
    };
  });
  const content = (url: string) => ({ id: fakeBrowser.runtime.id, url, tab: { url } });
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('popup.html'), tab: { url: fakeBrowser.runtime.getURL('popup.html') } };
  const send = (message: object, sender: object): Promise<AnyReply> => handleMessage(message, sender, services);

  it('a content script records an answer for its mailbox; the popup sees it and can forget it', async () => {
    const page = content('https://outlook.live.com/mail/0/inbox');
    expect(await send({ type: 'sender-answer', mailbox: 'outlook.live.com/mail/0', answer: 'local' }, page)).toEqual({ ok: true });
    expect(await readSenderAnswers(services.areas.local)).toEqual({ 'outlook.live.com/mail/0': { answer: 'local', platform: 'outlook', time: NOW.getTime() } });
    const reply = await send({ type: 'get-state' }, popup);
    expect(reply.ok && 'state' in reply && reply.state.senderAnswers).toEqual({ 'outlook.live.com/mail/0': { answer: 'local', platform: 'outlook', time: NOW.getTime() } });
    expect(await send({ type: 'forget-sender-answer', mailbox: 'outlook.live.com/mail/0' }, popup)).toEqual({ ok: true });
    expect(await readSenderAnswers(services.areas.local)).toEqual({});
  });

  it("a page's unknown-sender health report names its mailbox as its answer is keyed: the popup's problem goes once that mailbox is answered", async () => {
    const page = content('https://outlook.live.com/mail/0/inbox/id/AAQk?x=1');
    const report = { type: 'log-events', events: [{ surface: 'health', action: 'sender-unknown', detail: 'outlook: lookup=sender: x' }] };
    expect(await send(report, page)).toEqual({ ok: true });
    const stateNow = async () => {
      const reply = await send({ type: 'get-state' }, popup);
      if (!reply.ok || !('state' in reply)) throw new Error('no state');
      return reply.state;
    };
    const before = await stateNow();
    expect(before.health.outlook).toMatchObject({ status: 'sender-unknown', mailbox: 'outlook.live.com/mail/0' });
    expect(statusView({ ...before, grant: { state: 'held', grant: sampleGrant(), status: 'valid' } }).problems.map((p) => p.id)).toEqual(['sender-outlook']);
    // The answer as the content script sends it: keyed by its own reading of the page's address.
    expect(await send({ type: 'sender-answer', mailbox: mailboxKey('https://outlook.live.com/mail/0/inbox/id/AAQk?x=1'), answer: 'personal' }, page)).toEqual({ ok: true });
    expect(statusView({ ...(await stateNow()), grant: { state: 'held', grant: sampleGrant(), status: 'valid' } }).problems).toEqual([]);
  });

  it('refuses a bad answer, a page forgetting answers, and reads a damaged store as nothing answered', async () => {
    const page = content('https://outlook.live.com/mail/0/inbox');
    expect(await send({ type: 'sender-answer', mailbox: 'outlook.live.com/mail/0', answer: 'maybe' }, page)).toEqual({ ok: false, error: 'bad-message' });
    expect(await send({ type: 'forget-sender-answer', mailbox: 'outlook.live.com/mail/0' }, page)).toEqual({ ok: false, error: 'bad-message' });
    await services.areas.local.set({ [KEYS.senderAnswers]: { x: { answer: 'yes' } } });
    expect(await readSenderAnswers(services.areas.local)).toEqual({});
  });

  it('the popup lists each answer in plain words, French and English', () => {
    const answers = { 'outlook.live.com/mail/0': { answer: 'local' as const, platform: 'outlook', time: 1 }, 'mail.google.com/mail/u/1': { answer: 'personal' as const, platform: 'gmail', time: 2 } };
    expect(senderAnswersView(answers, 'fr').lines.map((l) => l.text)).toEqual(['mail.google.com/mail/u/1\u00a0: compte personnel', 'outlook.live.com/mail/0\u00a0: compte de section locale']);
    expect(senderAnswersView(answers, 'en').lines.map((l) => l.text)).toEqual(['mail.google.com/mail/u/1: personal account', 'outlook.live.com/mail/0: local-section account']);
    expect(senderAnswersView({}, 'en').lines).toEqual([]);
  });
});
