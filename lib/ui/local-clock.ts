/** Instants as the person's clock shows them, for the CSV export. */
export interface LocalClock {
  /** The IANA time zone, named in the CSV's header ("America/Toronto"). */
  zone: string;
  /** ISO 8601 local time with its offset: `2026-11-22T12:28:00-05:00`. */
  format(ms: number): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * One `Intl.DateTimeFormat` for the whole export, asked only for the zone's offset, twice per hour
 * of log: when the offset is the same at both ends of an hour (every hour but a clock change's),
 * the local time is plain arithmetic. An hour with a change is formatted minute by minute (zone
 * offsets and changes fall on whole minutes). `timeZone` defaults to the browser's (the person's).
 */
export function localClock(timeZone?: string): LocalClock {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, hour: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' });
  const offsetAt = (ms: number) => offsetMinutes(format, ms);
  let hour = Number.NaN;
  let steady: number | undefined;
  return {
    zone: format.resolvedOptions().timeZone,
    format(ms) {
      const h = Math.floor(ms / HOUR);
      if (h !== hour) {
        hour = h;
        const start = offsetAt(h * HOUR);
        steady = start === offsetAt((h + 1) * HOUR - 1) ? start : undefined;
      }
      return localIso(ms, steady ?? offsetAt(Math.floor(ms / MINUTE) * MINUTE));
    },
  };
}

/** The zone's offset from UTC at `ms`, in minutes ("GMT-03:30" → -210; "GMT" → 0). */
function offsetMinutes(format: Intl.DateTimeFormat, ms: number): number {
  const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /([+\-\u2212])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '+' ? minutes : -minutes;
}

const two = (n: number) => String(n).padStart(2, '0');

function localIso(ms: number, offset: number): string {
  const d = new Date(ms + offset * MINUTE);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
