import { describe, expect, it } from 'vitest';
import { parseGrant, type Grant } from '../../lib/core/grant';
import type { Lang } from '../../lib/core/text';
import { PCQ_POLICY } from '../../lib/packs';
import { optionsView } from '../../lib/ui/options-view';
import { scopeView } from '../../lib/ui/scope-view';
import type { VigieState } from '../../lib/state/snapshot';
import { EMPTY_SYNC } from '../../lib/sync/sync-status';

const NOW = new Date('2026-03-01T12:00:00Z');

/** A party member's grant for a task that ends before the grant expires. */
const member: Grant = parseGrant({
  schema: 'vigie.grant/1',
  id: 'pcq-2026-0007',
  organisation: 'pcq',
  holder: { name: 'Alexandre Dion', email: 'alexandre.dion@pcq.example' },
  role: 'party-member',
  platforms: ['nationbuilder', 'nextcloud'],
  task: { description: 'Saisie du porte-à-porte, Beauce-Sud', endsAt: '2026-04-15T16:00:00Z' },
  confidentialityAgreementDate: '2026-02-20',
  issuedAt: '2026-02-21T00:00:00Z',
  expiresAt: '2027-02-21T00:00:00Z',
});

/** The President: every platform, no task, clearance from the role. */
const president: Grant = parseGrant({
  ...member,
  id: 'pcq-2026-0001',
  role: 'president',
  platforms: ['*'],
  task: undefined,
  mfaResponsible: true,
});

function rows(grant: Grant, lang: Lang, status: 'valid' | 'expired' = 'valid') {
  const view = scopeView({ state: 'held', grant, status }, PCQ_POLICY, lang, NOW);
  if (view?.kind !== 'grant') throw new Error('expected a grant view');
  return { view, rows: Object.fromEntries(view.rows.map((r) => [r.term, r.value])) };
}

describe('scopeView: a party grant under the party policy', () => {
  it('shows role, its access, clearance, task and end of access in French', () => {
    expect(rows(member, 'fr').rows).toEqual({
      Titulaire: 'Alexandre Dion',
      Courriel: 'alexandre.dion@pcq.example',
      Unité: 'Limitée à la tâche ci-dessous',
      Rôle: 'Membre du Parti (entente de confidentialité)',
      'Accès du rôle': "Données nécessaires à la tâche confiée, généralement publiques ou restreintes, jusqu’à la fin de la tâche.",
      Habilitation: 'Restreinte',
      Plateformes: 'NationBuilder et Nextcloud',
      'Entente de confidentialité': '20 février 2026',
      Tâche: 'Saisie du porte-à-porte, Beauce-Sud',
      'Fin de la tâche': '15 avril 2026',
      "Fin de l’accès": '15 avril 2026 (avec la fin de la tâche)',
    });
  });

  it('shows the same in English, the grant’s own clearance over the role’s', () => {
    expect(rows({ ...member, clearance: 'confidential' }, 'en').rows).toEqual({
      Holder: 'Alexandre Dion',
      Email: 'alexandre.dion@pcq.example',
      Unit: 'Limited to the task below',
      Role: 'Party member (confidentiality agreement)',
      "Role’s access": 'Data needed for the assigned task, generally public or restricted, until the task ends.',
      Clearance: 'Confidential',
      Platforms: 'NationBuilder and Nextcloud',
      'Confidentiality agreement': 'February 20, 2026',
      Task: 'Saisie du porte-à-porte, Beauce-Sud',
      'Task ends': 'April 15, 2026',
      'Access ends': 'April 15, 2026 (when the task ends)',
    });
  });

  it('says when the grant expires before its task ends', () => {
    const short = { ...member, expiresAt: '2026-03-31T16:00:00Z' };
    expect(rows(short, 'fr').rows["Fin de l’accès"]).toBe("31 mars 2026 (l’autorisation expire avant la fin de la tâche)");
    expect(rows(short, 'en').rows['Access ends']).toBe('March 31, 2026 (the access authorization expires before the task ends)');
  });

  it('says "every platform" for `*`, and the role’s default clearance', () => {
    const fr = rows(president, 'fr').rows;
    expect(fr).toMatchObject({ Rôle: 'Président', Habilitation: 'Très confidentielle', Plateformes: 'Toutes les plateformes de la politique', Expiration: '21 février 2027' });
    expect(fr["Responsable de l’authentification multifactorielle"]).toBe('Oui');
    expect(fr).not.toHaveProperty('Formation');
    expect(rows(president, 'en').rows).toMatchObject({ Role: 'President', Clearance: 'Very confidential', Platforms: 'Every platform in the policy' });
  });

  it('says the access ended with the task', () => {
    const ended = { ...member, task: { ...member.task!, endsAt: '2026-02-28T16:00:00Z' } };
    expect(rows(ended, 'fr', 'expired').view.statusText).toBe('Tâche terminée le 28 février 2026\u00a0: accès retiré. Cessez d’utiliser les données obtenues pour cette tâche.');
    expect(rows(ended, 'en', 'expired').view.statusText).toBe('Task ended on February 28, 2026: access withdrawn. Stop using the data you obtained for this task.');
  });

  it('the options page lists the same rows under the current grant', () => {
    const state: VigieState = {
      lang: 'en',
      settings: { language: 'auto' },
      policy: { policy: PCQ_POLICY, source: 'stored', signedBy: 'demo' },
      grant: { state: 'held', grant: member, status: 'valid' },
      recent: { events: [], skipped: 0 },
      sync: EMPTY_SYNC,
      health: {},
      seen: {},
      now: NOW.getTime(),
    };
    expect(optionsView(state).grantRows).toEqual(rows(member, 'en').view.rows);
    expect(optionsView({ ...state, grant: { state: 'missing' } }).grantRows).toEqual([]);
  });
});
