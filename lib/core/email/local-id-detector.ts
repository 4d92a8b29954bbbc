import type { EmailPolicy } from '../policy';
import { escapeRegExp, normaliseText } from './normalise';
import type { Section } from './types';

/**
 * Clause 9.1: a message to members must say "from the start" that it comes from the local. The
 * start is the subject or the first `openingChars` characters of the new content (about a first
 * paragraph). A phrase from the policy's patterns counts ("Section locale 70", "SL 70"…), with the
 * section's own number when known and any number otherwise, and so does the section's name. A bare
 * number does not: "70" alone says nothing about who is writing.
 */
export function identifiesLocal(subject: string, newContent: string, policy: EmailPolicy, section?: Section): boolean {
  const { patterns, openingChars } = policy.localIdentification;
  const number = section?.number ? escapeRegExp(normaliseText(section.number)) : '\\d{1,5}';
  const names = namesOf(section);
  const phrases = [
    ...patterns.map((p) => normaliseText(p).split('{number}').map(phraseSource).join(number)),
    ...names.map(phraseSource),
  ];
  const subjectText = normaliseText(subject);
  // A phrase starting inside the opening counts even if it runs past it.
  const longest = Math.max(...patterns.map((p) => p.length + 12), ...names.map((n) => n.length));
  const opening = newContent.slice(0, openingChars + longest);
  return phrases.some((source) => {
    const phrase = new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'u');
    if (phrase.test(subjectText)) return true;
    const m = phrase.exec(opening);
    return m !== null && m.index < openingChars;
  });
}

/** A phrase's regex source: literal words, any run of spaces between them. */
function phraseSource(text: string): string {
  return escapeRegExp(text).replace(/ +/g, '\\s+');
}

/** The section's names that can identify it: those with at least one letter. */
function namesOf(section: Section | undefined): string[] {
  if (!section?.name) return [];
  const names = [section.name.fr, section.name.en].map(normaliseText).filter((n) => /\p{L}/u.test(n));
  return [...new Set(names)];
}
