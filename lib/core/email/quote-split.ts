import { escapeRegExp, htmlToText, normaliseText } from './normalise';
import { firstHtmlMarker, firstTextMarker } from './quote-markers';

/**
 * Separates what the sender wrote from the earlier messages a reply or forward carries. Everything
 * from the first quote marker on counts as quoted: replies put their history last, and finding
 * where a quote ends would mean parsing the whole thread, which the send check cannot afford on a
 * 3 MB history. Bottom-posted text after a quote is therefore treated as quoted.
 */
export interface SplitBody {
  /** The new content, in detection form (see normaliseText). Only this part is normalised up front. */
  newContent: string;
  /** Whether a quote marker was found. */
  hasQuote: boolean;
  /** The whole quoted part in detection form, `>` prefixes removed; computed on first call only. */
  quoted: () => string;
  /**
   * The quoted part in detection form, one window at a time: the raw text within `radius`
   * characters of each occurrence of `anchor` (ignoring case). Lets a caller look for one phrase
   * in a long history without normalising all of it.
   */
  quotedWindows: (anchor: string, radius: number) => Iterable<string>;
}

/**
 * `rest` (HTML only): the quoted history's markup when the caller has already cut it off `body` (the extension cuts at
 * the quote's element in the compose, so the history is never serialised unless the notice has to
 * be looked for in it). Markers are still looked for in `body`, so a cut made late changes nothing.
 */
export function splitQuote(body: string, format: 'html' | 'text', rest?: () => string): SplitBody {
  if (format === 'text') {
    const start = firstTextMarker(body);
    return start < 0 ? unquoted(body) : split(normaliseText(body.slice(0, start)), body.slice(start), () => '');
  }
  const cut = firstHtmlMarker(body);
  const prefix = htmlToText(cut < 0 ? body : body.slice(0, cut));
  const start = firstTextMarker(prefix);
  if (cut < 0 && start < 0 && !rest) return unquoted(prefix);
  const end = start < 0 ? prefix.length : start;
  return split(normaliseText(prefix.slice(0, end)), prefix.slice(end), () => (cut < 0 ? '' : body.slice(cut)), rest);
}

function unquoted(text: string): SplitBody {
  return { newContent: normaliseText(text), hasQuote: false, quoted: () => '', quotedWindows: () => [] };
}

/** A split whose quoted part is `text` (already plain), then `html` and `rest` (markup, read only when asked for). */
function split(newContent: string, text: string, html: () => string, rest?: () => string): SplitBody {
  let whole: string | undefined;
  let markup: string | undefined;
  const later = () => (markup ??= html() + (rest?.() ?? ''));
  return {
    newContent,
    hasQuote: true,
    quoted: () => (whole ??= detectionForm(`${text}\n${htmlToText(later())}`)),
    quotedWindows: function* (anchor, radius) {
      yield* windows(text, anchor, radius, (s) => s);
      yield* windows(later(), anchor, radius, htmlToText);
    },
  };
}

function* windows(source: string, anchor: string, radius: number, toText: (s: string) => string): Generator<string> {
  const at = new RegExp(escapeRegExp(anchor), 'gi');
  let coveredTo = -1;
  for (let m = at.exec(source); m; m = at.exec(source)) {
    const end = Math.min(source.length, m.index + m[0].length + radius);
    if (end <= coveredTo) continue;
    coveredTo = end;
    yield detectionForm(toText(source.slice(Math.max(0, m.index - radius), end)));
  }
}

/** Quoted text in detection form, without the `>` that plain-text replies put before each line. */
function detectionForm(text: string): string {
  return normaliseText(text.replace(/^[ \t\u00a0]*(?:>[ \t\u00a0]?)+/gm, ''));
}
