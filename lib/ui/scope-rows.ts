import { endOfAccess } from '../core/grant-status';
import type { Grant } from '../core/grant';
import type { Policy } from '../core/policy';
import type { Lang } from '../core/text';
import { formatDate, formatList, t } from '../i18n';
import { platformName } from './event-words';

export interface Row {
  term: string;
  value: string;
}

/**
 * What the grant opens, one row per fact. Optional facts (the role's access, clearance, task,
 * confidentiality agreement) appear only when the grant or the policy states them, so a grant
 * without them reads as it always did.
 */
export function scopeRows(grant: Grant, policy: Policy, lang: Lang): Row[] {
  const role = policy.roles.find((r) => r.id === grant.role);
  const clearance = clearanceName(grant, policy, lang);
  return [
    { term: t(lang, 'holder'), value: grant.holder.name },
    { term: t(lang, 'email'), value: grant.holder.email },
    { term: t(lang, 'section'), value: sectionLabel(grant, lang) },
    { term: t(lang, 'role'), value: role?.name[lang] ?? grant.role },
    ...(role?.access ? [{ term: t(lang, 'roleAccess'), value: role.access[lang] }] : []),
    ...(clearance ? [{ term: t(lang, 'clearance'), value: clearance }] : []),
    { term: t(lang, 'platforms'), value: platformsValue(grant, policy, lang) },
    ...commitmentRows(grant, lang),
    ...endRows(grant, lang),
  ];
}

/**
 * "Section locale 70 — Outaouais" in French, "Local 70 — Outaouais" in English; a name that
 * already carries the number ("Section locale 70 – Ottawa") is shown as it is, not twice.
 */
export function sectionLabel(grant: Grant, lang: Lang): string {
  // A party member's access is limited to their task (the policy's words), not the whole organisation.
  if (!grant.section) return t(lang, grant.task ? 'unitTask' : 'wholeOrganisation');
  const { number, name } = grant.section;
  return new RegExp(`\\b${number}\\b`).test(name[lang]) ? name[lang] : t(lang, 'sectionValue', { number, name: name[lang] });
}

/** The level the holder is cleared for: the grant's, else the role's default, by its name in the policy. */
function clearanceName(grant: Grant, policy: Policy, lang: Lang): string | undefined {
  const id = grant.clearance ?? policy.roles.find((r) => r.id === grant.role)?.clearance;
  if (id === undefined) return undefined;
  return policy.classification?.levels.find((l) => l.id === id)?.name[lang] ?? id;
}

function platformsValue(grant: Grant, policy: Policy, lang: Lang): string {
  if (grant.platforms.includes('*')) return t(lang, 'allPlatforms');
  return formatList(lang, grant.platforms.map((id) => platformName(policy, id, lang)));
}

/**
 * The person's written commitments. A grant resting on a confidentiality agreement shows it, and
 * the declaration, training and MFA duty only when recorded; any other grant shows those three
 * always, "not recorded" included, since there the missing declaration is the thing to see.
 */
function commitmentRows(grant: Grant, lang: Lang): Row[] {
  const declaration = { term: t(lang, 'declaration'), value: grant.declarationDate ? formatDate(lang, grant.declarationDate) : t(lang, 'notRecorded') };
  const training = { term: t(lang, 'training'), value: grant.trainingDate ? formatDate(lang, grant.trainingDate) : t(lang, 'notRecorded') };
  const mfa = { term: t(lang, 'mfaDuty'), value: t(lang, grant.mfaResponsible ? 'yes' : 'no') };
  const agreement = grant.confidentialityAgreementDate;
  if (!agreement) return [declaration, training, mfa];
  return [
    { term: t(lang, 'confidentialityAgreement'), value: formatDate(lang, agreement) },
    ...(grant.declarationDate ? [declaration] : []),
    ...(grant.trainingDate ? [training] : []),
    ...(grant.mfaResponsible ? [mfa] : []),
  ];
}

/** A task-bound grant shows the task, its end and when the access really ends; any other its expiry. */
function endRows(grant: Grant, lang: Lang): Row[] {
  if (!grant.task) return [{ term: t(lang, 'grantExpires'), value: formatDate(lang, grant.expiresAt) }];
  const end = endOfAccess(grant);
  const byTask = end === Date.parse(grant.task.endsAt);
  return [
    { term: t(lang, 'task'), value: grant.task.description },
    { term: t(lang, 'taskEnds'), value: formatDate(lang, grant.task.endsAt) },
    { term: t(lang, 'accessEnds'), value: t(lang, byTask ? 'accessEndsWithTask' : 'accessEndsWithGrant', { date: formatDate(lang, end) }) },
  ];
}
