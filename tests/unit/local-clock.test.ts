import { describe, expect, it } from 'vitest';
import { localClock } from '../../lib/ui/local-clock';

/** The reference: every field straight from Intl, one call per instant. */
const formats = new Map<string, Intl.DateTimeFormat>();
function reference(ms: number, timeZone: string): string {
  const parts: Record<string, string> = {};
  if (!formats.has(timeZone)) formats.set(timeZone, new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' }));
  for (const { type, value } of formats.get(timeZone)!.formatToParts(ms)) parts[type] = value;
  const offset = (parts.timeZoneName ?? '').replace(/^GMT/, '').replace('\u2212', '-') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

describe('localClock', () => {
  // Toronto and St. John's (a half-hour zone) around their 2026 clock changes, Lord Howe (a
  // half-hour change), Kolkata (no change), UTC.
  const cases: Array<[string, string]> = [
    ['America/Toronto', '2026-03-08T06:00:00Z'],
    ['America/Toronto', '2026-11-01T05:00:00Z'],
    ['America/St_Johns', '2026-03-08T04:30:00Z'],
    ['America/St_Johns', '2026-11-01T03:30:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T14:30:00Z'],
    ['Asia/Kolkata', '2026-06-01T00:00:00Z'],
    ['UTC', '2026-06-01T00:00:00Z'],
  ];
  for (const [zone, around] of cases) {
    it(`matches Intl field by field in ${zone} around ${around}, every 7 s for 4 hours`, () => {
      const clock = localClock(zone);
      const start = Date.parse(around) - 2 * 3600_000;
      for (let ms = start; ms < start + 4 * 3600_000; ms += 7_001) expect(clock.format(ms)).toBe(reference(ms, zone));
    });
  }

  it('names the zone', () => {
    expect(localClock('America/Toronto').zone).toBe('America/Toronto');
  });
});
