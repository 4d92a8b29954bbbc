import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifiesLocal } from '../../../lib/core/email/local-id-detector';
import { normaliseBody } from '../../../lib/core/email/normalise';
import { splitQuote } from '../../../lib/core/email/quote-split';
import type { Section } from '../../../lib/core/email/types';
import { gmailReply, policy, SECTION_70 } from './helpers';

/** `section: null` checks without a known section (a default parameter would swallow `undefined`). */
const id = (subject: string, body: string, section: Section | null = SECTION_70, format: 'html' | 'text' = 'html') =>
  identifiesLocal(subject, splitQuote(body, format).newContent, policy, section ?? undefined);

const filler = 'Bonjour à toutes et à tous, voici les nouvelles de la semaine concernant nos activités. '.repeat(5);

describe('local identification (clause 9.1)', () => {
  it('in the subject', () => {
    expect(id('Section locale 70 : assemblée générale', '<p>Bonjour</p>')).toBe(true);
    expect(id('[SL 70] Assemblée', '<p>Bonjour</p>')).toBe(true);
  });

  it('in the opening of the new content, French and English', () => {
    expect(id('Assemblée', '<p>Bonjour,</p><p>La <b>Section locale 70</b> vous invite.</p>')).toBe(true);
    expect(id('Meeting', 'Hello,\nThis is CAPE Local 70 writing.', SECTION_70, 'text')).toBe(true);
    expect(id('Meeting', '<p>ACEP-70 : rappel</p>')).toBe(true);
  });

  it('with NBSP, line breaks or tags between the words, and any case', () => {
    expect(id('Assemblée', '<p>La SECTION&nbsp;LOCALE<br>70 vous invite.</p>')).toBe(true);
    expect(id('Assemblée', 'sl\u202f70', SECTION_70, 'text')).toBe(true);
  });

  it('by the section name, in either language', () => {
    expect(id('Hello', '<p>News from Local 70 – Ottawa</p>', { number: '70', name: { fr: 'Statistique Canada', en: 'Statistics Canada' } })).toBe(true);
    expect(id('Bonjour', '<p>Des nouvelles de Statistique Canada.</p>', { number: '70', name: { fr: 'Statistique Canada', en: 'Statistics Canada' } })).toBe(true);
    expect(id('Hi', '<p>Statistics Canada update.</p>', { number: '70', name: { fr: 'Statistique Canada', en: 'Statistics Canada' } })).toBe(true);
  });

  it('not when it is too far down', () => {
    expect(id('Assemblée', `<p>${filler}</p><p>Section locale 70</p>`)).toBe(false);
  });

  it('a phrase that starts inside the opening counts even if it ends past it', () => {
    const opening = policy.localIdentification.openingChars;
    const lead = 'x'.repeat(opening - 10);
    expect(id('', `${lead} Section locale 70`, SECTION_70, 'text')).toBe(true);
    expect(id('', `${lead}${'y'.repeat(20)} Section locale 70`, SECTION_70, 'text')).toBe(false);
  });

  it('not in the quoted history', () => {
    expect(id('Re: question', gmailReply('Oui, merci.', '<p>Section locale 70</p>'))).toBe(false);
  });

  it('a bare number is not an identification', () => {
    expect(id('70', '<p>Réunion du 70e anniversaire, salle 70.</p>')).toBe(false);
  });

  it('Local 70 does not match Local 701, nor SL 7 match SL 70', () => {
    expect(id('Local 701 news', '<p>Local 701 and SL 700</p>')).toBe(false);
    expect(id('SL 70', '<p>Bonjour</p>', { number: '7' })).toBe(false);
    expect(id('SL 7', '<p>Bonjour</p>', { number: '7' })).toBe(true);
    expect(id('ISL 70', '<p>Bonjour</p>')).toBe(false);
  });

  it('without a known section, any number in a pattern counts', () => {
    expect(id('Section locale 512', '<p>Bonjour</p>', null)).toBe(true);
    expect(id('Section locale', '<p>Bonjour</p>', null)).toBe(false);
  });

  it('a section name with no letters is ignored', () => {
    expect(id('70', '<p>70</p>', { number: '70', name: { fr: '70', en: '70' } })).toBe(false);
  });

  it('property: subjects and openings made of ordinary words and bare numbers never identify', () => {
    const word = fc.oneof(
      fc.constantFrom('bonjour', 'réunion', 'le', 'la', 'salle', 'jeudi', 'membres', 'meeting', 'room', 'no', 'numéro', '#', ':', '-', '—', '(', ')', 'local', 'section', 'acep', 'cape', 'sl'),
      fc.nat({ max: 99999 }).map(String),
    );
    const text = fc.array(word, { maxLength: 40 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, text, fc.constantFrom(undefined, SECTION_70), (subject, body, section) => {
        // Words that only identify right before a number are kept apart from numbers here.
        const safe = (s: string) => s.replace(/\b(local|section|acep|cape|sl)\b(?=\s+\d)/g, 'x');
        return !identifiesLocal(safe(subject), normaliseBody(safe(body), 'text'), policy, section);
      }),
      { numRuns: 500 },
    );
  });
});
