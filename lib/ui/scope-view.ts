import type { Grant } from '../core/grant';
import { endOfAccess } from '../core/grant-status';
import type { Policy } from '../core/policy';
import type { Lang } from '../core/text';
import { formatDate, t } from '../i18n';
import type { HeldGrant } from '../state/grant-store';
import { platformName } from './event-words';
import { scopeRows, type Row } from './scope-rows';

export { sectionLabel, type Row } from './scope-rows';

type HeldStatus = Extract<HeldGrant, { state: 'held' }>['status'];

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
  const officer = policy.contacts.privacyOfficer;
  const contact = { contact: (officer.inSentence ?? officer.title)[lang], email: officer.email };
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
    case 'expired': {
      // A task-bound grant lapses when its task ends, which may be long before its expiry.
      const end = endOfAccess(grant);
      const key = grant.task && end === Date.parse(grant.task.endsAt) ? 'statusTaskEnded' : 'statusExpired';
      return t(lang, key, { date: formatDate(lang, end) });
    }
    case 'revoked':
      return t(lang, 'statusRevoked');
    case 'not-yet-valid':
      return t(lang, 'statusNotYetValid', { date: formatDate(lang, grant.issuedAt) });
  }
}
