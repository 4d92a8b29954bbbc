import { z } from 'zod';
import { Text } from './text';
import { describeIssues, InvalidDocumentError } from './errors';

/** What a person can do with member data that Vigie can see in a browser. */
/**
 * What a person can do with an organisation's data that Vigie can see in a browser: take it out
 * (download, export-click, copy, print), send a message (send), open it to anyone (share: a public
 * link), or speak for the organisation (publish from an official account).
 */
export const Surface = z.enum(['download', 'export-click', 'copy', 'print', 'send', 'share', 'publish']);
export type Surface = z.infer<typeof Surface>;

export { EXPORT_SURFACES } from './surfaces';

export const Verdict = z.enum(['audit', 'warn', 'block']);
export type Verdict = z.infer<typeof Verdict>;

/** The email findings the send check can produce (see lib/core/email). */
export const FindingId = z.enum([
  'notice-missing',
  'notice-altered',
  'notice-only-in-quote',
  'local-id-missing',
  'campaign-term',
]);
export type FindingId = z.infer<typeof FindingId>;

const ClauseRef = z.string().regex(/^[0-9A-Z]+(\.[0-9a-z]+)*$/, 'expected a clause number such as "7.2", "8.1.c" or "A"');
const Email = z.string().email('expected an email address');
/** `example.org` or `*.example.org`: a host, optionally every subdomain of it. */
const HostPattern = z
  .string()
  .regex(/^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/, 'expected a host such as "example.org" or "*.example.org"');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const IsoDateTime = z.string().datetime({ offset: true, message: 'expected an ISO 8601 date-time' });
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id (letters, digits, dashes)');

export const Clause = z.object({ title: Text, summary: Text.optional() });

export const Role = z.object({
  id: Id,
  name: Text,
  /** Clauses that define the role or its duties (e.g. the solemn declaration it signs). */
  clauses: z.array(ClauseRef).default([]),
  /** The classification level a holder of this role is cleared for, unless the grant says otherwise. */
  clearance: Id.optional(),
  /** What the role may reach, in the policy's words, shown on the scope card. */
  access: Text.optional(),
});
export type Role = z.infer<typeof Role>;

/** A classification level; the policy lists them from least to most sensitive. */
export const ClassificationLevel = z.object({ id: Id, name: Text });

export const Platform = z.object({
  id: Id,
  name: Text,
  kind: z.enum(['organizing', 'webmail', 'data-bank', 'social', 'creation', 'meetings', 'other']),
  hosts: z.array(HostPattern).min(1, 'a platform needs at least one host'),
  /** What Vigie guards there; empty for a platform only listed in the inventory (no browser surface). */
  surfaces: z.array(Surface).default([]),
  /** Names of the email templates ("wrappers") the organisation approved on this platform. */
  approvedTemplates: z.array(z.string().min(1)).default([]),
  /** The most sensitive classification level of the data the platform holds. */
  classification: Id.optional(),
  /** Accounts on this platform that speak for the organisation (handles or page names). */
  officialAccounts: z.array(z.string().min(1)).default([]),
  /**
   * Webmail: what to do when the page does not say which account a message is sent from.
   * `ask` (the default) asks at the first send and remembers the answer for that mailbox;
   * `assume-local` checks it as a local-section account; `ignore` leaves it unchecked.
   */
  unknownSender: z.enum(['ask', 'assume-local', 'ignore']).optional(),
});
export type Platform = z.infer<typeof Platform>;
export type UnknownSenderMode = NonNullable<Platform['unknownSender']>;

export const Override = z.discriminatedUnion('allowed', [
  z.object({ allowed: z.literal(false) }),
  /** `none`: a confirmation step (for instance a reminder of the publication procedure). */
  z.object({ allowed: z.literal(true), justification: z.enum(['required', 'optional', 'none']) }),
]);
export type Override = z.infer<typeof Override>;

/**
 * One rule: on these surfaces (and platforms, roles, clearance, and for send checks this finding),
 * this verdict. The most specific matching rule wins: each condition a rule sets makes it more
 * specific; among equals, the first in the file.
 */
export const Rule = z.object({
  id: Id,
  surfaces: z.array(Surface).min(1),
  platforms: z.array(Id).optional(),
  /** Applies only to holders of these roles. */
  roles: z.array(Id).optional(),
  /** Applies only to holders cleared below this classification level (or with no clearance). */
  belowClearance: Id.optional(),
  finding: FindingId.optional(),
  verdict: Verdict,
  override: Override,
  clauses: z.array(ClauseRef).min(1, 'every rule cites at least one clause'),
  message: Text,
});
export type Rule = z.infer<typeof Rule>;

export const PolicySchema = z
  .object({
    schema: z.literal('vigie.policy/1', { message: 'expected "vigie.policy/1"' }),
    id: Id,
    /** Monotonic: a policy whose version is lower than the one held is a rollback and is refused. */
    version: z.number().int().positive(),
    issuedAt: IsoDateTime,
    effectiveDate: IsoDate,
    title: Text,
    organisation: z.object({ id: Id, name: Text, shortName: Text }),
    contacts: z.object({
      /** `inSentence`: the title as it reads after "contact" (with its article: "la personne responsable…"). */
      privacyOfficer: z.object({ title: Text, inSentence: Text.optional(), email: Email }),
      nationalOffice: z.object({ name: Text, email: Email }),
      incidentReporting: z.object({ email: Email, clause: ClauseRef }),
    }),
    clauses: z.record(ClauseRef, Clause),
    /** Email rules (notice, local identification); absent for an organisation without them. */
    notice: z.object({
      clause: ClauseRef,
      heading: Text,
      /** The official text is French; the English version is kept alongside. */
      official: z.literal('fr'),
      text: Text,
      /** Language of the signature block Vigie inserts. */
      signatureLanguage: z.enum(['fr', 'en', 'bilingual']),
    }).optional(),
    localIdentification: z.object({
      clause: ClauseRef,
      /** Phrases naming the local section; `{number}` stands for its number. */
      patterns: z.array(z.string().includes('{number}', { message: 'a pattern must contain {number}' })).min(1),
      /** How much of the new content counts as "the start" of the message. */
      openingChars: z.number().int().min(50).max(2000).default(300),
    }).optional(),
    /** Glob patterns (`*` wildcard) of sending addresses that are local-section accounts. */
    accountPatterns: z.array(z.string().includes('@')).default([]),
    roles: z.array(Role).min(1),
    classification: z.object({ levels: z.array(ClassificationLevel).min(2) }).optional(),
    platforms: z.array(Platform).min(1),
    rules: z.array(Rule).min(1),
    /** Above these counts, a copy, a clipboard write or a printed page is member data, not one address. */
    copyThreshold: z.object({ emails: z.number().int().min(1), phones: z.number().int().min(1), rows: z.number().int().min(1) }),
    campaignLexicon: z.object({ clause: ClauseRef, terms: z.array(z.string().min(2)).min(1) }).optional(),
    /** Who authorizes an exception to these clauses, and through whom the request goes (dialogs' "Request an authorization"). */
    authorizations: z.array(z.object({ clauses: z.array(ClauseRef).min(1), authority: Text, email: Email })).default([]),
    /** Reasons offered when going ahead anyway (plus "Vigie is wrong here"), for these surfaces or all. */
    overrideReasons: z.array(z.object({ id: Id, text: Text, surfaces: z.array(Surface).optional() })).default([]),
    /** `title`: the policy's sections have no numbers of their own, so Vigie cites them by title. */
    citations: z.enum(['number', 'title']).default('number'),
    /** Clauses Vigie cannot check, shown as reminders rather than fake checks. */
    reminders: z.array(z.object({ clause: ClauseRef, text: Text })).default([]),
    /** Clause that an invalid (missing, expired, revoked) access grant rests on. */
    accessClauses: z.array(ClauseRef).min(1),
    revokedGrants: z.array(z.string()).default([]),
    log: z.object({ retentionDays: z.number().int().min(1).max(3650) }),
    sync: z.object({ refreshMinutes: z.number().int().min(5).max(7 * 24 * 60) }),
    /** `audit`: every block is only recorded, to try a policy on a few locals before enforcing it. */
    rollout: z.enum(['enforce', 'audit']),
  })
  .superRefine((policy, ctx) => {
    const platformIds = new Set(policy.platforms.map((p) => p.id));
    const clauseIds = new Set(Object.keys(policy.clauses));
    policy.rules.forEach((rule, i) => {
      rule.platforms?.forEach((id, j) => {
        if (!platformIds.has(id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'platforms', j], message: `unknown platform "${id}"` });
      });
      rule.clauses.forEach((c, j) => {
        if (!clauseIds.has(c)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'clauses', j], message: `clause "${c}" is not in clauses` });
      });
    });
    const roleIds = new Set(policy.roles.map((r) => r.id));
    const levelIds = new Set(policy.classification?.levels.map((l) => l.id) ?? []);
    const checkLevel = (id: string | undefined, path: PropertyKey[]) => {
      if (id !== undefined && !levelIds.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown classification level "${id}"` });
    };
    policy.roles.forEach((role, i) => checkLevel(role.clearance, ['roles', i, 'clearance']));
    policy.platforms.forEach((platform, i) => checkLevel(platform.classification, ['platforms', i, 'classification']));
    policy.rules.forEach((rule, i) => {
      checkLevel(rule.belowClearance, ['rules', i, 'belowClearance']);
      rule.roles?.forEach((id, j) => {
        if (!roleIds.has(id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'roles', j], message: `unknown role "${id}"` });
      });
    });
    const ruleIds = policy.rules.map((r) => r.id);
    ruleIds.forEach((id, i) => {
      if (ruleIds.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${id}"` });
    });
  });
export type Policy = z.infer<typeof PolicySchema>;

/** A policy that says what an email must carry (the notice and how the sender identifies itself). */
export type EmailPolicy = Policy & Required<Pick<Policy, 'notice' | 'localIdentification'>>;

export { hasEmailRules } from './email-rules';

/** Parses a policy document, throwing InvalidDocumentError with located problems. */
export function parsePolicy(input: unknown): Policy {
  const result = PolicySchema.safeParse(input);
  if (!result.success) throw new InvalidDocumentError('policy', describeIssues(result.error));
  return result.data;
}

/** The platform of a policy that guards this host, if any. */
export function platformForHost(policy: Policy, host: string): Platform | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return policy.platforms.find((p) => p.hosts.some((pattern) => hostMatches(pattern, h)));
}

export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === pattern;
}
