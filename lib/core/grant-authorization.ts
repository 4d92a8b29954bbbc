import { canonicalJson } from './canonical-json';
import { describeIssues, InvalidDocumentError } from './errors';
import { ExportAuthorization, GrantSchema, type Grant } from './grant';
import { grantPolicyProblems } from './grant-check';
import type { Policy } from './policy';
import { signDocument, toToken, type KeyPairFile } from './signature';

export interface AuthorizedGrant {
  grant: Grant;
  /** The re-issued grant, signed: what the person imports or IT pushes. */
  token: string;
  /** The authorization as added (parsed). */
  authorization: ExportAuthorization;
}

/** A refusal, located: `reason` says what was wrong in words a console can show, `problems` where. */
export class AuthorizationRefused extends InvalidDocumentError {
  constructor(
    readonly reason: 'the export authorization is not valid' | 'the grant is not valid' | 'the grant does not fit the policy',
    problems: string[],
  ) {
    super(reason.includes('export') ? 'export authorization' : 'grant', problems);
    this.name = 'AuthorizationRefused';
  }
}

export interface AuthorizeOptions {
  /** The re-issued grant's id: the console keeps the register's id (one revocation ends every copy), the CLI makes a new one. */
  id: string;
  now: Date;
  policy: Policy;
  key: KeyPairFile;
}

/**
 * The answer to "Request an authorization", one service for the CLI (`vigie grant authorize`)
 * and the officer's console (`authorizeExport`): checks the written export authorization with its
 * schema, adds it to a grant (dropping the grant's expired authorizations and replacing one with
 * the same platform and reference, so re-authorizing extends rather than piles up), checks the
 * result against the grant schema and the policy, and signs it. The callers keep their own I/O:
 * reading the token and the key, or the register, its audit and its concurrency.
 * Refusals are `AuthorizationRefused` errors with located problems.
 */
export async function authorizeGrant(grant: Grant, authorization: unknown, options: AuthorizeOptions): Promise<AuthorizedGrant> {
  const next = withExportAuthorization(grant, authorization, options);
  const signed = await signDocument('grant', JSON.parse(canonicalJson(next.grant)), options.key);
  return { ...next, token: toToken(signed) };
}

/** The pure half of `authorizeGrant`: the re-issued grant, not yet signed. */
export function withExportAuthorization(grant: Grant, authorization: unknown, { id, now, policy }: Omit<AuthorizeOptions, 'key'>): { grant: Grant; authorization: ExportAuthorization } {
  const parsed = ExportAuthorization.safeParse(authorization);
  if (!parsed.success) throw new AuthorizationRefused('the export authorization is not valid', describeIssues(parsed.error));
  const added = parsed.data;
  if (Date.parse(added.expires) <= now.getTime()) throw new AuthorizationRefused('the export authorization is not valid', [`expires: ${added.expires} has passed`]);
  const kept = grant.exportAuthorizations.filter((a) => Date.parse(a.expires) > now.getTime() && !(a.platform === added.platform && a.reference === added.reference));
  const result = GrantSchema.safeParse({ ...grant, id, issuedAt: now.toISOString(), exportAuthorizations: [...kept, added] });
  if (!result.success) throw new AuthorizationRefused('the grant is not valid', describeIssues(result.error));
  const problems = grantPolicyProblems(result.data, policy);
  if (problems.length > 0) throw new AuthorizationRefused('the grant does not fit the policy', problems);
  return { grant: result.data, authorization: added };
}
