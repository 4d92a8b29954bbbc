import type { Counts } from './decide';

// No zod here: content scripts count what a copy or a clipboard write carries.

/** An address as people and tables write it; the same shape the log scrubber removes. */
const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;
/** North American numbers as people write them: 613-555-0100, (613) 555 0100, +1 613.555.0100. */
const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/g;

/**
 * How much member data a piece of text carries: distinct email addresses, distinct phone numbers
 * and rows of a table (see `tableRows`). Distinct, because a person copying one address twice
 * has still copied one address. Only counts leave this function, never the values.
 */
export function countMemberData(text: string): Counts {
  const emails = new Set((text.match(EMAIL) ?? []).map((e) => e.toLowerCase()));
  const phones = new Set((text.match(PHONE) ?? []).map((p) => p.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '')));
  return { emails: emails.size, phones: phones.size, rows: tableRows(text) };
}

/**
 * Lines of a copied table: a browser copies a table's rows as lines of tab-separated cells, and a
 * CSV has lines with the same number of commas. Prose with a comma or two is not a table: CSV
 * lines count only when at least two of them share three or more fields, and a lone header line
 * (no address, no digit) is left out.
 */
export function tableRows(text: string): number {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const tabbed = lines.filter((l) => l.split('\t').length >= 2);
  if (tabbed.length >= 2) return withoutHeader(tabbed);
  const widths = new Map<number, string[]>();
  for (const line of lines) {
    const width = line.split(',').length;
    if (width >= 3) widths.set(width, [...(widths.get(width) ?? []), line]);
  }
  const widest = [...widths.values()].reduce<string[]>((best, group) => (group.length > best.length ? group : best), []);
  return widest.length >= 2 ? withoutHeader(widest) : 0;
}

function withoutHeader(rows: readonly string[]): number {
  const first = rows[0] ?? '';
  const header = !/\d|@/.test(first);
  return header ? rows.length - 1 : rows.length;
}

/** Whether counts go past a policy's copy threshold (the same rule `decide` applies). */
export function exceedsThreshold(counts: Counts, threshold: Counts): boolean {
  return counts.emails > threshold.emails || counts.phones > threshold.phones || counts.rows > threshold.rows;
}

/** The larger of each count: the same copy measured from the text and from the page's table. */
export function maxCounts(a: Counts, b: Partial<Counts>): Counts {
  return { emails: Math.max(a.emails, b.emails ?? 0), phones: Math.max(a.phones, b.phones ?? 0), rows: Math.max(a.rows, b.rows ?? 0) };
}
