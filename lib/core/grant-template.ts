import type { Policy } from './policy';

/** A draft to fill in, shaped by the organisation's policy: its id, its first role, its platforms. */
export function grantTemplate(policy: Policy): Record<string, unknown> {
  const sectioned = policy.localIdentification !== undefined;
  return {
    schema: 'vigie.grant/1',
    organisation: policy.organisation.id,
    holder: { name: 'Prénom Nom', email: 'personne@example.org' },
    ...(sectioned ? { section: { number: '0', name: { fr: 'Nom de la section', en: 'Name of the section' }, accounts: [] } } : {}),
    role: policy.roles[0]?.id,
    platforms: policy.platforms.filter((p) => p.surfaces.length > 0).map((p) => p.id),
    ...(policy.classification ? { clearance: policy.roles[0]?.clearance ?? policy.classification.levels[0]?.id } : {}),
    ...(sectioned ? {} : { task: { description: 'La tâche que cet accès sert', endsAt: '2027-06-30T23:59:59-04:00' }, confidentialityAgreementDate: '2026-01-31' }),
    declarationDate: '2026-01-31',
    trainingDate: '2026-02-15',
    mfaResponsible: false,
    exportAuthorizations: [],
    expiresAt: '2027-06-30T23:59:59-04:00',
  };
}
