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

/**
 * The access scope card: the details of what the held grant lets this person do, or why the one
 * recorded cannot be verified. It says nothing of exports being blocked: the popup's opening
 * sentence says that, and its first problem whom to write to.
 */
export type ScopeView =
  | { kind: 'none'; title: string }
  | {
      kind: 'grant';
      status: HeldStatus;
      statusText: string;
      rows: Row[];
      authorizationsHeading: string;
      authorizations: string[];
      /** Said when the grant is not in force: its export authorizations count for nothing then. */
      authorizationsVoid?: string;
      noAuthorizations: string;
    };

/** Undefined when no grant is recorded: there is nothing to detail beyond the opening sentence. */
export function scopeView(held: HeldGrant, policy: Policy, lang: Lang, now: Date): ScopeView | undefined {
  if (held.state === 'missing') return undefined;
  if (held.state === 'unverifiable') return { kind: 'none', title: t(lang, 'grantUnverifiable', { reason: held.text[lang] }) };
  const { grant, status } = held;
  return {
    kind: 'grant',
    status,
    statusText: grantStatusText(grant, status, lang),
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
