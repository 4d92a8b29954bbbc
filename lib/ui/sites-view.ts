import type { Lang } from '../core/text';
import { t } from '../i18n';
import { SitesProblem, type SitesStatus } from '../sync/sites-status';
import { problemWhat } from './problem-words';
import type { Row } from './scope-view';

/** Which site fixes are in force, for the policy panel: the bundled ones or a signed version, and from where. */
export function sitesRow(sites: SitesStatus, lang: Lang): Row {
  const value =
    sites.version === undefined
      ? t(lang, 'sitesBundled')
      : t(lang, sites.source === 'managed' ? 'sitesFromManaged' : 'sitesFromUrl', { version: sites.version });
  return { term: t(lang, 'sitesTerm'), value };
}

/** "Site fixes from the server: the signature does not match… (version 5)". */
export function sitesProblemText(problem: SitesProblem, lang: Lang): string {
  const where = t(lang, problem.source === 'managed' ? 'sitesWhereManaged' : 'sitesWhereUrl');
  return t(lang, 'problemLine', { where, what: sitesWhat(problem, lang) });
}

/** The refusal in words; a rollback is about fixes, not about a policy. */
function sitesWhat(problem: SitesProblem, lang: Lang): string {
  if (problem.code !== 'rollback') return problemWhat(problem, lang);
  const text = t(lang, 'sitesRollback');
  return problem.version === undefined ? text : t(lang, 'problemVersion', { text, version: problem.version });
}

/** Each site-pack problem of the last sync, and what applies meanwhile. */
export function sitesProblems(sites: SitesStatus | undefined, lang: Lang): { problems: string[]; kept?: string } {
  const problems = (sites?.problems ?? []).map((p) => sitesProblemText(p, lang));
  return { problems, kept: problems.length > 0 ? t(lang, 'sitesKept') : undefined };
}

/** A site-pack event of the log (`sites-updated` `url v5`, `sites-refused` `url bad-signature v5`) in plain words. */
export function sitesEventText(action: string, detail: string | undefined, lang: Lang): string | undefined {
  if (action === 'sites-updated') return t(lang, 'eventSitesUpdated', { version: /v(\d+)$/.exec(detail ?? '')?.[1] ?? '?' });
  if (action !== 'sites-refused' && action !== 'sites-fetch-failed') return undefined;
  const match = /^(managed|url) ([a-z-]+)(?: v(\d+))?(?: HTTP (\d+))?$/.exec(detail ?? '');
  const problem = SitesProblem.safeParse(match && { source: match[1], code: match[2], version: match[3] && Number(match[3]), status: match[4] && Number(match[4]) });
  if (!problem.success) return t(lang, action === 'sites-refused' ? 'eventSitesRefused' : 'eventSitesFetchFailed', { where: '?', reason: detail ?? '?' });
  const where = t(lang, problem.data.source === 'managed' ? 'sitesFromWhereManaged' : 'sitesFromWhereUrl');
  return t(lang, action === 'sites-refused' ? 'eventSitesRefused' : 'eventSitesFetchFailed', { where, reason: sitesWhat(problem.data, lang) });
}
