import type { Counts } from '../core/decide';
import { countMemberData } from '../core/member-counts';
import { tallyDocument, tallyRange } from './range-tally';

/** What a copy carries: its counts, whether they are exact, and its text when it is needed. */
export interface SelectionMeasure {
  counts: Counts;
  /** False when counting stopped early (the counts are "at least"): see range-tally.ts. */
  complete: boolean;
  /** The copied text, read only if Vigie must write it itself (after an override). */
  text: () => string;
}

/**
 * What the selection of `doc` carries, in one walk of each selected range (range-tally.ts): the
 * addresses and numbers in its text and the member rows it crosses. A selection inside a text
 * field (which `getSelection` misses) is counted from its text. Only counts leave this module.
 * `thresholds` (the policy's copy threshold) lets a huge selection stop counting early.
 */
export function selectionCounts(doc: Document = document, thresholds?: Counts): SelectionMeasure {
  const field = fieldSelection(doc);
  if (field !== undefined) return { counts: countMemberData(field), complete: true, text: () => field };
  const selection = doc.getSelection();
  const ranges: Range[] = [];
  for (let i = 0; selection && !selection.isCollapsed && i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i).cloneRange());
  let counts: Counts = { emails: 0, phones: 0, rows: 0 };
  let complete = true;
  for (const range of ranges) {
    const tally = tallyRange(range, thresholds);
    counts = add(counts, tally.counts);
    complete &&= tally.complete;
  }
  return { counts, complete, text: () => rangesText(doc, ranges) };
}

/** The selected text, including a selection inside a text field. */
export function selectedText(doc: Document): string {
  return fieldSelection(doc) ?? doc.getSelection()?.toString() ?? '';
}

function fieldSelection(doc: Document): string | undefined {
  const active = doc.activeElement;
  if (active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && /^(text|search|email|tel|url)$/.test(active.type))) {
    const { selectionStart: start, selectionEnd: end, value } = active;
    if (start !== null && end !== null && end > start) return value.slice(start, end);
  }
  return undefined;
}

/** The text of the ranges as the browser copies it (lines and tabs): put back in the selection to read it. */
function rangesText(doc: Document, ranges: readonly Range[]): string {
  const selection = doc.getSelection();
  if (!selection) return ranges.map(String).join('\n');
  selection.removeAllRanges();
  for (const range of ranges) selection.addRange(range);
  return selection.toString();
}

/** Two ranges of one selection hold different rows; their addresses may repeat (a bound, kept simple). */
const add = (a: Counts, b: Counts): Counts => ({ emails: a.emails + b.emails, phones: a.phones + b.phones, rows: a.rows + b.rows });

/** The member data a whole page shows, for print: the same walk over its body. */
export function pageCounts(doc: Document = document, thresholds?: Counts): Counts {
  return tallyDocument(doc, thresholds).counts;
}

/**
 * What HTML a page puts on the clipboard carries, counted like a page (rows of a roster included),
 * without running or loading anything in it: a parsed document has no scripts and no network.
 */
export function htmlCounts(html: string): Counts {
  return tallyDocument(new DOMParser().parseFromString(html, 'text/html')).counts;
}
