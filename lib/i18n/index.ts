import { langOf, type Lang } from '../core/text';
import type { LanguageSetting } from '../state/settings';
import type { Policy } from '../core/policy';
import { CATALOGUE, type MessageKey } from './catalogue';

export { CATALOGUE, type MessageKey };

/** The user's choice when there is one, else the browser's UI language. */
export function resolveLang(setting: LanguageSetting, uiLanguage: string | undefined): Lang {
  return setting === 'auto' ? langOf(uiLanguage) : setting;
}

/** A catalogue string in `lang`, its `{name}` placeholders filled. */
export function t(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return CATALOGUE[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** The locale used for dates and lists: Canadian French and English, the organisations' own. */
const LOCALES: Record<Lang, string> = { fr: 'fr-CA', en: 'en-CA' };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date (`2026-03-01`) or an instant (ISO date-time or epoch ms), in words. A date-only
 * value is a day, not midnight UTC, so it is formatted in UTC to stay the same day everywhere.
 */
export function formatDate(lang: Lang, value: string | number): string {
  const dateOnly = typeof value === 'string' && DATE_ONLY.test(value);
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', ...(dateOnly ? { timeZone: 'UTC' } : {}) };
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(new Date(value));
}

const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

/** An instant in words. The formatter is built once per language: building one costs far more than using it. */
export function formatDateTime(lang: Lang, value: string | number): string {
  let format = dateTimeFormats.get(lang);
  if (!format) dateTimeFormats.set(lang, (format = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(new Date(value));
}

/** A count as the person reads numbers: "100,000" in English, "100 000" in French. */
export function formatNumber(lang: Lang, n: number): string {
  return n.toLocaleString(LOCALES[lang]);
}

export function formatList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items);
}

/**
 * How a clause is cited in a sentence: "article 7.7", or "section « Le Président »" where the
 * policy's sections have no numbers of their own (the party's).
 */
export function citationOf(policy: Pick<Policy, 'clauses' | 'citations'>, clause: string, lang: Lang): string {
  const title = policy.clauses[clause]?.title[lang];
  return policy.citations === 'title' && title ? t(lang, 'citeTitle', { title }) : t(lang, 'citeNumber', { clause });
}

/** The same, starting a line ("Article 7.7", "Section « … »"). */
export function citationHeading(policy: Pick<Policy, 'clauses' | 'citations'>, clause: string, lang: Lang): string {
  const text = citationOf(policy, clause, lang);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
