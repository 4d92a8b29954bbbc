import { describe, expect, it } from 'vitest';
import { CATALOGUE, formatDate, formatList, resolveLang, t } from '../../lib/i18n';

describe('catalogue', () => {
  it('has a non-empty French and English text for every key', () => {
    const entries = Object.entries(CATALOGUE);
    expect(entries.length).toBeGreaterThan(50);
    for (const [key, text] of entries) {
      expect(Object.keys(text).sort(), key).toEqual(['en', 'fr']);
      expect(text.fr.trim(), `${key}.fr`).not.toBe('');
      expect(text.en.trim(), `${key}.en`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(CATALOGUE)) {
      expect(placeholders(text.fr), key).toEqual(placeholders(text.en));
    }
  });

  it('fills placeholders', () => {
    expect(t('fr', 'sectionValue', { number: 70, name: 'Outaouais' })).toBe('Section locale 70 — Outaouais');
    expect(t('en', 'sectionValue', { number: 70, name: 'Outaouais' })).toBe('Local 70 — Outaouais');
  });
});

describe('resolveLang', () => {
  it('follows the setting, else the browser language', () => {
    expect(resolveLang('auto', 'fr-CA')).toBe('fr');
    expect(resolveLang('auto', 'fr')).toBe('fr');
    expect(resolveLang('auto', 'en-US')).toBe('en');
    expect(resolveLang('auto', 'de')).toBe('en');
    expect(resolveLang('en', 'fr-CA')).toBe('en');
    expect(resolveLang('fr', 'en-US')).toBe('fr');
  });
});

describe('formatDate', () => {
  it('writes dates in words in each language', () => {
    expect(formatDate('fr', '2026-03-01')).toBe('1 mars 2026');
    expect(formatDate('en', '2026-03-01')).toBe('March 1, 2026');
  });

  it('keeps a calendar date on its day west of Greenwich', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Vancouver';
    try {
      // Read as midnight UTC and shown in local time, this would be February 28.
      expect(formatDate('en', '2026-03-01')).toBe('March 1, 2026');
      expect(formatDate('fr', '2026-01-01')).toBe('1 janvier 2026');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('joins lists the way each language does', () => {
    expect(formatList('fr', ['Gmail', 'Outlook', 'Action Network'])).toBe('Gmail, Outlook et Action Network');
    expect(formatList('en', ['Gmail', 'Outlook', 'Action Network'])).toBe('Gmail, Outlook and Action Network');
  });
});

describe('in-page guard strings', () => {
  it('has French and English for every key, with the same placeholders', async () => {
    const { GUARD_STRINGS } = await import('../../lib/guard/strings');
    const { ORGANIZING_STRINGS } = await import('../../lib/organizing/strings');
    const { SEND_STRINGS } = await import('../../lib/webmail/send-strings');
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of [...Object.entries(GUARD_STRINGS), ...Object.entries(ORGANIZING_STRINGS), ...Object.entries(SEND_STRINGS)]) {
      expect(text.fr.trim(), `${key}.fr`).not.toBe('');
      expect(text.en.trim(), `${key}.en`).not.toBe('');
      expect(placeholders(text.fr), key).toEqual(placeholders(text.en));
    }
  });
});
