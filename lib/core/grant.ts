import { z } from 'zod';
import { Text } from './text';
import { describeIssues, InvalidDocumentError } from './errors';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const IsoDateTime = z.string().datetime({ offset: true, message: 'expected an ISO 8601 date-time' });
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id (letters, digits, dashes)');

/** A written export authorization from the national office, carried in the grant. */
export const ExportAuthorization = z.object({
  platform: Id,
  purpose: z.string().min(3, 'say what the export is for'),
  /** Reference of the written authorization (letter, ticket, resolution number). */
  reference: z.string().min(1),
  expires: IsoDateTime,
});
export type ExportAuthorization = z.infer<typeof ExportAuthorization>;

/** The access grant a privacy officer issues to one person. */
export const GrantSchema = z.object({
  schema: z.literal('vigie.grant/1', { message: 'expected "vigie.grant/1"' }),
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{3,80}$/, 'expected a grant id (4–80 letters, digits, . _ -)'),
  organisation: Id,
  holder: z.object({ name: z.string().min(1), email: z.string().email('expected an email address') }),
  /** The local section (or other unit) the access is for; absent for organisation-wide roles. */
  section: z
    .object({
      number: z.string().regex(/^[0-9A-Za-z-]{1,12}$/, 'expected a section number such as "70"'),
      name: Text,
      accounts: z.array(z.string().email('expected an email address')).default([]),
    })
    .optional(),
  /** A role id from the organisation's policy (executive, cla, president, …). */
  role: Id,
  /** Platform ids from the policy; `*` for every platform the policy lists (e.g. a president's access). */
  platforms: z.array(z.union([Id, z.literal('*')])).min(1, 'a grant opens at least one platform'),
  /** Classification level the holder is cleared for; the role's default when absent. */
  clearance: Id.optional(),
  /** The task the access serves: the access ends with it, whatever `expiresAt` says. */
  task: z.object({ description: z.string().min(3, 'say what the task is'), endsAt: IsoDateTime }).optional(),
  confidentialityAgreementDate: IsoDate.optional(),
  declarationDate: IsoDate.optional(),
  trainingDate: IsoDate.optional(),
  mfaResponsible: z.boolean().default(false),
  exportAuthorizations: z.array(ExportAuthorization).default([]),
  issuedAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export type Grant = z.infer<typeof GrantSchema>;

export function parseGrant(input: unknown): Grant {
  const result = GrantSchema.safeParse(input);
  if (!result.success) throw new InvalidDocumentError('grant', describeIssues(result.error));
  return result.data;
}

export { activeAuthorization, grantStatus, type GrantStatus } from './grant-status';
