import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json';
import { GrantSchema, grantStatus, type Grant } from '../core/grant';
import { describeIssues } from '../core/errors';
import { DEFAULT_POLICY } from '../packs';
import { readEnvelope, signDocument, SignatureRefusal, toToken, verifyGrant } from '../core/signature';
import type { Policy } from '../core/policy';
import { args, type Io } from './main';
import { readJson, readKeyPair, readPolicyFile, readText, readTrust, UsageError, writeOut } from './io';
import { refused } from './policy-commands';
import { recordIssued } from './register';
import { authorize } from './grant-authorize';

/** A draft to fill in, shaped by the organisation's policy: its id, its first role, its platforms. */
function template(policy: Policy): Record<string, unknown> {
  const sectioned = policy.localIdentification !== undefined;
  return {
    schema: 'vigie.grant/1',
    organisation: policy.organisation.id,
    holder: { name: 'Prénom Nom', email: 'personne@example.org' },
    ...(sectioned ? { section: { number: '0', name: { fr: 'Nom de la section', en: 'Name of the section' }, accounts: [] } } : {}),
    role: policy.roles[0]?.id,
    platforms: policy.platforms.filter((p) => p.surfaces.length > 0).map((p) => p.id),
    ...(policy.classification ? { clearance: policy.roles[0]?.clearance ?? policy.classification.levels[0]?.id } : {}),
    ...(sectioned ? {} : { task: { description: 'La tâche que cet accès sert', endsAt: '2027-06-30T23:59:59-04:00' }, confidentialityAgreementDate: '2026-01-31' }),
    declarationDate: '2026-01-31',
    trainingDate: '2026-02-15',
    mfaResponsible: false,
    exportAuthorizations: [],
    expiresAt: '2027-06-30T23:59:59-04:00',
  };
}

export async function grantCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'template': {
      const { values } = args(rest, { policy: { type: 'string' } });
      const policy = values.policy ? await readPolicyFile(values.policy as string) : DEFAULT_POLICY;
      io.stdout(`${JSON.stringify(template(policy), null, 2)}\n`);
      return 0;
    }
    case 'issue':
      return issue(rest, io);
    case 'verify':
      return verify(rest, io);
    case 'show':
      return show(rest, io);
    case 'authorize':
      return authorize(rest, io);
    default:
      throw new UsageError('usage: vigie grant template|issue|verify|show|authorize …');
  }
}

async function issue(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { key: { type: 'string' }, policy: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, register: { type: 'string' } });
  const [file] = positionals;
  if (!file || !values.key) throw new UsageError('usage: vigie grant issue DRAFT.json --key KEY.json [--policy POLICY.json]');
  const draft = (await readJson(file)) as Record<string, unknown>;
  const payload = { id: `g-${randomUUID()}`, issuedAt: new Date().toISOString(), ...draft };
  const parsed = GrantSchema.safeParse(payload);
  if (!parsed.success) throw new UsageError(`${file}: ${describeIssues(parsed.error).join('; ')}`);
  const policy = values.policy ? await readPolicyFile(values.policy as string) : DEFAULT_POLICY;
  checkAgainstPolicy(parsed.data, policy, file);
  const key = await readKeyPair(values.key as string);
  const signed = await signDocument('grant', JSON.parse(canonicalJson(parsed.data)), key);
  if (values.register) await recordIssued(values.register as string, parsed.data, key.keyId);
  await writeOut(values.out as string | undefined, `${values.json ? JSON.stringify(signed, null, 2) : toToken(signed)}\n`, io.stdout);
  io.stderr(`vigie: grant ${parsed.data.id} issued to ${parsed.data.holder.name}, expires ${parsed.data.expiresAt}\n`);
  return 0;
}

/** A grant naming a role, platform or clearance its organisation's policy does not know is a typo, not a grant. */
function checkAgainstPolicy(grant: Grant, policy: Policy, file: string): void {
  const problems: string[] = [];
  if (grant.organisation !== policy.organisation.id) problems.push(`organisation: "${grant.organisation}" is not the policy's ("${policy.organisation.id}")`);
  if (!policy.roles.some((r) => r.id === grant.role)) problems.push(`role: "${grant.role}" is not one of ${policy.roles.map((r) => r.id).join(', ')}`);
  const platformIds = policy.platforms.map((p) => p.id);
  grant.platforms.forEach((p, i) => p === '*' || platformIds.includes(p) || problems.push(`platforms[${i}]: unknown platform "${p}"`));
  grant.exportAuthorizations.forEach((a, i) => platformIds.includes(a.platform) || problems.push(`exportAuthorizations[${i}].platform: unknown platform "${a.platform}"`));
  const levels = policy.classification?.levels.map((l) => l.id) ?? [];
  if (grant.clearance !== undefined && !levels.includes(grant.clearance)) {
    problems.push(`clearance: "${grant.clearance}" is not one of ${levels.join(', ') || '(the policy has no classification levels)'}`);
  }
  if (grant.task && Date.parse(grant.task.endsAt) > Date.parse(grant.expiresAt)) problems.push('task.endsAt: the task ends after the grant expires');
  if (problems.length) throw new UsageError(`${file}: ${problems.join('; ')}`);
}

async function tokenArg(arg: string | undefined): Promise<string> {
  if (!arg) throw new UsageError('give the grant token, or a file holding it');
  return arg.trim().startsWith('vigie1.') || arg.trim().startsWith('{') ? arg : readText(arg);
}

async function verify(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { trust: { type: 'string', multiple: true }, policy: { type: 'string' } });
  const token = await tokenArg(positionals[0]);
  const trust = await readTrust((values.trust as string[] | undefined) ?? []);
  const policy = values.policy ? await readPolicyFile(values.policy as string) : DEFAULT_POLICY;
  try {
    const { grant, key } = await verifyGrant(token, trust, policy, new Date());
    io.stdout(`${JSON.stringify({ valid: true, id: grant.id, holder: grant.holder.name, expiresAt: grant.expiresAt, keyId: key.keyId })}\n`);
    return 0;
  } catch (error) {
    return refused(error, io);
  }
}

/** Shows what a token says without trusting it: the signature is not checked here. */
async function show(argv: string[], io: Io): Promise<number> {
  const { positionals } = args(argv, {});
  const token = await tokenArg(positionals[0]);
  try {
    const envelope = readEnvelope(token);
    const parsed = GrantSchema.safeParse(envelope.payload);
    const status = parsed.success ? grantStatus(parsed.data, [], new Date()) : 'invalid';
    io.stdout(`${JSON.stringify({ signedBy: envelope.signature.keyId, status, grant: envelope.payload }, null, 2)}\n`);
    return parsed.success ? 0 : 1;
  } catch (error) {
    if (error instanceof SignatureRefusal) throw new UsageError(`not a grant token: ${error.message}`);
    throw error;
  }
}

