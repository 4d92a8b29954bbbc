import type { Counts } from '../core/decide';
import { INLINE, UNRENDERED, isMemberRow } from './row-rules';

// Same shapes as lib/core/member-counts.ts (the text of a copy the page writes is counted there).
const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;
const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/g;

/** Counts are exact up to this many of each; past it (and past every threshold) the walk stops. */
export const EXACT_UP_TO = 1_000;

export interface Tally {
  counts: Counts;
  /** False when the walk stopped early: the counts are then "at least". */
  complete: boolean;
}

/**
 * Member data in a range, in one walk of the nodes it covers: distinct addresses and numbers in
 * its text (read line by line, as the browser's copied text breaks lines), and member rows (see
 * row-rules.ts) it starts, ends or crosses. Linear in the range: no per-row position query (the
 * old `Range.intersectsNode` per row made a 50 000-row copy take 100 s). With `thresholds`, the
 * walk stops once every count is past both its threshold and EXACT_UP_TO: the verdict is known.
 */
export function tallyRange(range: Range, thresholds?: Counts): Tally {
  const t = new Tallier(thresholds);
  const root = range.commonAncestorContainer;
  const { startContainer: start, startOffset, endContainer: end, endOffset } = range;
  if (range.collapsed) return t.result(true);

  // Rows the range starts inside of (below the common ancestor: one cell crosses no row).
  const opened: Element[] = [];
  if (start !== root) for (let n: Node | null = start.parentNode; n && n !== root; n = n.parentNode) if (n instanceof Element) opened.unshift(n);
  if (start !== root && start instanceof Element) opened.push(start);
  for (const el of opened) t.enter(el);

  const stopAt = isText(end) ? undefined : (end.childNodes[endOffset] ?? null);
  let node: Node | null = isText(start) ? start : (start.childNodes[startOffset] ?? null);
  let ascendFrom: Node | null = node ? null : start;
  for (;;) {
    if (ascendFrom) {
      // Leave ascendFrom and its ancestors until one has a next sibling.
      node = null;
      for (let n: Node | null = ascendFrom; n; n = n.parentNode) {
        if (n instanceof Element) t.leave(n);
        if (n === end && stopAt === null) return t.result(true);
        if (n.nextSibling) {
          node = n.nextSibling;
          break;
        }
      }
      ascendFrom = null;
    }
    if (!node || node === stopAt) return t.result(true);
    if (isText(node)) {
      const from = node === start ? startOffset : 0;
      const to = node === end ? endOffset : (node as CharacterData).data.length;
      t.text((node as CharacterData).data.slice(from, to));
      if (node === end) return t.result(true);
      ascendFrom = node;
    } else if (node instanceof Element && !unrendered(node)) {
      t.enter(node);
      if (node.firstChild) node = node.firstChild;
      else ascendFrom = node;
    } else {
      ascendFrom = node;
    }
    if (t.enough()) return t.result(false);
  }
}

/** The member data of a whole document (what a printout shows): the same walk over its body. */
export function tallyDocument(doc: Document, thresholds?: Counts): Tally {
  if (!doc.body) return { counts: { emails: 0, phones: 0, rows: 0 }, complete: true };
  const range = doc.createRange();
  range.selectNodeContents(doc.body);
  return tallyRange(range, thresholds);
}

const isText = (n: Node): boolean => n.nodeType === 3 || n.nodeType === 4;
/** Script, style, template and `hidden` subtrees are neither copied nor printed. */
const unrendered = (el: Element): boolean => UNRENDERED.has(el.tagName) || el.hasAttribute('hidden');

class Tallier {
  private readonly emails = new Set<string>();
  private readonly phones = new Set<string>();
  private rows = 0;
  private line = '';
  /** Rows being walked through: a row inside a row (a list inside a cell) is not another member. */
  private readonly inRows: Element[] = [];
  private readonly shapes = new WeakMap<Element, Map<string, number>>();
  /** Lines that read like a table (tab- or comma-separated), as countMemberData's tableRows does. */
  private tabbed = 0;
  private readonly csvWidths = new Map<number, number>();
  private headerLike: boolean | undefined;

  constructor(private readonly thresholds?: Counts) {}

  enter(el: Element): void {
    if (!INLINE.has(el.tagName)) this.flush();
    if (this.inRows.length === 0 && isMemberRow(el, this.shapes)) {
      this.inRows.push(el);
      this.rows++;
    }
  }

  leave(el: Element): void {
    if (!INLINE.has(el.tagName)) this.flush();
    if (this.inRows.at(-1) === el) this.inRows.pop();
  }

  text(data: string): void {
    this.line += data;
    // A long run without a block boundary (a <pre> of CSV): count it in pieces at line breaks.
    if (this.line.length > 65_536) {
      const cut = this.line.lastIndexOf('\n');
      if (cut > 0) {
        const rest = this.line.slice(cut + 1);
        this.line = this.line.slice(0, cut);
        this.flush();
        this.line = rest;
      }
    }
  }

  enough(): boolean {
    const t = this.thresholds;
    if (!t) return false;
    const past = (n: number, limit: number) => n > limit && n >= EXACT_UP_TO;
    return past(this.emails.size, t.emails) && past(this.phones.size, t.phones) && past(this.rows, t.rows);
  }

  result(complete: boolean): Tally {
    this.flush();
    const textRows = Math.max(this.tabbed, ...this.csvWidths.values(), 0);
    const tableLines = textRows >= 2 ? textRows - (this.headerLike ? 1 : 0) : 0;
    return { counts: { emails: this.emails.size, phones: this.phones.size, rows: Math.max(this.rows, tableLines) }, complete };
  }

  private flush(): void {
    const text = this.line;
    if (!text) return;
    this.line = '';
    for (const m of text.matchAll(EMAIL)) this.emails.add(m[0].toLowerCase());
    for (const m of text.matchAll(PHONE)) this.phones.add(m[0].replace(/\D/g, '').replace(/^1(?=\d{10}$)/, ''));
    if (!text.includes('\t') && !text.includes(',')) return;
    for (const raw of text.split(/\r?\n/)) this.tableLine(raw.trim());
  }

  private tableLine(line: string): void {
    if (!line) return;
    const tabs = line.split('\t').length;
    const commas = line.split(',').length;
    if (tabs < 2 && commas < 3) return;
    this.headerLike ??= !/\d|@/.test(line);
    if (tabs >= 2) this.tabbed++;
    else this.csvWidths.set(commas, (this.csvWidths.get(commas) ?? 0) + 1);
  }
}
