/**
 * `npm run release`: from deploy.json, the folder IT deploys from. Checks the input, the packing
 * key's id and the signed policy first (nothing is written if any is wrong), then makes each
 * browser's half (kit-chrome.ts, kit-firefox.ts), the IT README and kit.json (what was made, with
 * checksums).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { verifyPolicy, type TrustedKey } from '../core/signature';
import { PRODUCTION_CHROME_ID, readPackingKey } from './chrome-id';
import { DeployInputError, readDeployInput, type ResolvedInput } from './input';
import { itReadme } from './it-readme';
import { chromeHalf, json } from './kit-chrome';
import { FIREFOX_SIGN_COMMAND, firefoxHalf } from './kit-firefox';
import { GECKO_ID, type KitIds, type ManagedConfig } from './policies';

export type KitBrowser = 'chrome' | 'firefox';

export interface KitResult {
  outDir: string;
  version: string;
  chromeId: string;
  files: { path: string; sha256: string; bytes: number }[];
}

/** The signed policy must verify with the keys the browsers will trust, or the kit is useless. */
async function checkSignedPolicy(input: ResolvedInput) {
  const trusted: TrustedKey[] = input.trustedKeys.map((k) => ({ ...k, source: 'managed' }));
  try {
    return await verifyPolicy(readFileSync(input.signedPolicyPath, 'utf8'), trusted);
  } catch (error) {
    throw new DeployInputError(input.file, [`signedPolicy: ${input.signedPolicyPath} is refused with the kit's trustedKeys: ${(error as Error).message}`]);
  }
}

function checksums(outDir: string) {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !/^(chrome|firefox)\/source\//.test(f) && statSync(join(outDir, f)).isFile())
    .sort()
    .map((path) => {
      const body = readFileSync(join(outDir, path));
      return { path, sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length };
    });
}

export async function makeKit(o: { inputFile: string; outDir: string; repoRoot: string; browsers?: KitBrowser[] }): Promise<KitResult> {
  const { outDir, repoRoot, browsers = ['chrome', 'firefox'] } = o;
  const input = readDeployInput(o.inputFile, repoRoot);
  const key = readPackingKey(readFileSync(input.chromePackingKeyPath), `chromePackingKey (${input.chromePackingKeyPath})`);
  const expectedId = input.chromeExtensionId ?? PRODUCTION_CHROME_ID;
  if (key.id !== expectedId) {
    throw new DeployInputError(input.file, [
      `chromePackingKey: the key gives the extension id ${key.id}, not ${expectedId}${input.chromeExtensionId ? ' (chromeExtensionId)' : ' (the production id)'}: ` +
        'browsers would see another extension. Use the key whose public half is the manifest key, or set chromeExtensionId for a fork or a test.',
    ]);
  }
  const verified = await checkSignedPolicy(input);

  rmSync(outDir, { recursive: true, force: true });
  const write = (path: string, body: string | Buffer) => {
    mkdirSync(join(outDir, path, '..'), { recursive: true });
    writeFileSync(join(outDir, path), body);
  };
  const base = input.updateBaseUrl;
  const ids: KitIds = { chromeId: key.id, chromeUpdateUrl: `${base}updates.xml`, firefoxXpiUrl: `${base}vigie.xpi` };
  const config: ManagedConfig = { policyUrl: input.policyUrl, trustedKeys: input.trustedKeys };
  const shared = { repoRoot, outDir, ids, updateBaseUrl: base, organisation: input.organisation, config, write };
  const work = join(outDir, '.build');
  let version = '';
  let crxFile = '(not made: --only firefox)';
  if (browsers.includes('chrome')) {
    ({ version, crxFile } = await chromeHalf({ ...shared, workDir: join(work, 'chrome'), key, keyPath: input.chromePackingKeyPath }));
  }
  if (browsers.includes('firefox')) ({ version } = await firefoxHalf({ ...shared, workDir: join(work, 'firefox') }));
  rmSync(work, { recursive: true, force: true });

  const policyFile = basename(new URL(input.policyUrl).pathname) || 'policy.signed.json';
  mkdirSync(join(outDir, 'policy'), { recursive: true });
  copyFileSync(input.signedPolicyPath, join(outDir, 'policy', policyFile));
  write(
    'README.md',
    itReadme({ organisation: input.organisation, version, chromeId: key.id, geckoId: GECKO_ID, updateBaseUrl: base, policyUrl: input.policyUrl, policyFile, crxFile, signCommand: FIREFOX_SIGN_COMMAND }),
  );
  const files = checksums(outDir);
  const policy = { id: verified.policy.id, version: verified.policy.version, signedBy: verified.key.keyId, url: input.policyUrl };
  write('kit.json', json({ organisation: input.organisation, version, browsers, chromeId: key.id, geckoId: GECKO_ID, policy, updateBaseUrl: base, files }));
  return { outDir, version, chromeId: key.id, files };
}
