/**
 * A day as people type it (a spreadsheet cell, a date field) means the end of that day in Québec
 * (Eastern time; standard offset, so a summer date ends at 00:59 the next day rather than early).
 * Full ISO date-times pass through unchanged. Pure: the page and the server share it.
 */
export const endOfDay = (v: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59-05:00` : v);
