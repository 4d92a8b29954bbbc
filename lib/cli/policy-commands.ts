import { canonicalJson } from '../core/canonical-json';
import { SignatureRefusal, generateKeyPair, signDocument, verifyPolicy } from '../core/signature';
import { args, type Io } from './main';
import { readJson, readKeyPair, readPolicyFile, readTrust, UsageError, writeOut } from './io';

export async function keygen(argv: string[], io: Io): Promise<number> {
  const { values } = args(argv, { out: { type: 'string' } });
  if (!values.out) throw new UsageError('keygen needs --out FILE for the private key (it is never printed)');
  const pair = await generateKeyPair();
  await writeOut(values.out as string, `${JSON.stringify(pair, null, 2)}\n`, io.stdout, 0o600);
  io.stdout(`${JSON.stringify({ keyId: pair.keyId, publicKey: pair.publicKey }, null, 2)}\n`);
  return 0;
}

export async function policyCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'sign') {
    const { values, positionals } = args(rest, { key: { type: 'string' }, out: { type: 'string' } });
    const [file] = positionals;
    if (!file || !values.key) throw new UsageError('usage: vigie policy sign POLICY.json --key KEY.json [--out FILE]');
    const policy = await readPolicyFile(file);
    const signed = await signDocument('policy', JSON.parse(canonicalJson(policy)), await readKeyPair(values.key as string));
    await writeOut(values.out as string | undefined, `${JSON.stringify(signed, null, 2)}\n`, io.stdout);
    return 0;
  }
  if (sub === 'verify') {
    const { values, positionals } = args(rest, { trust: { type: 'string', multiple: true }, 'held-version': { type: 'string' } });
    const [file] = positionals;
    if (!file) throw new UsageError('usage: vigie policy verify SIGNED.json --trust PUB.json');
    const trust = await readTrust((values.trust as string[] | undefined) ?? []);
    const doc = await readJson(file);
    const heldVersion = values['held-version'] === undefined ? undefined : Number(values['held-version']);
    if (heldVersion !== undefined && !Number.isInteger(heldVersion)) throw new UsageError('--held-version must be a whole number');
    try {
      const held = heldVersion === undefined ? undefined : { id: (doc as { payload?: { id?: string } }).payload?.id ?? '', version: heldVersion };
      const { policy, key } = await verifyPolicy(doc, trust, held);
      io.stdout(`${JSON.stringify({ valid: true, id: policy.id, version: policy.version, keyId: key.keyId })}\n`);
      return 0;
    } catch (error) {
      return refused(error, io);
    }
  }
  throw new UsageError('usage: vigie policy sign|verify …');
}

export async function revokeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { policy: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' } });
  const [grantId] = positionals;
  if (!grantId || !values.policy || !values.key) throw new UsageError('usage: vigie revoke GRANT-ID --policy POLICY.json --key KEY.json');
  await revokeInPolicy(grantId, values.policy as string, values.key as string, values.out as string | undefined, io);
  return 0;
}

/** Adds a grant to a policy's revocation list, raises its version and signs it again. */
export async function revokeInPolicy(grantId: string, policyFile: string, keyFile: string, out: string | undefined, io: Io): Promise<void> {
  const policy = await readPolicyFile(policyFile);
  const revoked = policy.revokedGrants.includes(grantId) ? policy.revokedGrants : [...policy.revokedGrants, grantId];
  // A new version, so extensions holding the old one accept it (rollback protection).
  const next = { ...policy, version: policy.version + 1, issuedAt: new Date().toISOString(), revokedGrants: revoked };
  const signed = await signDocument('policy', JSON.parse(canonicalJson(next)), await readKeyPair(keyFile));
  await writeOut(out, `${JSON.stringify(signed, null, 2)}\n`, io.stdout);
  io.stderr(`vigie: grant ${grantId} revoked in policy ${policy.id} version ${next.version}\n`);
}

/** A refusal is an answer, not a crash: JSON on stdout, exit 1; `document` says when it is not the one named first. */
export function refused(error: unknown, io: Io, document?: 'policy'): number {
  if (!(error instanceof SignatureRefusal)) throw error;
  io.stdout(`${JSON.stringify({ valid: false, ...(document ? { document } : {}), refusal: error.code, message: error.text, problems: error.problems })}\n`);
  return 1;
}
