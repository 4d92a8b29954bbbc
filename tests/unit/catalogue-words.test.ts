import { describe, expect, it } from 'vitest';
import { SignatureRefusal, type RefusalCode } from '../../lib/core/signature';
import { GUARD_STRINGS } from '../../lib/guard/strings';
import { findingMessage } from '../../lib/core/email/messages';
import { FindingId, type EmailPolicy, type Policy } from '../../lib/core/policy';
import { CATALOGUE } from '../../lib/i18n';
import { S as OFFICER_STRINGS, ACTIONS as OFFICER_ACTIONS, STATES as OFFICER_STATES } from '../../lib/officer/ui/strings';
import { ORGANIZING_STRINGS } from '../../lib/organizing/strings';
import { DEFAULT_POLICY, PCQ_POLICY } from '../../lib/packs';
import { SEND_STRINGS } from '../../lib/webmail/send-strings';
import { SENDER_STRINGS } from '../../lib/webmail/sender-strings';

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

type Bilingual = { fr: string; en: string };

/**
 * The policy pack fields that are not Vigie's words but the organisation's official text,
 * inserted into messages as it stands: the Annex A notice and its heading stay exactly as the
 * seed has them (the notice detector folds ’ and ' alike, so either reads as the notice).
 */
const OFFICIAL_PACK_FIELDS = new Set(['notice.text', 'notice.heading']);

/** Every { fr, en } text of a policy pack, by its path, official fields left out. */
function packTexts(name: string, value: unknown, path = ''): Array<[string, Bilingual]> {
  if (OFFICIAL_PACK_FIELDS.has(path) || value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.fr === 'string' && typeof record.en === 'string') return [[`${name}.${path}`, record as Bilingual]];
  return Object.entries(record).flatMap(([key, child]) => packTexts(name, child, path ? `${path}.${key}` : key));
}

/** French shown to people beyond what all() covers: the packs, the sender question, the send findings, every refusal, the officer's console. */
function otherFrench(): Array<[string, Bilingual]> {
  const findings = (policy: Policy) =>
    policy.notice && policy.localIdentification
      ? FindingId.options.map((id): [string, Bilingual] => [`finding.${policy.id}.${id}`, findingMessage(id, policy as EmailPolicy, { number: '70', name: { fr: 'Ottawa', en: 'Ottawa' } }, ['élection'])])
      : [];
  const refusals = (Object.keys(REFUSAL_SAMPLE) as RefusalCode[]).map((code): [string, Bilingual] => [`refusal.${code}`, new SignatureRefusal(code).text]);
  return [
    ...packTexts('acep', DEFAULT_POLICY),
    ...packTexts('pcq', PCQ_POLICY),
    ...findings(DEFAULT_POLICY),
    ...findings(PCQ_POLICY),
    ...refusals,
    ...Object.entries(SENDER_STRINGS).map(([k, v]): [string, Bilingual] => [`sender.${k}`, v]),
    ...Object.entries({ ...OFFICER_STRINGS, ...OFFICER_STATES, ...OFFICER_ACTIONS }).map(([k, v]): [string, Bilingual] => [`officer.${k}`, v]),
  ];
}

/** Every refusal code, so that a new one is checked the day it is added (the type makes this list complete). */
const REFUSAL_SAMPLE: Record<RefusalCode, true> = {
  malformed: true, 'wrong-kind': true, invalid: true, 'unknown-key': true, 'bad-signature': true, expired: true,
  'not-yet-valid': true, revoked: true, 'wrong-organisation': true, rollback: true, 'other-policy': true,
};

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

  it('French shown to people outside the catalogue has typographic apostrophes too: the packs (not their official notice), dialogs, findings, refusals, the console', () => {
    const texts = otherFrench();
    const keys = texts.map(([key]) => key);
    expect(keys).toEqual(expect.arrayContaining(['acep.contacts.privacyOfficer.title', 'acep.roles.0.name', 'pcq.roles.0.name', 'refusal.other-policy', 'sender.title', 'officer.title']));
    expect(keys.filter((key) => key.startsWith('finding.'))).toHaveLength(FindingId.options.length);
    expect(texts.some(([key]) => key.startsWith('acep.notice.text')), 'the official notice is left out by name').toBe(false);
    const found = texts.filter(([, text]) => text.fr.includes("'")).map(([key, text]) => `${key}: straight apostrophe in “${text.fr}”`);
    expect(found).toEqual([]);
  });

  it('French shown to people outside the catalogue has a non-breaking space before « : » too', () => {
    const found = otherFrench()
      .filter(([, text]) => /[^\u00a0\u202f]:(\s|$)/.test(text.fr.replace(/https?:|\d:\d/g, '')))
      .map(([key, text]) => `${key}: no non-breaking space before ":" in “${text.fr}”`);
    expect(found).toEqual([]);
  });

  it("the official notice is the seed's text, straight apostrophes and all", () => {
    expect(DEFAULT_POLICY.notice.text.fr).toMatch(/^Veillez ne pas envoyer de renseignements personnels, privés ou confidentiels à l'adresse courriel d'une section locale de l'ACEP\./);
  });

  it('the bundled policies name their contacts with an article, for sentences', () => {
    expect(DEFAULT_POLICY.contacts.privacyOfficer.inSentence?.fr).toMatch(/^la personne responsable/);
  });
});
