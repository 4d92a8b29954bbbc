import { describe, expect, it } from 'vitest';
import { countMemberData, exceedsThreshold, tableRows } from '../../../lib/core/member-counts';
import { DEFAULT_POLICY } from '../../../lib/packs';

const TABLE = [
  'Name\tEmail\tPhone\tCity',
  'Marie Tremblay\tmarie.tremblay@example.org\t613-555-0101\tOttawa',
  'Jean-François Côté\tjf.cote@example.org\t819-555-0102\tGatineau',
  'Amina Haddad\tamina.haddad@example.org\t613-555-0103\tOttawa',
  'Wei Li\twei.li@example.org\t613-555-0104\tNepean',
].join('\n');

describe('countMemberData', () => {
  it('one address is one address, not an export', () => {
    const counts = countMemberData('marie.tremblay@example.org');
    expect(counts).toEqual({ emails: 1, phones: 0, rows: 0 });
    expect(exceedsThreshold(counts, DEFAULT_POLICY.copyThreshold)).toBe(false);
  });

  it('a copied table: addresses, numbers and rows (the header line is not a row)', () => {
    const counts = countMemberData(TABLE);
    expect(counts).toEqual({ emails: 4, phones: 4, rows: 4 });
    expect(exceedsThreshold(counts, DEFAULT_POLICY.copyThreshold)).toBe(true);
  });

  it('counts an address or a number written twice once', () => {
    expect(countMemberData('a@x.org, A@X.org, (613) 555-0101, 613.555.0101, +1 613 555 0101')).toMatchObject({ emails: 1, phones: 1 });
  });

  it('a list of names alone (no address, no number) still counts its rows', () => {
    const names = ['Nom\tVille', ...Array.from({ length: 7 }, (_, i) => `Personne ${i}\tOttawa`)].join('\n');
    expect(countMemberData(names).rows).toBe(7);
  });
});

describe('tableRows', () => {
  it('reads CSV lines that share their width', () => {
    expect(tableRows('first_name,last_name,email\nMarie,Tremblay,m@x.org\nWei,Li,w@x.org\n')).toBe(2);
  });

  it('prose with commas is not a table', () => {
    expect(tableRows('Bonjour Marie, merci pour hier, à bientôt.\nCamille')).toBe(0);
  });

  it('one tab-separated line is not a table', () => {
    expect(tableRows('Marie\tTremblay')).toBe(0);
  });
});
