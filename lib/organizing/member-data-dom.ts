import type { Counts } from '../core/decide';
import { countMemberData, maxCounts } from '../core/member-counts';

/**
 * What a copy carries, measured twice: from the text (addresses, numbers, tab-separated lines)
 * and from the page (table rows the selection crosses), keeping the larger of each. Only counts
 * leave this module.
 */
export function selectionCounts(doc: Document = document): { text: string; counts: Counts } {
  const text = selectedText(doc);
  return { text, counts: maxCounts(countMemberData(text), { rows: selectedRows(doc.getSelection()) }) };
}

/** The selected text, including a selection inside a text field (which `getSelection` misses). */
export function selectedText(doc: Document): string {
  const active = doc.activeElement;
  if (active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && /^(text|search|email|tel|url)$/.test(active.type))) {
    const { selectionStart: start, selectionEnd: end, value } = active;
    if (start !== null && end !== null && end > start) return value.slice(start, end);
  }
  return doc.getSelection()?.toString() ?? '';
}

/** Data rows (with at least one `td`) of tables that the selection's ranges cross. */
export function selectedRows(selection: Selection | null): number {
  if (!selection || selection.isCollapsed) return 0;
  const rows = new Set<Element>();
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    const ancestor = range.commonAncestorContainer;
    const root = ancestor instanceof Element ? ancestor : ancestor.parentElement;
    if (!root) continue;
    // A selection inside one cell crosses no row: copying one cell is not copying a row.
    for (const row of root.querySelectorAll('tr')) {
      if (row.querySelector('td') && range.intersectsNode(row)) rows.add(row);
    }
  }
  return rows.size;
}

/** The member data a whole page shows, for print: its text and its tables' data rows. */
export function pageCounts(doc: Document = document): Counts {
  const body = doc.body;
  if (!body) return { emails: 0, phones: 0, rows: 0 };
  const rows = [...body.querySelectorAll('tr')].filter((r) => r.querySelector('td')).length;
  return maxCounts(countMemberData(body.innerText ?? body.textContent ?? ''), { rows });
}

/** The text of HTML a page puts on the clipboard, without running or loading anything in it. */
export function htmlText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const cell of doc.querySelectorAll('td, th')) cell.append('\t');
  for (const row of doc.querySelectorAll('tr, p, div, li, br')) row.append('\n');
  return doc.body?.textContent ?? '';
}
