import { describe, expect, it } from 'vitest';
import { SignatureRefusal, type RefusalCode } from '../../lib/core/signature';
import { GUARD_STRINGS } from '../../lib/guard/strings';
import { CATALOGUE } from '../../lib/i18n';
import { ORGANIZING_STRINGS } from '../../lib/organizing/strings';
import { DEFAULT_POLICY } from '../../lib/packs';
import { SEND_STRINGS } from '../../lib/webmail/send-strings';

/**
 * Every string Vigie shows exists in French and English, and none uses the words volunteers
 * found opaque (issue 11): the catalogue, the in-page guard's strings and the refusal reasons.
 */
const JARGON: Array<[RegExp, string]> = [
  [/\bjeton/i, '"jeton" (say "autorisation")'],
  [/\btoken\b/i, '"token"'],
  [/clé (non|qui n.est pas) reconnue|key that is not trusted|unknown key/i, 'a key not recognised'],
  [/\bCORS\b|en-tête|\bheader\b/i, 'CORS / header'],
  [/nom d.hôte|host ?name/i, 'host name'],
  [/\bversion\b/i, '"Version"'],
  [/signée? par|signed by/i, '"Signée par / Signed by"'],
  [/access grant/i, '"access grant" (say "access authorization")'],
  [/\((s|es|e)\)/, 'a "(s)" plural'],
];

const EXEMPT_KEYS = new Set(['otherLanguage', 'languageFrench', 'languageEnglish']);

function all(): Array<[string, { fr: string; en: string }]> {
  const refusals = (['malformed', 'wrong-kind', 'invalid', 'unknown-key', 'bad-signature', 'expired', 'not-yet-valid', 'revoked', 'wrong-organisation', 'rollback'] as RefusalCode[]).map(
    (code): [string, { fr: string; en: string }] => [`refusal.${code}`, new SignatureRefusal(code).text],
  );
  return [
    ...Object.entries(CATALOGUE).map(([k, v]): [string, { fr: string; en: string }] => [`catalogue.${k}`, v]),
    ...Object.entries(GUARD_STRINGS).map(([k, v]): [string, { fr: string; en: string }] => [`guard.${k}`, v]),
    ...Object.entries(ORGANIZING_STRINGS).map(([k, v]): [string, { fr: string; en: string }] => [`organizing.${k}`, v]),
    ...Object.entries(SEND_STRINGS).map(([k, v]): [string, { fr: string; en: string }] => [`send.${k}`, v]),
    ...refusals,
  ];
}

describe('the words Vigie shows', () => {
  it('every string exists, non-empty, in both languages, with the same placeholders', () => {
    for (const [key, text] of all()) {
      expect(text.fr.trim(), `${key} (fr)`).not.toBe('');
      expect(text.en.trim(), `${key} (en)`).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(text.fr), key).toEqual(names(text.en));
      // A sentence (two spaces or more) must not be left untranslated; single words may be the same (Description).
      if (!EXEMPT_KEYS.has(key.split('.')[1]!) && text.fr.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '').length > 12 && /\s\S+\s/.test(text.fr)) expect(text.fr, `${key}: the French is not the English`).not.toBe(text.en);
    }
  });

  it('no string uses the jargon volunteers found opaque', () => {
    const found: string[] = [];
    for (const [key, text] of all()) {
      for (const lang of ['fr', 'en'] as const) {
        for (const [pattern, what] of JARGON) if (pattern.test(text[lang].replace(/\{\w+\}/g, ''))) found.push(`${key} (${lang}): ${what} in “${text[lang]}”`);
      }
    }
    expect(found).toEqual([]);
  });

  it('French follows its typography: a non-breaking space before « : », typographic apostrophes', () => {
    const found: string[] = [];
    for (const [key, text] of all()) {
      if (/[^\u00a0\u202f]:(\s|$)/.test(text.fr.replace(/https?:|\d:\d/g, ''))) found.push(`${key}: no non-breaking space before ":" in “${text.fr}”`);
      if (text.fr.includes("'")) found.push(`${key}: straight apostrophe in “${text.fr}”`);
    }
    expect(found).toEqual([]);
  });

  it('the bundled policies name their contacts with an article, for sentences', () => {
    expect(DEFAULT_POLICY.contacts.privacyOfficer.inSentence?.fr).toMatch(/^la personne responsable/);
  });
});
