/** deploy.json: located problems, a packing key refused inside the repository or missing, never created. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeployInputError, readDeployInput } from '../../lib/deploy/input';

const REPO = resolve('.');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setUp(input: Record<string, unknown>, { inRepo = false } = {}) {
  const dir = inRepo ? mkdtempSync(join(REPO, '.e2e-deploy-input-')) : mkdtempSync(join(tmpdir(), 'vigie-deploy-input-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'packing.pem'), 'pem');
  writeFileSync(join(dir, 'policy.json'), '{}');
  const file = join(dir, 'deploy.json');
  writeFileSync(file, JSON.stringify(input));
  return { dir, file };
}

const GOOD = {
  organisation: 'ACEP',
  policyUrl: 'https://vigie.example.org/acep/politique.signed.json',
  trustedKeys: [{ keyId: 'ZYXtnhny1TdsYaL_', publicKey: 'oDTEq9UAuDpu8lOdfzeINCGgT8itTAS-v1XST23fcu0', label: 'ACEP' }],
  updateBaseUrl: 'https://vigie.example.org/vigie',
  chromePackingKey: 'packing.pem',
  signedPolicy: 'policy.json',
};

function problems(file: string): string[] {
  try {
    readDeployInput(file, REPO);
  } catch (error) {
    if (error instanceof DeployInputError) return error.problems;
    throw error;
  }
  return [];
}

describe('readDeployInput', () => {
  it('resolves paths against the input file and ends the update address with a slash', () => {
    const { dir, file } = setUp(GOOD);
    const input = readDeployInput(file, REPO);
    expect(input.chromePackingKeyPath).toBe(join(dir, 'packing.pem'));
    expect(input.signedPolicyPath).toBe(join(dir, 'policy.json'));
    expect(input.updateBaseUrl).toBe('https://vigie.example.org/vigie/');
  });

  it('names every bad field at once', () => {
    const { file } = setUp({ ...GOOD, policyUrl: 'http://vigie.example.org/p.json', trustedKeys: [{ keyId: 'short', publicKey: 'x', label: '' }], extra: 1 });
    const found = problems(file);
    expect(found.some((p) => p.startsWith('policyUrl: expected an https://'))).toBe(true);
    expect(found.some((p) => p.startsWith('trustedKeys[0].keyId'))).toBe(true);
    expect(found.some((p) => p.startsWith('trustedKeys[0].publicKey'))).toBe(true);
    expect(found.some((p) => /extra/.test(p))).toBe(true);
  });

  it('refuses a packing key inside the repository', () => {
    const { file } = setUp(GOOD, { inRepo: true });
    expect(problems(file)).toEqual([expect.stringMatching(/^chromePackingKey: the packing key is inside the repository/)]);
  });

  it('refuses a missing packing key and does not create one', () => {
    const { dir, file } = setUp({ ...GOOD, chromePackingKey: 'nowhere/key.pem', signedPolicy: 'missing.json' });
    expect(problems(file)).toEqual([`chromePackingKey: no file at ${join(dir, 'nowhere/key.pem')}`, `signedPolicy: no file at ${join(dir, 'missing.json')}`]);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('says where a file that is not JSON is', () => {
    const { file } = setUp(GOOD);
    writeFileSync(file, '{ nope');
    expect(problems(file)[0]).toMatch(/^cannot read it as JSON/);
  });
});
