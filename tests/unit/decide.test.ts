import { describe, expect, it } from 'vitest';
import { decide } from '../../lib/core/decide';
import type { Policy } from '../../lib/core/policy';
import { DEFAULT_POLICY } from '../../lib/packs';
import { NOW, sampleGrant } from './helpers';

const policy = DEFAULT_POLICY;
const grant = sampleGrant();
const anDownload = { surface: 'download', platform: 'action-network' } as const;

describe('exports', () => {
  it('blocks a download without authorization and cites 7.2 and 8.1.c', () => {
    const d = decide(anDownload, policy, grant, NOW);
    expect(d.verdict).toBe('block');
    expect(d.clauses).toEqual(['7.2', '8.1.c']);
    expect(d.override).toEqual({ allowed: false, justification: 'none' });
    expect(d.reasons[0]?.message.fr).toMatch(/autorisation écrite/);
    expect(d.reasons[0]?.message.en).toMatch(/written authorization/);
  });

  it('allows it under an export authorization in force, and says which', () => {
    const authorization = { platform: 'action-network', purpose: 'Liste de la convocation AGA', reference: 'BN-2026-114', expires: '2026-12-31T23:59:59Z' };
    const d = decide(anDownload, policy, sampleGrant({ exportAuthorizations: [authorization] }), NOW);
    expect(d.verdict).toBe('allow');
    expect(d.authorization?.reference).toBe('BN-2026-114');
  });

  it('blocks again once the authorization has expired', () => {
    const authorization = { platform: 'action-network', purpose: 'AGA', reference: 'BN-1', expires: '2026-11-01T00:00:00Z' };
    expect(decide(anDownload, policy, sampleGrant({ exportAuthorizations: [authorization] }), NOW).verdict).toBe('block');
  });

  it('does not let an authorization for one platform open another', () => {
    const authorization = { platform: 'action-builder', purpose: 'AGA', reference: 'BN-1', expires: '2027-01-01T00:00:00Z' };
    expect(decide(anDownload, policy, sampleGrant({ exportAuthorizations: [authorization] }), NOW).verdict).toBe('block');
  });

  it.each([
    ['missing', undefined, policy],
    ['expired', sampleGrant({ expiresAt: '2026-11-01T00:00:00Z' }), policy],
    ['revoked', grant, { ...policy, revokedGrants: [grant.id] }],
  ] as const)('blocks every export with a %s grant, even with an authorization, citing access clauses', (status, g, p) => {
    const withAuth = g && { ...g, exportAuthorizations: [{ platform: 'action-network', purpose: 'AGA', reference: 'BN-1', expires: '2027-01-01T00:00:00Z' }] };
    for (const surface of ['download', 'export-click', 'copy', 'print'] as const) {
      const d = decide({ surface, platform: 'action-network', counts: { emails: 50, phones: 0, rows: 50 } }, p as Policy, withAuth, NOW);
      expect(d.verdict).toBe('block');
      expect(d.grantStatus).toBe(status);
      expect(d.clauses).toEqual(expect.arrayContaining(['6.1', '6.3', '6.4']));
      expect(d.override.allowed).toBe(false);
      expect(d.reasons[0]?.message.en).toContain(policy.contacts.privacyOfficer.email);
    }
  });

  it('blocks an export from a platform the grant does not cover', () => {
    const real = decide(anDownload, policy, sampleGrant({ platforms: ['gmail'] }), NOW);
    expect(real.verdict).toBe('block');
    expect(real.reasons[0]?.ruleId).toBe('platform-not-granted');
    expect(real.reasons[0]?.message.fr).toContain('Action Network');
  });

  it('lets a warn rule through only with the justification the policy asks for', () => {
    const d = decide({ surface: 'print', platform: 'action-builder' }, policy, grant, NOW);
    expect(d.verdict).toBe('warn');
    expect(d.override).toEqual({ allowed: true, justification: 'required' });
  });

  it('treats copying one address as no export, and a member list as one', () => {
    const one = decide({ surface: 'copy', platform: 'action-network', counts: { emails: 1, phones: 0, rows: 1 } }, policy, grant, NOW);
    expect(one.verdict).toBe('allow');
    const list = decide({ surface: 'copy', platform: 'action-network', counts: { emails: 12, phones: 0, rows: 12 } }, policy, grant, NOW);
    expect(list.verdict).toBe('block');
    expect(list.clauses).toEqual(['7.2']);
  });

  it('leaves unguarded platforms and surfaces alone', () => {
    expect(decide({ surface: 'download', platform: 'gmail' }, policy, undefined, NOW).verdict).toBe('allow');
    expect(decide({ surface: 'download', platform: 'unknown' }, policy, undefined, NOW).verdict).toBe('allow');
  });

  it('only audits blocks in rollout mode, remembering what it would have done', () => {
    const trial = { ...policy, rollout: 'audit' } as Policy;
    const d = decide(anDownload, trial, undefined, NOW);
    expect(d.verdict).toBe('audit');
    expect(d.wouldBe).toBe('block');
    expect(decide({ surface: 'print', platform: 'action-builder' }, trial, grant, NOW).verdict).toBe('warn');
  });

  it('prefers a platform-specific rule to a general one', () => {
    const specific: Policy = {
      ...policy,
      rules: [
        ...policy.rules,
        { id: 'ab-export-warn', surfaces: ['download'], platforms: ['action-builder'], verdict: 'warn', override: { allowed: true, justification: 'required' }, clauses: ['7.2'], message: { fr: 'x', en: 'x' } },
      ],
    };
    expect(decide({ surface: 'download', platform: 'action-builder' }, specific, grant, NOW).verdict).toBe('warn');
    expect(decide(anDownload, specific, grant, NOW).verdict).toBe('block');
  });
});

describe('sends', () => {
  const send = (findings: Array<'notice-missing' | 'local-id-missing' | 'campaign-term'>) =>
    decide({ surface: 'send', platform: 'gmail', findings }, policy, grant, NOW);

  it('allows a compliant send', () => {
    expect(send([]).verdict).toBe('allow');
  });

  it('blocks a missing notice with no override, citing 9.2', () => {
    const d = send(['notice-missing']);
    expect(d.verdict).toBe('block');
    expect(d.clauses).toEqual(['9.2']);
    expect(d.override.allowed).toBe(false);
  });

  it('warns on a missing local identification and requires a justification to send anyway', () => {
    const d = send(['local-id-missing']);
    expect(d.verdict).toBe('warn');
    expect(d.override).toEqual({ allowed: true, justification: 'required' });
  });

  it('never blocks on campaign terms alone, and the justification is optional', () => {
    const d = send(['campaign-term']);
    expect(d.verdict).toBe('warn');
    expect(d.override).toEqual({ allowed: true, justification: 'optional' });
  });

  it('takes the strongest verdict and keeps every reason and clause', () => {
    const d = send(['local-id-missing', 'notice-missing', 'campaign-term']);
    expect(d.verdict).toBe('block');
    expect(d.reasons.map((r) => r.ruleId)).toEqual(['local-id-missing', 'notice-missing', 'campaign-term']);
    expect(d.clauses).toEqual(['9.1', '9.2', '8.1.e']);
    expect(d.override.allowed).toBe(false);
  });

  it('does not need a grant to judge a send', () => {
    expect(decide({ surface: 'send', platform: 'outlook', findings: ['local-id-missing'] }, policy, undefined, NOW).verdict).toBe('warn');
  });
});
