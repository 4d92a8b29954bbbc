import { randomUUID } from 'node:crypto';
import type { Grant } from '../core/grant';
import { AuthorizationRefused, authorizeGrant, type AuthorizedGrant } from '../core/grant-authorization';
import { verifyGrant } from '../core/signature';
import { DEFAULT_POLICY } from '../packs';
import { readKeyPair, readPolicyFile, readText, readTrust, UsageError, writeOut } from './io';
import { args, type Io } from './main';
import { refused } from './policy-commands';

const USAGE = 'usage: vigie grant authorize TOKEN --key KEY.json --platform ID --purpose TEXT --reference REF --until YYYY-MM-DD [--trust PUB.json] [--policy POLICY.json] [--out TOKEN.txt]';

/**
 * The answer to "Request an authorization": re-issues a person's grant with a written export
 * authorization for one platform, purpose and reference, until a date. The grant is verified
 * first (with --trust, else with the signing key itself), so only a genuine grant is re-issued;
 * the new one has its own id, and the person imports it (or IT pushes it). The re-issuing itself
 * is `authorizeGrant` (lib/core/grant-authorization.ts), shared with the officer's console
 * (`authorizeExport`); this command reads its arguments and files and writes the token.
 */
export async function authorize(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, {
    key: { type: 'string' },
    platform: { type: 'string' },
    purpose: { type: 'string' },
    reference: { type: 'string' },
    until: { type: 'string' },
    trust: { type: 'string', multiple: true },
    policy: { type: 'string' },
    out: { type: 'string' },
  });
  const [tokenOrFile] = positionals;
  const { key: keyFile, platform, purpose, reference, until } = values as Record<string, string | undefined>;
  if (!tokenOrFile || !keyFile || !platform || !purpose || !reference || !until) throw new UsageError(USAGE);
  const token = tokenOrFile.trim().startsWith('vigie1.') || tokenOrFile.trim().startsWith('{') ? tokenOrFile : await readText(tokenOrFile);
  const policy = values.policy ? await readPolicyFile(values.policy as string) : DEFAULT_POLICY;
  if (!policy.platforms.some((p) => p.id === platform)) throw new UsageError(`--platform: "${platform}" is not one of ${policy.platforms.map((p) => p.id).join(', ')}`);
  const expires = /^\d{4}-\d{2}-\d{2}$/.test(until) ? `${until}T23:59:59Z` : until;
  if (Number.isNaN(Date.parse(expires))) throw new UsageError('--until: expected a date as YYYY-MM-DD or an ISO 8601 date-time');
  const now = new Date();
  if (Date.parse(expires) <= now.getTime()) throw new UsageError('--until: the date has passed');

  let grant: Grant;
  try {
    const trust = await readTrust((values.trust as string[] | undefined) ?? [keyFile]);
    grant = (await verifyGrant(token, trust, policy, now)).grant;
  } catch (error) {
    return refused(error, io);
  }
  const key = await readKeyPair(keyFile);
  let issued: AuthorizedGrant;
  try {
    issued = await authorizeGrant(grant, { platform, purpose, reference, expires }, { id: `g-${randomUUID()}`, now, policy, key });
  } catch (error) {
    if (error instanceof AuthorizationRefused) throw new UsageError(`${error.reason}: ${error.problems.join('; ')}`);
    throw error;
  }
  await writeOut(values.out as string | undefined, `${issued.token}\n`, io.stdout);
  const late = Date.parse(expires) > Date.parse(grant.expiresAt) ? ` (note: the grant itself expires ${grant.expiresAt}, and the authorization with it)` : '';
  io.stderr(`vigie: grant ${issued.grant.id} re-issued to ${grant.holder.name} with authorization ${reference} on ${platform} until ${expires}${late}; the earlier grant ${grant.id} stays valid until it expires unless revoked\n`);
  return 0;
}
