import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import acep from '../../lib/packs/acep/policy.json';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
const p = (name: string) => join(dir, name);

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  writeFileSync(p('policy.json'), JSON.stringify(acep));
  expect((await run('keygen', '--out', p('key.json'))).code).toBe(0);
  expect((await run('keygen', '--out', p('other.json'))).code).toBe(0);
  const draft = JSON.parse((await run('grant', 'template')).out);
  writeFileSync(p('draft.json'), JSON.stringify({ ...draft, holder: { name: 'Marie Tremblay', email: 'marie@example.org' }, expiresAt: '2099-01-01T00:00:00Z' }));
});

describe('vigie keygen', () => {
  it('keeps the private key in a file only its owner can read and prints the public half', async () => {
    const { out } = await run('keygen', '--out', p('k2.json'));
    expect(JSON.parse(out)).toEqual({ keyId: expect.any(String), publicKey: expect.any(String) });
    expect(out).not.toContain('privateKey');
    expect(statSync(p('k2.json')).mode & 0o777).toBe(0o600);
  });
  it('refuses to print a private key', async () => {
    const r = await run('keygen');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^vigie: .*--out/);
  });
});

describe('vigie policy', () => {
  it('signs and verifies; another key is refused', async () => {
    expect((await run('policy', 'sign', p('policy.json'), '--key', p('key.json'), '--out', p('signed.json'))).code).toBe(0);
    const ok = await run('policy', 'verify', p('signed.json'), '--trust', p('key.json'));
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true, id: 'acep-member-data', version: 1 });
    const bad = await run('policy', 'verify', p('signed.json'), '--trust', p('other.json'));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ valid: false, refusal: 'unknown-key' });
  });

  it('refuses a rollback', async () => {
    const r = await run('policy', 'verify', p('signed.json'), '--trust', p('key.json'), '--held-version', '2');
    expect(JSON.parse(r.out).refusal).toBe('rollback');
  });

  it('says which field of a bad policy is wrong', async () => {
    writeFileSync(p('bad.json'), JSON.stringify({ ...acep, sync: { refreshMinutes: 1 } }));
    const r = await run('policy', 'sign', p('bad.json'), '--key', p('key.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sync\.refreshMinutes: /);
  });
});

describe('vigie grant and revoke', () => {
  it('issues a token that verifies, then stops verifying once revoked', async () => {
    const issued = await run('grant', 'issue', p('draft.json'), '--key', p('key.json'), '--out', p('token.txt'));
    expect(issued.code).toBe(0);
    const token = readFileSync(p('token.txt'), 'utf8').trim();
    expect(token).toMatch(/^vigie1\./);
    const ok = await run('grant', 'verify', p('token.txt'), '--trust', p('key.json'));
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true, holder: 'Marie Tremblay' });
    const id = JSON.parse((await run('grant', 'show', token)).out).grant.id as string;

    expect((await run('revoke', id, '--policy', p('signed.json'), '--key', p('key.json'), '--out', p('signed2.json'))).code).toBe(0);
    const v2 = JSON.parse(readFileSync(p('signed2.json'), 'utf8'));
    expect(v2.payload).toMatchObject({ version: 2, revokedGrants: [id] });
    const refused = await run('grant', 'verify', token, '--trust', p('key.json'), '--policy', p('signed2.json'));
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out).refusal).toBe('revoked');
  });

  it("grant verify --policy verifies the policy's own signature first: a forged revocation list proves nothing", async () => {
    expect((await run('grant', 'issue', p('draft.json'), '--key', p('key.json'), '--out', p('token-p.txt'))).code).toBe(0);
    const signed = JSON.parse(readFileSync(p('signed.json'), 'utf8'));
    // Someone edits the signed policy's revocation list (or its rollout) without the officer's key.
    writeFileSync(p('forged.json'), JSON.stringify({ ...signed, payload: { ...signed.payload, rollout: 'audit' } }));
    const forged = await run('grant', 'verify', p('token-p.txt'), '--trust', p('key.json'), '--policy', p('forged.json'));
    expect(forged.code).toBe(1);
    expect(JSON.parse(forged.out)).toMatchObject({ valid: false, document: 'policy', refusal: 'bad-signature' });
    expect((await run('policy', 'sign', p('policy.json'), '--key', p('other.json'), '--out', p('signed-other.json'))).code).toBe(0);
    const otherKey = await run('grant', 'verify', p('token-p.txt'), '--trust', p('key.json'), '--policy', p('signed-other.json'));
    expect(JSON.parse(otherKey.out)).toMatchObject({ document: 'policy', refusal: 'unknown-key' });
    const unsigned = await run('grant', 'verify', p('token-p.txt'), '--trust', p('key.json'), '--policy', p('policy.json'));
    expect(unsigned.code).toBe(2);
    expect(unsigned.err).toMatch(/not a signed policy/);
    const good = await run('grant', 'verify', p('token-p.txt'), '--trust', p('key.json'), '--policy', p('signed.json'));
    expect(JSON.parse(good.out)).toMatchObject({ valid: true });
  });

  it('refuses a draft with a role the policy does not know', async () => {
    const draft = JSON.parse(readFileSync(p('draft.json'), 'utf8'));
    writeFileSync(p('draft-bad.json'), JSON.stringify({ ...draft, role: 'president' }));
    const r = await run('grant', 'issue', p('draft-bad.json'), '--key', p('key.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/role: "president" is not one of executive, cla/);
  });

  it('shows a malformed token as bad input', async () => {
    const r = await run('grant', 'show', 'vigie1.AAAA');
    expect(r.code).toBe(2);
  });

  it('answers an unknown command with exit 2 and one line', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
