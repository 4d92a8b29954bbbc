import { describe, expect, it } from 'vitest';
import { parseGrant, type Grant } from '../../lib/core/grant';
import type { Lang } from '../../lib/core/text';
import { DEFAULT_POLICY } from '../../lib/packs';
import type { HeldGrant } from '../../lib/state/grant-store';
import type { VigieState } from '../../lib/state/snapshot';
import { importOutcome, optionsView } from '../../lib/ui/options-view';
import { popupView } from '../../lib/ui/popup-view';
import { EMPTY_SYNC } from '../../lib/sync/sync-status';

const NOW = Date.parse('2026-03-01T12:00:00Z');

const grant: Grant = parseGrant({
  schema: 'vigie.grant/1',
  id: 'acep-70-0001',
  organisation: 'acep',
  holder: { name: 'Jeanne Tremblay', email: 'jeanne.tremblay@example.org' },
  section: { number: '70', name: { fr: 'Région de la capitale nationale', en: 'National Capital Region' } },
  role: 'executive',
  platforms: ['action-network', 'outlook'],
  declarationDate: '2026-01-10',
  mfaResponsible: true,
  exportAuthorizations: [
    { platform: 'action-network', purpose: 'Liste pour l’AGA', reference: 'BN-2026-014', expires: '2026-06-30T12:00:00Z' },
    { platform: 'action-network', purpose: 'Ancienne liste', reference: 'BN-2025-002', expires: '2026-01-31T12:00:00Z' },
  ],
  issuedAt: '2026-01-15T00:00:00-05:00',
  expiresAt: '2027-01-15T12:00:00Z',
});

function state(lang: Lang, held: HeldGrant, extra: Partial<VigieState> = {}): VigieState {
  return {
    lang,
    settings: { language: 'auto' },
    policy: { policy: DEFAULT_POLICY, source: 'default' },
    grant: held,
    recent: { events: [], skipped: 0 },
    sync: EMPTY_SYNC,
    health: {},
    seen: {},
    now: NOW,
    ...extra,
  };
}

const rowsOf = (view: ReturnType<typeof popupView>) =>
  view.scope?.kind === 'grant' ? Object.fromEntries(view.scope.rows.map((r) => [r.term, r.value])) : {};

describe('popupView: policy', () => {
  it('names the organisation, update number and source in the current language', () => {
    expect(popupView(state('fr', { state: 'missing' })).policy.rows.map((r) => r.value)).toEqual([
      'ACEP',
      '1',
      "Politique intégrée à Vigie",
      "Aucune source de mise à jour\u00a0: la politique ne change pas d’elle-même.",
    ]);
    const signed = state('en', { state: 'missing' }, { policy: { policy: DEFAULT_POLICY, source: 'managed', signedBy: 'IT key' } });
    expect(popupView(signed).policy.rows.map((r) => r.value).slice(0, 4)).toEqual(['CAPE', '1', "Provided by your organisation’s IT", 'IT key']);
  });

  it('says when a held signed policy was refused', () => {
    const refused = state('en', { state: 'missing' }, { policy: { policy: DEFAULT_POLICY, source: 'default', refused: { code: 'bad-signature', text: { fr: 'Signature fausse.', en: 'Bad signature.' } } } });
    expect(popupView(refused).policy.warning).toBe('The stored signed policy was refused (Bad signature.): the built-in policy applies.');
  });
});

describe('popupView: access scope card', () => {
  it('shows the grant in French', () => {
    const view = popupView(state('fr', { state: 'held', grant, status: 'valid' }));
    expect(view.scope).toMatchObject({ kind: 'grant', statusText: 'En vigueur' });
    expect(rowsOf(view)).toEqual({
      Titulaire: 'Jeanne Tremblay',
      Courriel: 'jeanne.tremblay@example.org',
      Unité: 'Section locale 70 — Région de la capitale nationale',
      Rôle: 'Membre du conseil exécutif de la section locale',
      Plateformes: 'Action Network et Outlook sur le Web',
      'Déclaration solennelle': '10 janvier 2026',
      Formation: 'non indiquée',
      "Responsable de l’authentification multifactorielle": 'Oui',
      Expiration: '15 janvier 2027',
    });
    if (view.scope?.kind !== 'grant') throw new Error('unreachable');
    expect(view.scope.authorizations).toEqual([
      "Action Network — Liste pour l’AGA (réf. BN-2026-014), jusqu’au 30 juin 2026",
      "Action Network — Ancienne liste (réf. BN-2025-002), expirée le 31 janvier 2026",
    ]);
  });

  it('shows the grant in English, section name from the grant in English', () => {
    const view = popupView(state('en', { state: 'held', grant, status: 'valid' }));
    expect(rowsOf(view)).toMatchObject({
      Unit: 'Local 70 — National Capital Region',
      Role: 'Local executive member',
      Platforms: 'Action Network and Outlook on the web',
      'Solemn declaration': 'January 10, 2026',
      Training: 'not recorded',
      'Responsible for multi-factor authentication': 'Yes',
    });
  });

  it('with no grant, has no card: the opening sentence says it once, the problem whom to write to', () => {
    const fr = popupView(state('fr', { state: 'missing' }));
    expect(fr.scope).toBeUndefined();
    expect(fr.status.summary).toBe("Vous n’avez pas d’autorisation d’accès enregistrée\u00a0: toute exportation est bloquée.");
    expect(fr.status.problems.map((p) => p.text)).toEqual([expect.stringContaining('vieprivee@acep-cape.ca')]);
  });

  it('shows an expired or revoked grant with its status and details; the block is said once, in the opening sentence', () => {
    const lapsed = { ...grant, expiresAt: '2026-02-01T12:00:00Z' };
    const expired = popupView(state('en', { state: 'held', grant: lapsed, status: 'expired' }));
    expect(expired.scope).toMatchObject({ kind: 'grant', statusText: 'Expired on February 1, 2026' });
    expect(expired.status.summary).toMatch(/: every export is blocked\.$/);
    const said = (view: ReturnType<typeof popupView>) => [view.status.summary, ...view.status.problems.map((p) => p.text), JSON.stringify(view.scope)].filter((text) => /blocked|bloquée/.test(text));
    expect(said(expired)).toEqual([expired.status.summary]);
    const revoked = popupView(state('fr', { state: 'held', grant, status: 'revoked' }));
    expect(revoked.scope).toMatchObject({ kind: 'grant', statusText: 'Révoquée' });
    expect(said(revoked)).toEqual([revoked.status.summary]);
    expect(rowsOf(revoked).Titulaire).toBe('Jeanne Tremblay');
  });

  it('explains a stored grant that no longer verifies', () => {
    const view = popupView(state('en', { state: 'unverifiable', code: 'unknown-key', text: { fr: 'Clé inconnue.', en: 'Unknown key.' } }));
    expect(view.scope).toMatchObject({ kind: 'none', title: 'The recorded access authorization cannot be verified: Unknown key.' });
  });
});

describe('popupView: events and reminders', () => {
  const base = { ruleIds: [], clauses: [], findings: [] };
  const events = [
    { ...base, id: 7, time: NOW, platform: 'action-network', surface: 'export-click' as const, action: 'decided', verdict: 'block' as const },
    { ...base, id: 6, time: NOW - 1000, platform: 'gmail', surface: 'send' as const, action: 'overridden', verdict: 'warn' as const },
    { ...base, id: 5, time: NOW - 2000, platform: 'vigie', surface: 'grant' as const, action: 'grant-refused', detail: 'expired' },
    { ...base, id: 4, time: NOW - 3000, platform: 'vigie', surface: 'grant' as const, action: 'grant-imported' },
    { ...base, id: 3, time: NOW - 4000, platform: 'vigie', surface: 'grant' as const, action: 'grant-removed' },
    { ...base, id: 2, time: NOW - 5000, platform: 'vigie', surface: 'grant' as const, action: 'grant-imported' },
  ];

  it('lists the last five events in plain words', () => {
    const view = popupView(state('en', { state: 'missing' }, { recent: { events, skipped: 2 } }));
    expect(view.events.map((e) => e.text)).toEqual([
      'Action Network — export: blocked',
      'Gmail — email send: overridden with a justification',
      'Access authorization refused: The access authorization has expired.',
      'Access authorization imported',
      'Access authorization removed',
    ]);
    expect(view.events[0]?.iso).toBe('2026-03-01T12:00:00.000Z');
    expect(view.eventsSkipped).toBe('Unreadable log entries left aside: 2');
    expect(view.noEvents).toBeUndefined();
    expect(popupView(state('fr', { state: 'missing' })).noEvents).toBe("Aucun événement pour l’instant.");
  });

  it('shows the policy reminders in the current language', () => {
    const view = popupView(state('fr', { state: 'missing' }));
    expect(view.reminders).toHaveLength(DEFAULT_POLICY.reminders.length);
    expect(view.reminders[0]).toEqual({ clause: 'Article 4.2', text: DEFAULT_POLICY.reminders[0]!.text.fr });
  });
});

describe('optionsView', () => {
  it('states the current grant with holder and section, or its absence', () => {
    expect(optionsView(state('en', { state: 'held', grant, status: 'valid' })).currentGrant).toBe('Current access authorization: Jeanne Tremblay, Local 70 — National Capital Region');
    const lapsed = { ...grant, expiresAt: '2026-02-01T12:00:00Z' };
    expect(optionsView(state('fr', { state: 'held', grant: lapsed, status: 'expired' })).currentGrant).toBe(
      'Autorisation actuelle\u00a0: Jeanne Tremblay, Section locale 70 — Région de la capitale nationale (Expirée le 1 février 2026)',
    );
    const none = optionsView(state('fr', { state: 'missing' }));
    expect(none).toMatchObject({ currentGrant: "Aucune autorisation d’accès enregistrée", canRemove: false, textLabel: 'Autorisation d’accès signée', importButton: 'Importer' });
    expect(optionsView(state('en', { state: 'missing' }))).toMatchObject({ textLabel: 'Signed access authorization', importButton: 'Import', removeButton: 'Remove the authorization' });
  });

  it('words the import outcome', () => {
    expect(importOutcome({ ok: true, holder: 'Jeanne Tremblay' }, 'fr')).toEqual({ ok: true, text: 'Autorisation importée pour Jeanne Tremblay.' });
    const refused = { ok: false, error: 'refused', code: 'bad-signature', text: { fr: 'Signature fausse.', en: 'Bad signature.' } } as const;
    expect(importOutcome(refused, 'en')).toEqual({ ok: false, text: 'Bad signature.' });
    expect(importOutcome({ ok: false, error: 'bad-message' }, 'en')).toEqual({ ok: false, text: 'This text is not a readable access authorization (too long or malformed).' });
    expect(importOutcome({ ok: false, error: 'bad-sender' }, 'en')).toEqual({ ok: false, text: 'Vigie is not responding. Close and reopen this window.' });
  });
});
