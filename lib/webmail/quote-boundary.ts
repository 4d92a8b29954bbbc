/**
 * Where the quoted thread starts in a compose body, found in its elements rather than in its
 * serialised markup: the send check then serialises only what the person wrote, however long
 * the history under it. The markers are those of `firstHtmlMarker` (lib/core/email/quote-markers),
 * read the same way — a marker counts in an element's tag name, attribute names or values — so
 * both give the same cut; the core still looks for markers (and attribution lines) in what we pass.
 */
const MARKER = /gmail_quote|divRplyFwdMsg|appendonsend|moz-cite-prefix|yahoo_quoted/i;
/** The indent button's blockquote (`border: none`) is the writer's own text, not a quote. */
const INDENT = /border\s*:\s*none/i;

/** The first element, in document order, that starts the quoted history, or undefined. */
export function quoteStart(body: Element): Element | undefined {
  const walker = body.ownerDocument.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (startsQuote(node as Element)) return node as Element;
  }
  return undefined;
}

function startsQuote(el: Element): boolean {
  if (el.localName === 'blockquote') return !INDENT.test(el.getAttribute('style') ?? '');
  for (const attr of Array.from(el.attributes)) if (MARKER.test(attr.name) || MARKER.test(attr.value)) return true;
  return MARKER.test(el.localName);
}

export interface CutBody {
  /** The markup before the quote: the ancestors' opening tags and every earlier node, whole. */
  head: string;
  /** The markup from the quote on, serialised only when called. */
  rest?: () => string;
}

/** The body's markup cut where the quote starts; the whole markup when there is no quote. */
export function cutAtQuote(body: Element): CutBody {
  const start = quoteStart(body);
  if (!start) return { head: body.innerHTML };
  return { head: before(body, start), rest: () => from(body, start) };
}

/** Markup of `parent`'s content up to `stop` (a descendant), as `innerHTML` would start. */
function before(parent: Node, stop: Node): string {
  let out = '';
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child === stop) return out;
    if (child.contains(stop)) return out + openingTag(child as Element) + before(child, stop);
    out += markup(child);
  }
  return out;
}

/** Markup from `start` to the end of `root`'s content (closing tags left out, as a cut string would). */
function from(root: Node, start: Node): string {
  let out = '';
  for (let node: Node | null = start; node && node !== root; node = node.parentNode) {
    for (let sib: Node | null = node === start ? node : node.nextSibling; sib; sib = sib.nextSibling) out += markup(sib);
  }
  return out;
}

function openingTag(el: Element): string {
  const shallow = (el.cloneNode(false) as Element).outerHTML;
  return shallow.slice(0, shallow.length - `</${el.localName}>`.length);
}

function markup(node: Node): string {
  if (node.nodeType === 1) return (node as Element).outerHTML;
  if (node.nodeType === 3) return escapeText(node.nodeValue ?? '');
  if (node.nodeType === 8) return `<!--${node.nodeValue ?? ''}-->`;
  return '';
}

/** Text as `innerHTML` serialises it. */
function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
}
