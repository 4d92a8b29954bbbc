import type { Grant } from '../core/grant';
import type { Policy } from '../core/policy';
import type { Lang } from '../core/text';
import { formatDate, formatList, t } from '../i18n';
import type { HeldGrant } from '../state/grant-store';
import { platformName } from './event-words';

type HeldStatus = Extract<HeldGrant, { state: 'held' }>['status'];

export interface Row {
  term: string;
  value: string;
}

/** The access scope card: what the held grant lets this person do, or why there is none. */
export type ScopeView =
  | { kind: 'none'; title: string; alert: string }
  | {
      kind: 'grant';
      status: HeldStatus;
      statusText: string;
      alert?: string;
      rows: Row[];
      authorizationsHeading: string;
      authorizations: string[];
      /** Said when the grant is not in force: its export authorizations count for nothing then. */
      authorizationsVoid?: string;
      noAuthorizations: string;
    };

export function scopeView(held: HeldGrant, policy: Policy, lang: Lang, now: Date): ScopeView {
  const contact = { contact: policy.contacts.privacyOfficer.title[lang], email: policy.contacts.privacyOfficer.email };
  const alert = t(lang, 'exportsBlocked', contact);
  if (held.state === 'missing') return { kind: 'none', title: t(lang, 'noGrant'), alert };
  if (held.state === 'unverifiable') return { kind: 'none', title: t(lang, 'grantUnverifiable', { reason: held.text[lang] }), alert };
  const { grant, status } = held;
  return {
    kind: 'grant',
    status,
    statusText: grantStatusText(grant, status, lang),
    alert: status === 'valid' ? undefined : alert,
    rows: scopeRows(grant, policy, lang),
    authorizationsHeading: t(lang, 'exportAuthorizations'),
    authorizationsVoid: status !== 'valid' && grant.exportAuthorizations.length > 0 ? t(lang, 'authorizationsVoid') : undefined,
    noAuthorizations: t(lang, 'none'),
    authorizations: grant.exportAuthorizations.map((a) =>
      t(lang, Date.parse(a.expires) > now.getTime() ? 'authorizationActive' : 'authorizationExpired', {
        platform: platformName(policy, a.platform, lang),
        purpose: a.purpose,
        reference: a.reference,
        date: formatDate(lang, a.expires),
      }),
    ),
  };
}

export function grantStatusText(grant: Grant, status: HeldStatus, lang: Lang): string {
  switch (status) {
    case 'valid':
      return t(lang, 'statusValid');
    case 'expired':
      return t(lang, 'statusExpired', { date: formatDate(lang, grant.expiresAt) });
    case 'revoked':
      return t(lang, 'statusRevoked');
    case 'not-yet-valid':
      return t(lang, 'statusNotYetValid', { date: formatDate(lang, grant.issuedAt) });
  }
}

/**
 * "Section locale 70 — Outaouais" in French, "Local 70 — Outaouais" in English; a name that
 * already carries the number ("Section locale 70 – Ottawa") is shown as it is, not twice.
 */
export function sectionLabel(grant: Grant, lang: Lang): string {
  if (!grant.section) return t(lang, 'wholeOrganisation');
  const { number, name } = grant.section;
  return new RegExp(`\\b${number}\\b`).test(name[lang]) ? name[lang] : t(lang, 'sectionValue', { number, name: name[lang] });
}

function scopeRows(grant: Grant, policy: Policy, lang: Lang): Row[] {
  const dateOrNot = (d: string | undefined) => (d ? formatDate(lang, d) : t(lang, 'notRecorded'));
  const role = policy.roles.find((r) => r.id === grant.role)?.name[lang] ?? grant.role;
  return [
    { term: t(lang, 'holder'), value: grant.holder.name },
    { term: t(lang, 'email'), value: grant.holder.email },
    { term: t(lang, 'section'), value: sectionLabel(grant, lang) },
    { term: t(lang, 'role'), value: role },
    { term: t(lang, 'platforms'), value: formatList(lang, grant.platforms.map((id) => platformName(policy, id, lang))) },
    { term: t(lang, 'declaration'), value: dateOrNot(grant.declarationDate) },
    { term: t(lang, 'training'), value: dateOrNot(grant.trainingDate) },
    { term: t(lang, 'mfaDuty'), value: t(lang, grant.mfaResponsible ? 'yes' : 'no') },
    { term: t(lang, 'grantExpires'), value: formatDate(lang, grant.expiresAt) },
  ];
}
