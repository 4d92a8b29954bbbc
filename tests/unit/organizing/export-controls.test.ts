import { describe, expect, it } from 'vitest';
import { isExportControl, isExportUrl, type ControlInfo } from '../../../lib/organizing/export-controls';

const control = (labels: string[], extra: Partial<ControlInfo> = {}): ControlInfo => ({ tag: 'a', labels, ...extra });

describe('export controls', () => {
  it.each([
    ['Download', 'AN report manage (EN)'],
    ['Télécharger', 'AN report manage (FR)'],
    ['Download Spreadsheet', 'AN group Emails tab'],
    ['Download all transactions', 'AN group Statistics tab'],
    ['Télécharger toutes les transactions', 'AN group Statistics tab (FR)'],
    ['Export', 'AB Wall Chart'],
    ['Exporter', 'AB Wall Chart (FR)'],
    ['CSV', 'AB Uploads re-download'],
    ['Export to CSV', 'generic'],
    ['Download full report', 'AN petition manage [G]'],
  ])('"%s" is an export control (%s)', (label) => {
    expect(isExportControl(control([label]))).toBe(true);
  });

  it.each([
    ['Send Test'],
    ['Reports'],
    ['Uploads'],
    ['Save this view'],
    ['Copy all emails'],
    ['Download the app'],
    ['Télécharger le gabarit'],
    ['Downloads'],
    ['Exportateurs'],
  ])('"%s" is not', (label) => {
    expect(isExportControl(control([label]))).toBe(false);
  });

  it('is recognised by where it leads, whatever its label', () => {
    expect(isExportControl(control(['⤓'], { href: 'https://actionnetwork.org/reports/x/download.csv' }))).toBe(true);
    expect(isExportControl(control(['Go'], { tag: 'button', href: 'https://x.actionbuilder.org/campaigns/1/exports' }))).toBe(true);
    expect(isExportControl(control(['Go'], { href: 'https://actionnetwork.org/people?format=csv' }))).toBe(true);
    expect(isExportControl(control(['Membres'], { href: 'https://actionnetwork.org/reports/membres-2026/manage' }))).toBe(false);
  });

  it('a link with a download attribute always is (blob: and data: included)', () => {
    expect(isExportControl(control(['☆'], { href: 'blob:https://actionnetwork.org/1b2c', download: true }))).toBe(true);
    expect(isExportControl(control(['☆'], { href: 'blob:https://actionnetwork.org/1b2c' }))).toBe(false);
  });

  it('reads spreadsheet URLs, export paths and export queries', () => {
    expect(isExportUrl('/groups/x/email_statistics.csv')).toBe(true);
    expect(isExportUrl('/uploads/4512/download')).toBe(true);
    expect(isExportUrl('/admin/uploads/3/csv')).toBe(true);
    expect(isExportUrl('/x.xlsx?token=1')).toBe(true);
    expect(isExportUrl('/people/downloads-help')).toBe(false);
    expect(isExportUrl('data:text/csv,a,b')).toBe(false);
  });
});
