/** The languages every user-facing string exists in. Kept free of zod so content scripts stay small. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A user-facing string in French and English (validated by `Text` in ./text). */
export interface Bilingual {
  fr: string;
  en: string;
}

/** Picks the language to show: French for any fr-* locale, English otherwise. */
export function langOf(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Fills `{name}` placeholders in both languages of a text. */
export function fill(text: Bilingual, values: Record<string, string | number>): Bilingual {
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
  return { fr: sub(text.fr), en: sub(text.en) };
}
