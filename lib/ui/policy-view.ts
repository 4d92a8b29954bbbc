import { SignatureRefusal, type RefusalCode } from '../core/signature';
import type { Lang } from '../core/text';
import { formatDateTime, t, type MessageKey } from '../i18n';
import type { PolicyState } from '../state/policy-source';
import type { SyncProblem, SyncStatus } from '../sync/sync-status';
import type { Row } from './scope-view';

export interface PolicyView {
  heading: string;
  rows: Row[];
  /** The held signed policy was refused: the bundled policy applies. */
  warning?: string;
  problemsHeading: string;
  /** Each problem of the last sync in plain words; empty when it went well. */
  problems: string[];
  /** Said under the problems: what applies meanwhile. */
  kept?: string;
  checkNow: string;
  checking: string;
}

const FETCH_TEXT: Record<string, MessageKey> = {
  'not-https': 'problemNotHttps',
  unreachable: 'problemUnreachable',
  timeout: 'problemTimeout',
  'http-error': 'problemHttp',
  'too-large': 'problemTooLarge',
  'managed-late': 'problemManagedLate',
};

const WHERE: Record<SyncProblem['source'], MessageKey> = {
  managed: 'problemWhereManaged',
  url: 'problemWhereUrl',
  grant: 'problemWhereGrant',
};

/** The policy in force, where it came from, when it was last synced, and what went wrong. */
export function policyView(state: { policy: PolicyState; sync: SyncStatus }, lang: Lang): PolicyView {
  const { policy, source, signedBy, refused } = state.policy;
  const { sync } = state;
  const rows: Row[] = [
    { term: t(lang, 'organisation'), value: policy.organisation.shortName[lang] },
    { term: t(lang, 'version'), value: String(policy.version) },
    { term: t(lang, 'source'), value: sourceText(source, sync.url, lang) },
  ];
  if (signedBy) rows.push({ term: t(lang, 'signedBy'), value: signedBy });
  rows.push(
    sync.configured.length === 0
      ? { term: t(lang, 'syncHeading'), value: t(lang, 'noSyncSource') }
      : { term: t(lang, 'lastSync'), value: sync.lastSuccess ? formatDateTime(lang, sync.lastSuccess) : t(lang, 'never') },
  );
  if (sync.nextRetry) rows.push({ term: t(lang, 'nextRetry'), value: formatDateTime(lang, sync.nextRetry) });
  const problems = sync.problems.map((p) => problemText(p, lang));
  return {
    heading: t(lang, 'policyHeading'),
    rows,
    warning: refused ? t(lang, 'policyRefused', { reason: refused.text[lang] }) : undefined,
    problemsHeading: t(lang, 'policyProblems'),
    problems,
    kept: problems.length > 0 && sync.problems.some((p) => p.source !== 'grant') ? t(lang, 'keptPolicy') : undefined,
    checkNow: t(lang, 'checkNow'),
    checking: t(lang, 'checking'),
  };
}

export function sourceText(source: PolicyState['source'], url: string | undefined, lang: Lang): string {
  switch (source) {
    case 'managed':
      return t(lang, 'sourceManaged');
    case 'url':
      return t(lang, 'sourceUrl', { host: hostOf(url) });
    case 'stored':
      return t(lang, 'sourceStored');
    case 'default':
      return t(lang, 'sourceDefault');
  }
}

/** "Policy server: the signature does not match…" in the person's language. */
export function problemText(problem: SyncProblem, lang: Lang): string {
  const key = FETCH_TEXT[problem.code];
  let what = key ? t(lang, key, { status: problem.status ?? '?' }) : new SignatureRefusal(problem.code as RefusalCode).text[lang];
  if (problem.version !== undefined && !key) what = t(lang, 'problemVersion', { text: what, version: problem.version });
  return t(lang, 'problemLine', { where: t(lang, WHERE[problem.source]), what });
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '?';
  } catch {
    return '?';
  }
}
