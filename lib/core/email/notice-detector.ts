import type { Text } from '../text';
import { containsPhrase, normaliseText } from './normalise';
import type { SplitBody } from './quote-split';

/**
 * Whether the policy's notice is in the sender's own text (clause 9.2 puts it in the signature
 * block). Either language version counts. The text searched for is exactly the policy's, oddities
 * included (the official French opens "Veillez ne pas envoyer", sic): Vigie checks the notice the
 * organisation published, not a corrected one.
 */
export type NoticeStatus = 'present' | 'altered' | 'missing' | 'only-in-quote';

/** Words of the notice's opening that, found together, show the sender meant to include it. */
const OPENING_WORDS = 8;
const GRAM = 4;
/** Share of the notice's word 4-grams that, found in the new content, make it an altered copy. */
const ALTERED_SHARE = 0.4;

/** The quoted history is searched around a distinctive word of the notice, this many notice lengths each side. */
const WINDOW_RADIUS = 12;
/** After this many windows without the notice, normalising the whole history is cheaper. */
const MAX_WINDOWS = 8;

interface Prepared {
  full: string;
  opening?: string;
  grams: readonly string[];
  /** Longest word written only in characters markup never encodes (an address, usually), or none. */
  anchor?: string;
}

const prepared = new Map<string, Prepared>();

function prepare(text: string): Prepared {
  let p = prepared.get(text);
  if (!p) {
    const full = normaliseText(text);
    const words = full.split(' ');
    const opening = words.length > OPENING_WORDS ? words.slice(0, OPENING_WORDS).join(' ') : undefined;
    const plain = words.map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')).filter((w) => /^[a-z0-9@._-]{6,}$/.test(w));
    const anchor = plain.reduce<string | undefined>((best, w) => (best && best.length >= w.length ? best : w), undefined);
    p = { full, opening, grams: gramsOf(words), anchor };
    prepared.set(text, p);
  }
  return p;
}

export function detectNotice(split: SplitBody, notice: Text): NoticeStatus {
  const versions = [prepare(notice.fr), prepare(notice.en)];
  const text = split.newContent;
  if (versions.some((v) => containsPhrase(text, v.full))) return 'present';
  if (versions.some((v) => looksAltered(text, v))) return 'altered';
  if (split.hasQuote && versions.some((v) => inQuote(split, v))) return 'only-in-quote';
  return 'missing';
}

/**
 * Whether the whole notice is in the quoted history. A long history is only normalised around
 * the notice's anchor word; a notice whose anchor the markup itself splits or encodes is then
 * reported 'missing' instead of 'only-in-quote', which asks the sender for the same fix.
 */
function inQuote(split: SplitBody, notice: Prepared): boolean {
  if (!notice.anchor) return containsPhrase(split.quoted(), notice.full);
  let seen = 0;
  for (const window of split.quotedWindows(notice.anchor, WINDOW_RADIUS * notice.full.length)) {
    if (containsPhrase(window, notice.full)) return true;
    if (++seen >= MAX_WINDOWS) return containsPhrase(split.quoted(), notice.full);
  }
  return false;
}

function looksAltered(text: string, notice: Prepared): boolean {
  if (notice.opening && containsPhrase(text, notice.opening)) return true;
  if (notice.grams.length === 0) return false;
  const have = new Set(gramsOf(text.split(' ')));
  const found = notice.grams.filter((g) => have.has(g)).length;
  return found / notice.grams.length >= ALTERED_SHARE;
}

function gramsOf(words: readonly string[]): string[] {
  const grams: string[] = [];
  for (let i = 0; i + GRAM <= words.length; i++) grams.push(words.slice(i, i + GRAM).join(' '));
  return grams;
}
