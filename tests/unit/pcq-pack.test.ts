import { describe, expect, it } from 'vitest';
import { decide } from '../../lib/core/decide';
import type { Grant } from '../../lib/core/grant';
import { grantStatus } from '../../lib/core/grant-status';
import { hasEmailRules } from '../../lib/core/policy';
import { PCQ_POLICY as policy } from '../../lib/packs';
import { NOW } from './helpers';

function grant(role: string, extra: Partial<Grant> = {}): Grant {
  return {
    schema: 'vigie.grant/1',
    id: `g-pcq-${role}`,
    organisation: 'pcq',
    holder: { name: 'Jeanne Tremblay', email: 'jeanne@example.org' },
    role,
    platforms: ['nationbuilder', 'nextcloud', 'facebook'],
    mfaResponsible: false,
    exportAuthorizations: [],
    issuedAt: '2026-09-01T00:00:00Z',
    expiresAt: '2027-09-01T00:00:00Z',
    ...extra,
  };
}

describe('the party pack', () => {
  it('parses, with its inventory, roles and classification levels, and no email rules', () => {
    expect(policy.organisation.id).toBe('pcq');
    expect(hasEmailRules(policy)).toBe(false);
    expect(policy.classification?.levels.map((l) => l.id)).toEqual(['public', 'restricted', 'confidential', 'very-confidential']);
    expect(policy.roles.map((r) => r.id)).toEqual(['president', 'chef', 'communications-commission', 'ben-member', 'party-member']);
    const kinds = Object.fromEntries(policy.platforms.map((p) => [p.id, p.kind]));
    expect(kinds).toMatchObject({ instagram: 'social', youtube: 'social', facebook: 'social', x: 'social', nextcloud: 'data-bank', aws: 'data-bank', godaddy: 'data-bank', nationbuilder: 'data-bank', flickr: 'data-bank', vimeo: 'creation', gotomeeting: 'meetings', mailgun: 'other', plotly: 'other', imgur: 'other', diaspora: 'other' });
  });

  it.each([
    ['party-member', 'block', 'data-bank-export-below-confidential'],
    ['ben-member', 'warn', 'data-bank-export'],
    ['communications-commission', 'warn', 'data-bank-export'],
    ['president', 'audit', 'data-bank-export-leaders'],
    ['chef', 'audit', 'data-bank-export-leaders'],
  ])('a NationBuilder export by a %s: %s', (role, verdict, ruleId) => {
    const d = decide({ surface: 'export-click', platform: 'nationbuilder' }, policy, grant(role), NOW);
    expect(d.verdict).toBe(verdict);
    expect(d.reasons[0]?.ruleId).toBe(ruleId);
  });

  it('lets a grant raise a member’s clearance above the role’s default', () => {
    const cleared = grant('party-member', { clearance: 'confidential' });
    expect(decide({ surface: 'download', platform: 'nextcloud' }, policy, cleared, NOW).verdict).toBe('warn');
  });

  it('blocks a public link for someone below confidential, asks a justification otherwise', () => {
    expect(decide({ surface: 'share', platform: 'nextcloud' }, policy, grant('party-member'), NOW).verdict).toBe('block');
    const d = decide({ surface: 'share', platform: 'nextcloud' }, policy, grant('ben-member'), NOW);
    expect(d).toMatchObject({ verdict: 'warn', override: { allowed: true, justification: 'required' } });
    expect(d.clauses).toEqual(['4.2', '5.2']);
  });

  it('asks for a confirmation before publishing from an official account, citing 5.1', () => {
    const d = decide({ surface: 'publish', platform: 'facebook' }, policy, grant('ben-member'), NOW);
    expect(d).toMatchObject({ verdict: 'warn', override: { allowed: true, justification: 'none' }, clauses: ['5.1'] });
    expect(d.reasons[0]?.message.fr).toMatch(/procédure de publication/);
  });

  it('ends the access with the task, whatever the grant’s expiry says', () => {
    const tasked = grant('party-member', { task: { description: 'Porte-à-porte, comté de Beauce', endsAt: '2026-11-01T00:00:00Z' } });
    expect(grantStatus(tasked, [], NOW)).toBe('expired');
    expect(decide({ surface: 'download', platform: 'nationbuilder' }, policy, tasked, NOW).reasons[0]?.ruleId).toBe('grant-expired');
  });

  it('opens every platform to a grant for "*" (the President’s)', () => {
    const all = grant('president', { platforms: ['*'] });
    expect(decide({ surface: 'download', platform: 'aws' }, policy, all, NOW).verdict).toBe('audit');
  });

  it('blocks a platform the grant does not open', () => {
    expect(decide({ surface: 'download', platform: 'aws' }, policy, grant('ben-member'), NOW).reasons[0]?.ruleId).toBe('platform-not-granted');
  });
});
