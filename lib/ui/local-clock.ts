/** Instants as the person's clock shows them, for the CSV export. */
export interface LocalClock {
  /** The IANA time zone, named in the CSV's header ("America/Toronto"). */
  zone: string;
  /** ISO 8601 local time with its offset: `2026-11-22T12:28:00-05:00`. */
  format(ms: number): string;
}

/**
 * One `Intl.DateTimeFormat` for the whole export, and one call to it per minute of log rather
 * than per event: zone offsets are whole minutes, so the seconds are added arithmetically.
 * `timeZone` defaults to the browser's (the person's own).
 */
export function localClock(timeZone?: string): LocalClock {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  let minute = Number.NaN;
  let parts = { head: '', offset: '' };
  return {
    zone: format.resolvedOptions().timeZone,
    format(ms) {
      const m = Math.floor(ms / 60_000);
      if (m !== minute) {
        minute = m;
        parts = minuteParts(format, m * 60_000);
      }
      const seconds = Math.floor((ms - m * 60_000) / 1000);
      return `${parts.head}:${String(seconds).padStart(2, '0')}${parts.offset}`;
    },
  };
}

function minuteParts(format: Intl.DateTimeFormat, ms: number): { head: string; offset: string } {
  const p: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(ms)) p[type] = value;
  // "GMT-05:00" → "-05:00"; "GMT" (UTC itself) → "+00:00".
  const offset = (p.timeZoneName ?? '').replace(/^(?:GMT|UTC)/, '').replace('\u2212', '-') || '+00:00';
  return { head: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`, offset };
}
