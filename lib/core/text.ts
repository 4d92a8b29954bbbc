import { z } from 'zod';

/** The languages every user-facing string exists in. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A user-facing string in French and English. */
export const Text = z.object({
  fr: z.string().min(1, 'French text is required'),
  en: z.string().min(1, 'English text is required'),
});
export type Text = z.infer<typeof Text>;

/** Picks the language to show: French for any fr-* locale, English otherwise. */
export function langOf(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Fills `{name}` placeholders in both languages of a text. */
export function fill(text: Text, values: Record<string, string | number>): Text {
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
  return { fr: sub(text.fr), en: sub(text.en) };
}
