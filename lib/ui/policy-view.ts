import type { Lang } from '../core/text';
import { formatDateTime, t, type MessageKey } from '../i18n';
import type { PolicyState } from '../state/policy-source';
import type { SitesStatus } from '../sync/sites-status';
import type { SyncProblem, SyncStatus } from '../sync/sync-status';
import { problemWhat } from './problem-words';
import type { Row } from './scope-view';
import { sitesProblems, sitesRow } from './sites-view';

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

const WHERE: Record<SyncProblem['source'], MessageKey> = {
  managed: 'problemWhereManaged',
  url: 'problemWhereUrl',
  grant: 'problemWhereGrant',
};

/** The policy in force, where it came from, when it was last synced, and what went wrong. */
export function policyView(state: { policy: PolicyState; sync: SyncStatus; sites?: SitesStatus }, lang: Lang): PolicyView {
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
  // Site fixes are shown once there is something to say: a signed pack in force, or one refused.
  if (state.sites && (state.sites.version !== undefined || state.sites.problems.length > 0)) rows.push(sitesRow(state.sites, lang));
  const policyProblems = sync.problems.map((p) => problemText(p, lang));
  const sites = sitesProblems(state.sites, lang);
  const problems = [...policyProblems, ...sites.problems];
  const keptPolicy = policyProblems.length > 0 && sync.problems.some((p) => p.source !== 'grant') ? t(lang, 'keptPolicy') : undefined;
  return {
    heading: t(lang, 'policyHeading'),
    rows,
    warning: refused ? t(lang, 'policyRefused', { reason: refused.text[lang] }) : undefined,
    problemsHeading: t(lang, 'policyProblems'),
    problems,
    kept: [keptPolicy, sites.kept].filter(Boolean).join(' ') || undefined,
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
  return t(lang, 'problemLine', { where: t(lang, WHERE[problem.source]), what: problemWhat(problem, lang) });
}


function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '?';
  } catch {
    return '?';
  }
}
