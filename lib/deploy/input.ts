/**
 * The kit's one input file (deploy.json): where the policy lives, whose keys sign it, where the
 * packages are published, and where the Chrome packing key is kept. Paths are relative to the
 * input file. Every problem is reported with the field it is in, all at once.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../core/errors';

const https = (what: string) =>
  z.string().refine((s) => URL.canParse(s) && new URL(s).protocol === 'https:', { message: `expected an https:// address for ${what}` });

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected base64url text');

export const DeployInput = z.strictObject({
  /** Shown in the configuration profiles' names: "Vigie — ACEP". */
  organisation: z.string().min(1).max(80),
  policyUrl: https('the signed policy'),
  trustedKeys: z.array(z.strictObject({ keyId: base64url.length(16), publicKey: base64url.length(43), label: z.string().min(1) })).min(1),
  /** Where the `publish/` folder is served from: updates.xml, the CRX, the XPI. */
  updateBaseUrl: https('the update host').transform((s) => (s.endsWith('/') ? s : `${s}/`)),
  /** RSA private key (PEM) that signs the CRX; kept outside the repository. */
  chromePackingKey: z.string().min(1),
  /** The policy signed with `vigie policy sign`, to publish at policyUrl. */
  signedPolicy: z.string().min(1),
  /** The id the packing key must give; the production id unless this is a fork or a test. */
  chromeExtensionId: z.string().regex(/^[a-p]{32}$/, 'expected 32 letters a to p').optional(),
});
export type DeployInput = z.infer<typeof DeployInput>;

export interface ResolvedInput extends DeployInput {
  /** The input file, for error messages. */
  file: string;
  /** Absolute paths, resolved against the input file's folder. */
  chromePackingKeyPath: string;
  signedPolicyPath: string;
}

export class DeployInputError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'DeployInputError';
  }
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Reads and checks deploy.json; `repoRoot` is the folder the packing key must stay out of. */
export function readDeployInput(file: string, repoRoot: string): ResolvedInput {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DeployInputError(file, [`cannot read it as JSON (${(error as Error).message})`]);
  }
  const parsed = DeployInput.safeParse(raw);
  if (!parsed.success) throw new DeployInputError(file, describeIssues(parsed.error));
  const input = parsed.data;
  const base = dirname(resolve(file));
  const chromePackingKeyPath = resolve(base, input.chromePackingKey);
  const signedPolicyPath = resolve(base, input.signedPolicy);
  const problems: string[] = [];
  if (!existsSync(chromePackingKeyPath)) {
    // Never create one here: a new key would silently give Vigie a new id on every browser.
    problems.push(`chromePackingKey: no file at ${chromePackingKeyPath}`);
  } else if (isInside(realpathSync(repoRoot), realpathSync(chromePackingKeyPath))) {
    problems.push('chromePackingKey: the packing key is inside the repository; keep it outside (whoever holds it can publish an update of Vigie)');
  }
  if (!existsSync(signedPolicyPath)) problems.push(`signedPolicy: no file at ${signedPolicyPath}`);
  if (problems.length) throw new DeployInputError(file, problems);
  return { ...input, file, chromePackingKeyPath, signedPolicyPath };
}
