import { describe, expect, it } from 'vitest';
import { decide } from '../../../lib/core/decide';
import { DEFAULT_POLICY } from '../../../lib/packs';
import { NOW, sampleGrant } from '../helpers';

describe('print of a member list', () => {
  it('a page below the copy threshold is not a member list: it prints freely', () => {
    const d = decide({ surface: 'print', platform: 'action-network', counts: { emails: 1, phones: 1, rows: 1 } }, DEFAULT_POLICY, sampleGrant(), NOW);
    expect(d.verdict).toBe('allow');
  });

  it('above it, ACEP warns and asks for a justification (7.5: protect it; 7.2 would need a written authorization, which a justification is not)', () => {
    const d = decide({ surface: 'print', platform: 'action-network', counts: { emails: 8, phones: 8, rows: 8 } }, DEFAULT_POLICY, sampleGrant(), NOW);
    expect(d).toMatchObject({ verdict: 'warn', clauses: ['7.5'], override: { allowed: true, justification: 'required' } });
  });

  it('without counts (a caller that cannot measure) the rule applies as before', () => {
    expect(decide({ surface: 'print', platform: 'action-network' }, DEFAULT_POLICY, sampleGrant(), NOW).verdict).toBe('warn');
  });
});
