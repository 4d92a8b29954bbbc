import { describe, expect, it, vi } from 'vitest';
import { parseGrant } from '../../lib/core/grant';
import { DEFAULT_POLICY, PCQ_POLICY } from '../../lib/packs';
import type { VigieState } from '../../lib/state/snapshot';
import { EMPTY_SYNC } from '../../lib/sync/sync-status';
import { statusView } from '../../lib/ui/status-view';
import { BADGE, badgeRefresher } from '../../lib/state/badge';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const acepGrant = parseGrant({
  schema: 'vigie.grant/1', id: 'acep-70-0001', organisation: 'acep', holder: { name: 'Jeanne Tremblay', email: 'jeanne@example.org' },
  section: { number: '70', name: { fr: 'Ottawa', en: 'Ottawa' } }, role: 'executive', platforms: ['action-network', 'gmail'],
  issuedAt: '2026-01-15T00:00:00Z', expiresAt: '2027-01-15T12:00:00Z',
});

function state(extra: Partial<VigieState> = {}): VigieState {
  return { lang: 'en', settings: { language: 'auto' }, policy: { policy: DEFAULT_POLICY, source: 'default' }, grant: { state: 'held', grant: acepGrant, status: 'valid' }, recent: { events: [], skipped: 0 }, sync: EMPTY_SYNC, health: {}, seen: {}, now: NOW, ...extra };
}

describe('statusView: what the popup opens with and the badge shows', () => {
  it('all well: no problem, no badge, one sentence of what the person may do', () => {
    const view = statusView(state());
    expect(view).toMatchObject({ level: 'ok', problems: [] });
    expect(view.summary).toBe('You may work on Action Network and Gmail until January 15, 2027. Vigie stops you before any information leaves without an authorization.');
    expect(BADGE.ok.text).toBe('');
  });

  it('no, expired or revoked access: red, the sentence says so, and the one problem says whom to write to', () => {
    const none = statusView(state({ grant: { state: 'missing' } }));
    expect(none.level).toBe('red');
    expect(none.problems).toEqual([{ id: 'grant', text: 'To get an up-to-date authorization, write to the CAPE Privacy Officer (vieprivee@acep-cape.ca), then import it.', button: { label: 'Import an authorization', action: 'options' } }]);
    expect(statusView(state({ grant: { state: 'held', grant: acepGrant, status: 'expired' } })).summary).toBe('Your access authorization expired on January 15, 2027: every export is blocked.');
    const revoked = statusView(state({ lang: 'fr', grant: { state: 'held', grant: acepGrant, status: 'revoked' } }));
    expect(revoked.level).toBe('red');
    expect(revoked.summary).toMatch(/révoquée.*Cessez d’utiliser les renseignements que vous avez exportés/);
    expect(statusView(state({ sync: { ...EMPTY_SYNC, grantManaged: true }, grant: { state: 'missing' } })).problems[0]!.button).toBeUndefined();
  });

  it('an unknown sender is amber until the person has answered for that mailbox (ask); always under ignore; never under assume-local', () => {
    const unknown = { outlook: { time: NOW, status: 'sender-unknown' as const, mailbox: 'outlook.live.com/mail/0' } };
    const asked = statusView(state({ health: unknown }));
    expect(asked.level).toBe('amber');
    expect(asked.problems.map((p) => p.text)).toEqual([expect.stringMatching(/^Outlook.*: Vigie cannot see which account .* it will ask/)]);
    const answer = { answer: 'local' as const, platform: 'outlook', time: NOW };
    expect(statusView(state({ health: unknown, senderAnswers: { 'outlook.live.com/mail/0': answer } }))).toMatchObject({ level: 'ok', problems: [] });
    // An answer for another mailbox of the same platform does not settle this one.
    expect(statusView(state({ health: unknown, senderAnswers: { 'outlook.live.com/mail/1': answer } })).level).toBe('amber');
    const withMode = (mode: 'ignore' | 'assume-local') => ({ policy: { ...DEFAULT_POLICY, platforms: DEFAULT_POLICY.platforms.map((p) => (p.id === 'outlook' ? { ...p, unknownSender: mode } : p)) }, source: 'default' as const });
    const ignored = statusView(state({ policy: withMode('ignore'), health: unknown, senderAnswers: { 'outlook.live.com/mail/0': answer } }));
    expect(ignored.level).toBe('amber');
    expect(ignored.problems[0]!.text).toMatch(/^Outlook.*: .*leave without the notice being checked/);
    expect(statusView(state({ policy: withMode('assume-local'), health: unknown }))).toMatchObject({ level: 'ok', problems: [] });
  });

  it('a degraded webmail is amber and says the send check may not run; a degraded organizing platform says downloads are still checked', () => {
    const view = statusView(state({ health: { gmail: { time: NOW, status: 'degraded' }, 'action-network': { time: NOW, status: 'degraded' } } }));
    expect(view.level).toBe('amber');
    expect(view.problems.map((p) => p.text)).toEqual([
      expect.stringMatching(/^Action Network: .*Downloads are still checked/),
      expect.stringMatching(/^Gmail: .*The check before sending may not run/),
    ]);
  });

  it('the party: a task that ended says to stop using the data; a self-hosted platform not enabled is amber with its button', () => {
    const pcq = PCQ_POLICY;
    const member = parseGrant({
      schema: 'vigie.grant/1', id: 'pcq-0001', organisation: pcq.organisation.id, holder: { name: 'Alex Roy', email: 'alex@example.org' }, role: 'party-member', platforms: ['*'],
      task: { description: 'Porte-à-porte', endsAt: '2026-02-28T23:59:59Z' }, confidentialityAgreementDate: '2026-01-31', issuedAt: '2026-01-15T00:00:00Z', expiresAt: '2026-12-31T00:00:00Z',
    });
    const ended = statusView(state({ lang: 'fr', policy: { policy: pcq, source: 'default' }, grant: { state: 'held', grant: member, status: 'expired' } }));
    expect(ended.summary).toBe('Votre tâche s’est terminée le 28 février 2026\u00a0: votre accès est retiré. Cessez d’utiliser les données obtenues pour cette tâche.');
    const valid = statusView(state({ policy: { policy: pcq, source: 'default' }, grant: { state: 'held', grant: { ...member, task: { ...member.task!, endsAt: '2026-12-01T00:00:00Z' } }, status: 'valid' } }));
    const selfHosted = valid.problems.filter((p) => p.id.startsWith('self-hosted-'));
    expect(valid.level).toBe('amber');
    expect(selfHosted.length).toBeGreaterThan(0);
    expect(selfHosted[0]).toMatchObject({ text: expect.stringMatching(/Vigie is not enabled on .+ yet\./), button: { action: 'options' } });
    const granted = selfHosted.map((p) => `https://${p.id.slice('self-hosted-'.length)}/*`);
    expect(statusView(state({ policy: { policy: pcq, source: 'default' }, grant: { state: 'held', grant: { ...member, task: { ...member.task!, endsAt: '2026-12-01T00:00:00Z' } }, status: 'valid' } }), granted).level).toBe('ok');
  });
});

describe('badgeRefresher: the badge shows the state of the last change', () => {
  it('runs one refresh at a time, so a slow older one cannot paint over a newer one; changes meanwhile share one more run', async () => {
    let state = 'red';
    let painted = '';
    const gates: Array<() => void> = [];
    let runs = 0;
    const refresh = badgeRefresher(async () => {
      runs += 1;
      const seen = state;
      // The first run is the slow one (managed storage late); later ones answer at once.
      if (runs === 1) await new Promise<void>((resolve) => gates.push(resolve));
      painted = seen;
    }, () => undefined);
    const first = refresh();
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    state = 'ok';
    const second = refresh();
    const third = refresh();
    expect(third).toBe(second);
    gates[0]!();
    await Promise.all([first, second]);
    expect(painted).toBe('ok');
    expect(runs).toBe(2);
  });

  it('a failed refresh is reported and the next one still runs', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const refresh = badgeRefresher(async () => {
      calls += 1;
      if (calls === 1) throw new Error('storage gone');
    }, (error) => errors.push(error));
    await refresh();
    await refresh();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
