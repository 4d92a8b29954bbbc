import { decodeEntities } from './entities';

/**
 * Text normalisation for the email detectors. Two texts that read the same to a person normalise
 * to the same string (tags, entities, line breaks, NBSP, case, ’ vs ', invisible characters),
 * while a changed or dropped word still changes the result.
 */

/** Elements a browser lays out as their own block: their tags separate words. */
const BLOCK = new Set(
  ('address article aside blockquote body br caption center dd details dialog div dl dt fieldset figcaption figure footer '
    + 'form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav ol p pre section summary table tbody tfoot thead tr ul')
    .split(' '),
);
const CELL = new Set(['td', 'th']);

/**
 * One pass over the markup: comments, raw-text elements (whose content is never shown), `<head>`,
 * tags (attribute values may hold `>`), and doctype/processing instructions. Unterminated comments
 * and raw elements run to the end, as in a browser.
 */
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|title|template|xml)\b[\s\S]*?(?:<\/\1\s*>|$)|<head\b[\s\S]*?(?:<\/head\s*>|(?=<body\b)|$)|<\/?([A-Za-z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|<[!?][^>]*>/gi;

/** HTML to plain text with a line break wherever a browser would start a new block. */
export function htmlToText(html: string): string {
  const stripped = html.replace(MARKUP, (_m, _raw: string | undefined, tag: string | undefined) => {
    if (tag === undefined) return '';
    const name = tag.toLowerCase();
    if (BLOCK.has(name)) return '\n';
    return CELL.has(name) ? ' ' : '';
  });
  return decodeEntities(stripped);
}

/**
 * Characters that show nothing: soft hyphen, zero-width spaces and joiners, bidi marks, embeddings,
 * overrides and isolates (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069), word joiner, BOM.
 */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const APOSTROPHES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4`]/g;
const QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
/** Non-breaking and typographic hyphens are the same hyphen to a reader. */
const HYPHENS = /[\u2010\u2011]/g;
/**
 * Whitespace to collapse: JavaScript's \s covers NBSP, narrow NBSP (U+202F), the U+2000 spaces and
 * line separators. Single plain spaces are left alone, which keeps long texts fast.
 */
const SPACES = /\s{2,}|[^\S ]/g;

/** Plain text to its detection form: one space between words, lowercase, NFC, plain quotes. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"')
    .replace(HYPHENS, '-')
    .toLowerCase()
    .normalize('NFC')
    .replace(SPACES, ' ')
    .trim();
}

/** An email body, HTML or plain, in detection form. */
export function normaliseBody(body: string, format: 'html' | 'text'): string {
  return normaliseText(format === 'html' ? htmlToText(body) : body);
}

const LATIN_ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/g;
let unaccented: Map<string, string> | undefined;

/**
 * Removes accents from Latin letters (é → e, Ç → C) in text already in detection form, for
 * accent-tolerant matching. A lookup per accented letter: decomposing a whole 300 KB message
 * (NFD, strip marks, NFC) costs milliseconds the send check does not have.
 */
export function foldAccents(normalised: string): string {
  unaccented ??= latinFolds();
  const map = unaccented;
  return normalised.replace(LATIN_ACCENTED, (c) => map.get(c) ?? c);
}

function latinFolds(): Map<string, string> {
  const map = new Map<string, string>();
  for (const range of [[0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
    for (let code = range[0]; code <= range[1]; code++) {
      const c = String.fromCharCode(code);
      const base = c.normalize('NFD').replace(/\p{M}+/gu, '');
      if (base && base !== c) map.set(c, base);
    }
  }
  return map;
}

/** A regex source matching `text` literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * `needle` occurs in `haystack` without being glued to a longer word ("surveillez" does not
 * contain "veillez"). An edge of the needle that is punctuation may touch anything.
 */
export function containsPhrase(haystack: string, needle: string): boolean {
  if (!needle) return false;
  const checkStart = WORD_CHAR.test(needle[0]!);
  const checkEnd = WORD_CHAR.test(needle[needle.length - 1]!);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (checkStart && before !== undefined && WORD_CHAR.test(before)) continue;
    if (checkEnd && after !== undefined && WORD_CHAR.test(after)) continue;
    return true;
  }
  return false;
}
