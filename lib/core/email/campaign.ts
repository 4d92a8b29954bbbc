import type { Policy } from '../policy';
import { containsPhrase, foldAccents, normaliseText } from './normalise';

/**
 * Clause 8.1.e: no campaigning for or against a candidate with the organisation's resources. The
 * policy's lexicon terms are looked for as whole words or phrases in the subject and the new
 * content (a quoted message is someone else's words). Matching ignores case and accents, because
 * "elisez" typed without its accent means the same as "élisez"; it is a warning, not a verdict.
 */
export function campaignTerms(subject: string, newContent: string, policy: Policy): string[] {
  const lexicon = policy.campaignLexicon;
  if (!lexicon) return [];
  const texts = [foldAccents(normaliseText(subject)), foldAccents(newContent)];
  // Both sides are in detection form (single spaces), so a phrase is a plain substring.
  return [...new Set(lexicon.terms.filter((term) => texts.some((t) => containsPhrase(t, foldAccents(normaliseText(term))))))];
}
