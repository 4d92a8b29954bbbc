import { describe, expect, it } from 'vitest';
import acep from '../../lib/packs/acep/policy.json';
import { hasEmailRules, parsePolicy, platformForHost } from '../../lib/core/policy';
import { InvalidDocumentError } from '../../lib/core/errors';

describe('ACEP policy pack', () => {
  const policy = parsePolicy(acep);
  if (!hasEmailRules(policy)) throw new Error("the ACEP pack has email rules");

  it('parses and cites the seed clauses', () => {
    expect(policy.organisation.shortName).toEqual({ fr: 'ACEP', en: 'CAPE' });
    expect(Object.keys(policy.clauses)).toEqual(expect.arrayContaining(['7.2', '8.1.c', '9.1', '9.2', '7.7']));
    expect(policy.notice.text.fr).toMatch(/^Veillez ne pas envoyer de renseignements personnels/);
    expect(policy.notice.text.fr).toMatch(/representation@acep-cape\.ca\.$/);
  });

  it('maps hosts to platforms, subdomains included', () => {
    expect(platformForHost(policy, 'admin.actionnetwork.org')?.id).toBe('action-network');
    expect(platformForHost(policy, 'actionnetwork.org')?.id).toBe('action-network');
    expect(platformForHost(policy, 'acep.actionbuilder.org')?.id).toBe('action-builder');
    expect(platformForHost(policy, 'mail.google.com')?.id).toBe('gmail');
    expect(platformForHost(policy, 'evilactionnetwork.org')).toBeUndefined();
  });
});

describe('policy validation errors', () => {
  it('names the field and the reason', () => {
    const bad = structuredClone(acep) as Record<string, unknown>;
    (bad.platforms as Array<Record<string, unknown>>)[1]!.hosts = ['not a host'];
    (bad.rules as Array<Record<string, unknown>>)[0]!.clauses = ['99.9'];
    try {
      parsePolicy(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDocumentError);
      const problems = (error as InvalidDocumentError).problems;
      expect(problems).toContain('platforms[1].hosts[0]: expected a host such as "example.org" or "*.example.org"');
      expect(problems).toContain('rules[0].clauses[0]: clause "99.9" is not in clauses');
    }
  });
});
