import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json';
import { GrantSchema, grantStatus, type Grant } from '../core/grant';
import { describeIssues } from '../core/errors';
import { grantPolicyProblems } from '../core/grant-check';
import { grantTemplate } from '../core/grant-template';
import { DEFAULT_POLICY } from '../packs';
import { readEnvelope, signDocument, SignatureRefusal, toToken, verifyGrant, verifyPolicy, type TrustedKey } from '../core/signature';
import type { Policy } from '../core/policy';
import { args, type Io } from './main';
import { isEnvelope, readJson, readKeyPair, readPolicyFile, readText, readTrust, UsageError, writeOut } from './io';
import { refused } from './policy-commands';
import { folderFromArgs } from './officer-command';
import { issueGrant } from '../officer/grants-service';
import { OfficerError } from '../officer/officer';

export async function grantCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'template': {
      const { values } = args(rest, { policy: { type: 'string' } });
      const policy = values.policy ? await readPolicyFile(values.policy as string) : DEFAULT_POLICY;
      io.stdout(`${JSON.stringify(grantTemplate(policy), null, 2)}\n`);
      return 0;
    }
    case 'issue':
      return issue(rest, io);
    case 'verify':
      return verify(rest, io);
    case 'show':
      return show(rest, io);
    default:
      throw new UsageError('usage: vigie grant template|issue|verify|show …');
  }
}

async function issue(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { key: { type: 'string' }, policy: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, register: { type: 'string' }, dir: { type: 'string' } });
  const [file] = positionals;
  if (values.register) throw new UsageError('the register is now a database in the officer\'s folder: issue with --dir FOLDER (and move an old register with "vigie register import REG.json --dir FOLDER")');
  if (!file || (!values.key && !values.dir)) throw new UsageError('usage: vigie grant issue DRAFT.json --key KEY.json [--policy POLICY.json] | --dir FOLDER');
  const draft = (await readJson(file)) as Record<string, unknown>;
  if (values.dir) return issueInFolder(draft, file, values, io);
  const payload = { id: `g-${randomUUID()}`, issuedAt: new Date().toISOString(), ...draft };
  const parsed = GrantSchema.safeParse(payload);
  if (!parsed.success) throw new UsageError(`${file}: ${describeIssues(parsed.error).join('; ')}`);
  const policy = values.policy ? await readPolicyFile(values.policy as string) : DEFAULT_POLICY;
  checkAgainstPolicy(parsed.data, policy, file);
  const key = await readKeyPair(values.key as string);
  const signed = await signDocument('grant', JSON.parse(canonicalJson(parsed.data)), key);
  await writeOut(values.out as string | undefined, `${values.json ? JSON.stringify(signed, null, 2) : toToken(signed)}\n`, io.stdout);
  io.stderr(`vigie: grant ${parsed.data.id} issued to ${parsed.data.holder.name}, expires ${parsed.data.expiresAt}\n`);
  return 0;
}

/** With the officer's folder: the console's own issue service (checked, signed, recorded, audited). */
async function issueInFolder(draft: Record<string, unknown>, file: string, values: Record<string, unknown>, io: Io): Promise<number> {
  const officer = await folderFromArgs(values, io);
  try {
    const { grant, token } = await issueGrant(officer, draft);
    await writeOut(values.out as string | undefined, `${token}\n`, io.stdout);
    io.stderr(`vigie: grant ${grant.id} issued to ${grant.holder.name}, expires ${grant.expiresAt}, recorded in ${officer.dir}\n`);
    return 0;
  } catch (error) {
    if (error instanceof OfficerError) throw new UsageError(`${file}: ${error.problems.join('; ') || error.message}`);
    throw error;
  } finally {
    officer.db.close();
  }
}

function checkAgainstPolicy(grant: Grant, policy: Policy, file: string): void {
  const problems = grantPolicyProblems(grant, policy);
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
  let policy: Policy = DEFAULT_POLICY;
  try {
    if (values.policy) policy = await signedPolicyFile(values.policy as string, trust);
  } catch (error) {
    return refused(error, io, 'policy');
  }
  try {
    const { grant, key } = await verifyGrant(token, trust, policy, new Date());
    io.stdout(`${JSON.stringify({ valid: true, id: grant.id, holder: grant.holder.name, expiresAt: grant.expiresAt, keyId: key.keyId })}\n`);
    return 0;
  } catch (error) {
    return refused(error, io);
  }
}

/**
 * The policy a grant is checked against: its revocation list decides, so it must be a signed policy
 * that verifies against the same trusted keys. A refusal (tampered, unknown key) is the answer.
 */
async function signedPolicyFile(path: string, trust: readonly TrustedKey[]): Promise<Policy> {
  const document = await readJson(path);
  if (!isEnvelope(document)) throw new UsageError(`${path}: not a signed policy (sign it with "vigie policy sign"); an unsigned file proves nothing`);
  return (await verifyPolicy(document, trust)).policy;
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

