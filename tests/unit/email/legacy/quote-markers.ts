import { normaliseText } from '../../../../lib/core/email/normalise';

/**
 * Where quoted history starts in an email body. Replies and forwards put their history after a
 * marker the mail client writes: markup in HTML, attribution or header lines in both forms.
 */

/**
 * Markup that starts a quote: Gmail (`gmail_quote`, `gmail_quote_container`), Outlook on the web
 * (`#appendonsend`, `#divRplyFwdMsg`), Thunderbird (`moz-cite-prefix`), Yahoo (`yahoo_quoted`) and
 * any `<blockquote>` but the one Gmail's and Outlook's "indent" button writes (styled `border: none`),
 * which is the writer's own text. Class and id names only count inside a tag, not in text or a stylesheet.
 */
const HTML_MARKER = /<blockquote\b|gmail_quote|divRplyFwdMsg|appendonsend|moz-cite-prefix|yahoo_quoted/gi;

/** Start of the tag holding the first quote marker, or -1. Stops at the first one: O(new content). */
export function firstHtmlMarker(html: string): number {
  const marker = new RegExp(HTML_MARKER.source, HTML_MARKER.flags);
  for (let m = marker.exec(html); m; m = marker.exec(html)) {
    if (m[0][0] === '<') {
      if (!isIndent(html, m.index)) return m.index;
      continue;
    }
    const open = html.lastIndexOf('<', m.index);
    if (open > html.lastIndexOf('>', m.index)) return open;
  }
  return -1;
}

/** An indented paragraph, not a quote: `<blockquote style="margin: 0 0 0 40px; border: none; …">`. */
function isIndent(html: string, start: number): boolean {
  const end = html.indexOf('>', start);
  return end !== -1 && /border\s*:\s*none/i.test(html.slice(start, end));
}

/** "On Mon, 20 Apr 2026 at 10:00, Jane <jane@example.org> wrote:" — a date, so it needs a digit. */
const ATTRIBUTION_EN = /^on\b(?=.*\d).{0,300}\bwrote\s?:$/i;
/** "Le lun. 20 avr. 2026, à 10 h, Jeanne <j@example.org> a écrit :" */
const ATTRIBUTION_FR = /^le\b(?=.*\d).{0,300}\ba écrit\s?:$/i;
const SEPARATOR =
  /^(?:-{2,}\s*(?:original message|message d'origine|forwarded message|message transféré|message transmis)\s*-{2,}|begin forwarded message\s?:|début du message réexpédié\s?:)$/i;
/**
 * A header block (Outlook, forwards): "From:"/"De :", then within four lines both a date
 * ("Sent:"/"Envoyé :"/"Date :") and an addressee or subject ("To:"/"À :"/"Objet :"…). Requiring
 * both keeps a meeting notice ("De : … / Date : … / Lieu : …") in the new content.
 */
const HEADER_FROM = /^\*?(?:from|de)\s?:\*?\s?\S/i;
const HEADER_DATE = /^\*?(?:sent|envoyé|date)\s?:/i;
const HEADER_TO = /^\*?(?:to|[aà]|cc|subject|objet)\s?:/i;
const QUOTED_LINE = /^[ \t\u00a0]*>/;
/** Cheap pre-filter on the raw line, so a long history is not normalised line by line. */
const CANDIDATE = /^[\s*]*(?:on|le|from|de|begin|d\S+but|-{2})/i;

/**
 * Offset of the first line that starts a quote: a `>` line, an attribution (possibly wrapped onto
 * two lines), a separator or an Outlook header block. Lines are compared in detection form, so
 * NBSP before "a écrit :" or ’ in "d’origine" do not matter. Scans no further than the first `>` line.
 */
export function firstTextMarker(text: string): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (QUOTED_LINE.test(raw)) return offset;
    if (CANDIDATE.test(raw) && startsQuote(normaliseText(raw), lines, i)) return offset;
    offset += raw.length + 1;
  }
  return -1;
}

function startsQuote(line: string, lines: readonly string[], i: number): boolean {
  if (SEPARATOR.test(line) || ATTRIBUTION_EN.test(line) || ATTRIBUTION_FR.test(line)) return true;
  if (/^(?:on|le)\b/i.test(line)) {
    const joined = `${line} ${normaliseText(lines[i + 1] ?? '')}`;
    if (ATTRIBUTION_EN.test(joined) || ATTRIBUTION_FR.test(joined)) return true;
  }
  if (!HEADER_FROM.test(line)) return false;
  let date = false;
  let to = false;
  for (let j = i + 1, seen = 0; j < lines.length && seen < 4; j++) {
    const next = normaliseText(lines[j]!);
    if (!next) continue;
    date ||= HEADER_DATE.test(next);
    to ||= HEADER_TO.test(next);
    seen++;
  }
  return date && to;
}
