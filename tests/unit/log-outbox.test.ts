import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LogOutbox } from '../../lib/guard/log-outbox';
import type { AnyReply } from '../../lib/messaging/protocol';
import { handleMessage } from '../../lib/state/handle-message';
import type { Services } from '../../lib/state/services';
import { fakeServices, storedCount, storedEvents } from './helpers';

const copy = (detail: string) => ({ surface: 'copy', action: 'decided', verdict: 'allow', ruleIds: [], clauses: [], findings: [], detail });

describe('LogOutbox', () => {
  it('sends what one task logged as one message, in order, and answers each event once sent', async () => {
    const sent: unknown[][] = [];
    const outbox = new LogOutbox(async (events) => (sent.push(events), { ok: true }));
    const answered = Promise.all(['a', 'b', 'c'].map((d) => outbox.add(copy(d))));
    expect(sent).toEqual([]);
    await answered;
    expect(sent).toEqual([[copy('a'), copy('b'), copy('c')]]);
    await outbox.add(copy('d'));
    expect(sent.map((b) => b.length)).toEqual([3, 1]);
  });

  it('splits a burst into messages of at most 500 events, none lost', async () => {
    const sent: unknown[][] = [];
    const outbox = new LogOutbox(async (events) => (sent.push(events), { ok: true }));
    await Promise.all(Array.from({ length: 1201 }, (_, i) => outbox.add(copy(`e${i}`))));
    expect(sent.map((b) => b.length)).toEqual([500, 500, 201]);
    expect(sent.flat().map((e) => (e as { detail: string }).detail)).toEqual(Array.from({ length: 1201 }, (_, i) => `e${i}`));
  });

  it("sends with the browser's own queueMicrotask, which refuses to be called as another object's method", async () => {
    const native = globalThis.queueMicrotask;
    // As Chromium's: a `this` other than the global is an Illegal invocation (it stopped all logging).
    globalThis.queueMicrotask = function (this: unknown, run: VoidFunction) {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      native(run);
    };
    try {
      const sent: unknown[][] = [];
      const outbox = new LogOutbox(async (events) => (sent.push(events), { ok: true }));
      await outbox.add(copy('a'));
      expect(sent).toEqual([[copy('a')]]);
    } finally {
      globalThis.queueMicrotask = native;
    }
  });

  it('a failed send (page leaving, extension reloaded) still answers the callers', async () => {
    const outbox = new LogOutbox(() => Promise.reject(new Error('Extension context invalidated.')));
    await expect(outbox.add(copy('x'))).resolves.toBeUndefined();
  });
});

describe('log-events through the background', () => {
  let services: Services;
  beforeEach(() => {
    fakeBrowser.reset();
    services = fakeServices(() => new Date('2026-03-01T12:00:00Z'));
  });
  const url = 'https://actionnetwork.org/groups/x';
  const send = (message: unknown): Promise<AnyReply> => handleMessage(message, { id: services.runtimeId, url, tab: { url } }, services);

  it('stores a batch in order, stamped with the time, the platform and the policy', async () => {
    expect(await send({ type: 'log-events', events: [copy('1'), copy('2'), copy('3')] })).toEqual({ ok: true });
    const rows = await storedEvents(services.db);
    expect(rows.map((r) => [r.detail, r.platform, r.time])).toEqual(['1', '2', '3'].map((d) => [d, 'action-network', Date.parse('2026-03-01T12:00:00Z')]));
    expect(rows.every((r) => r.policyId && r.policyVersion)).toBe(true);
  });

  it('an event a content script may not log is refused alone; the others are kept', async () => {
    const forged = { surface: 'grant', action: 'grant-imported' };
    expect(await send({ type: 'log-events', events: [copy('1'), forged, copy('2')] })).toEqual({ ok: false, error: 'not-stored' });
    expect((await storedEvents(services.db)).map((r) => r.detail)).toEqual(['1', '2']);
  });

  it('refuses an empty batch and one over 500 events', async () => {
    expect(await send({ type: 'log-events', events: [] })).toEqual({ ok: false, error: 'bad-message' });
    expect(await send({ type: 'log-events', events: Array.from({ length: 501 }, (_, i) => copy(`${i}`)) })).toEqual({ ok: false, error: 'bad-message' });
    expect(await storedCount(services.db)).toBe(0);
  });
});
