import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Text } from '../../core/text';
import { S } from './strings';

export type Lang = 'fr' | 'en';

/** French unless the browser asks for English first (the console's readers are mostly francophone). */
export function browserLang(): Lang {
  return (navigator.languages?.[0] ?? navigator.language ?? 'fr').toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export const LangContext = createContext<Lang>('fr');

export type Translate = ((key: keyof typeof S, vars?: Record<string, string | number>) => string) & { text: (t: Text) => string; lang: Lang };

export function useT(): Translate {
  const lang = useContext(LangContext);
  const fill = (s: string, vars: Record<string, string | number> = {}) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  const t = ((key: keyof typeof S, vars?: Record<string, string | number>) => fill(S[key][lang], vars)) as Translate;
  t.text = (x: Text) => x[lang];
  t.lang = lang;
  return t;
}

/** A date-time as the reader's locale writes a day. */
export function day(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(lang === 'fr' ? 'fr-CA' : 'en-CA', { year: 'numeric', month: 'long', day: 'numeric' });
}
