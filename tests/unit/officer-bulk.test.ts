import { describe, expect, it } from 'vitest';
import { issueBulk, previewBulk } from '../../lib/officer/bulk-service';
import { parseCsv } from '../../lib/officer/csv-parse';
import { listEntries } from '../../lib/officer/register-service';
import { listAudit } from '../../lib/officer/audit-service';
import { freshOfficer } from './officer-helpers';

const HEADER = 'name,email,role,section,platforms,expires,declaration_date,training_date';
const good = [
  'Léa Tremblay,lea@example.org,executive,70,action-network,2027-06-30,2026-01-31,2026-02-15',
  '"Côté, Marc",marc@example.org,cla,70,action-network action-builder,2027-06-30,2026-01-31,',
];

describe('bulk issue from a spreadsheet', () => {
  it('parses quoted cells, doubled quotes, line breaks in cells, CRLF, BOM and French semicolons', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","1\n2"\r\n\r\n').map((r) => r.cells)).toEqual([['a', 'b'], ['x, "y"', '1\n2']]);
    expect(parseCsv('a;b\n1,5;2').map((r) => r.cells)).toEqual([['a', 'b'], ['1,5', '2']]);
    expect(parseCsv('h\n"multi\nline"\nnext').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('one bad row refuses the whole file with a located error; fixed, every row is issued', async () => {
    const officer = await freshOfficer();
    const bad = [HEADER, ...good, 'Paul Roy,paul-at-example.org,tresorier,70,action-network,2027-06-30,,'].join('\n');
    const refused = await issueBulk(officer, bad);
    expect(refused.issued).toBe(0);
    expect(refused.preview.rows.map((r) => [r.line, r.problems])).toEqual([
      [2, []],
      [3, []],
      [4, ['column "email": expected an email address']],
    ]);
    expect(listEntries(officer)).toEqual([]);
    const fixed = bad.replace('paul-at-example.org,tresorier', 'paul@example.org,cla');
    const { issued } = await issueBulk(officer, fixed);
    expect(issued).toBe(3);
    expect(listEntries(officer).map((e) => e.holder.name)).toEqual(['Côté, Marc', 'Léa Tremblay', 'Paul Roy']);
    expect(listEntries(officer).find((e) => e.holder.name === 'Paul Roy')!.expiresAt).toBe('2027-06-30T23:59:59-05:00');
    expect(listAudit(officer).map((a) => a.action).slice(0, 4)).toEqual(['grants-bulk-issued', 'grant-issued', 'grant-issued', 'grant-issued']);
  });

  it('locates policy problems, missing columns, short rows and duplicates', async () => {
    const officer = await freshOfficer();
    const p = previewBulk(officer, [HEADER, good[0], good[0], 'X,x@example.org,tresorier,70,facebook,2027-06-30,,', 'Y,y@example.org'].join('\n'));
    expect(p.ok).toBe(false);
    expect(p.rows[1]!.problems).toEqual(['same person, role and section as line 2']);
    expect(p.rows[2]!.problems).toEqual(['column "role": "tresorier" is not one of executive, cla', 'column "platforms": unknown platform "facebook"']);
    expect(p.rows[3]!.problems[0]).toBe('has 2 cells, the header has 8');
    expect(previewBulk(officer, 'name,email\nA,a@example.org').fileProblems).toEqual([
      'line 1: column "role" is missing (columns: name, email, role, platforms, expires, section, section_name, clearance, task, task_ends, declaration_date, training_date)',
      'line 1: column "platforms" is missing (columns: name, email, role, platforms, expires, section, section_name, clearance, task, task_ends, declaration_date, training_date)',
      'line 1: column "expires" is missing (columns: name, email, role, platforms, expires, section, section_name, clearance, task, task_ends, declaration_date, training_date)',
    ]);
  });

  it('issues 500 grants in one go (time printed for the report, not asserted)', async () => {
    const officer = await freshOfficer();
    const rows = Array.from({ length: 500 }, (_, i) => `Personne ${i},p${i}@example.org,cla,${(i % 40) + 1},action-builder,2027-06-30,2026-01-31,2026-02-15`);
    const started = performance.now();
    const { issued } = await issueBulk(officer, [HEADER, ...rows].join('\n'));
    const ms = performance.now() - started;
    expect(issued).toBe(500);
    expect(listEntries(officer, { section: '7' })).toHaveLength(13);
    console.log(`bulk-issued 500 grants in ${Math.round(ms)} ms`);
  }, 120_000);
});
