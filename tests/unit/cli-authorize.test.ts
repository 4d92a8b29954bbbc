import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { readEnvelope } from '../../lib/core/signature';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-authorize-'));
const p = (name: string) => join(dir, name);

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  expect((await run('keygen', '--out', p('key.json'))).code).toBe(0);
  expect((await run('keygen', '--out', p('other.json'))).code).toBe(0);
  const draft = JSON.parse((await run('grant', 'template')).out);
  writeFileSync(p('draft.json'), JSON.stringify({ ...draft, holder: { name: 'Marie Tremblay', email: 'marie@example.org' }, expiresAt: '2099-01-01T00:00:00Z' }));
  expect((await run('grant', 'issue', p('draft.json'), '--key', p('key.json'), '--out', p('token.txt'))).code).toBe(0);
});

describe('vigie grant authorize', () => {
  it('re-issues the grant with the written export authorization, under a new id, and it verifies', async () => {
    const r = await run('grant', 'authorize', p('token.txt'), '--key', p('key.json'), '--platform', 'action-network', '--purpose', 'Liste pour l’AGA', '--reference', 'BN-2026-014', '--until', '2098-06-30', '--out', p('authorized.txt'));
    expect(r.code, r.err).toBe(0);
    const before = readEnvelope(readFileSync(p('token.txt'), 'utf8').trim()).payload as { id: string };
    const after = readEnvelope(readFileSync(p('authorized.txt'), 'utf8').trim()).payload as { id: string; holder: unknown; exportAuthorizations: unknown[] };
    expect(after.id).not.toBe(before.id);
    expect(after.holder).toEqual({ name: 'Marie Tremblay', email: 'marie@example.org' });
    expect(after.exportAuthorizations).toEqual([{ platform: 'action-network', purpose: 'Liste pour l’AGA', reference: 'BN-2026-014', expires: '2098-06-30T23:59:59Z' }]);
    const verified = await run('grant', 'verify', p('authorized.txt'), '--trust', p('key.json'));
    expect(JSON.parse(verified.out)).toMatchObject({ valid: true, id: after.id });
    expect(r.err).toMatch(/stays valid until it expires unless revoked/);
  });

  it('replaces an authorization with the same platform and reference instead of adding a second', async () => {
    expect((await run('grant', 'authorize', p('authorized.txt'), '--key', p('key.json'), '--platform', 'action-network', '--purpose', 'Liste pour l’AGA, prolongée', '--reference', 'BN-2026-014', '--until', '2098-09-30', '--out', p('again.txt'))).code).toBe(0);
    const again = readEnvelope(readFileSync(p('again.txt'), 'utf8').trim()).payload as { exportAuthorizations: Array<{ purpose: string }> };
    expect(again.exportAuthorizations.map((a) => a.purpose)).toEqual(['Liste pour l’AGA, prolongée']);
  });

  it('refuses a grant it cannot verify, an unknown platform, a past date, and a missing option, saying which', async () => {
    const forged = await run('grant', 'authorize', p('token.txt'), '--key', p('key.json'), '--trust', p('other.json'), '--platform', 'action-network', '--purpose', 'x y z', '--reference', 'R', '--until', '2098-01-01');
    expect(forged.code).toBe(1);
    expect(JSON.parse(forged.out)).toMatchObject({ valid: false, refusal: 'unknown-key' });
    const platform = await run('grant', 'authorize', p('token.txt'), '--key', p('key.json'), '--platform', 'myspace', '--purpose', 'x y z', '--reference', 'R', '--until', '2098-01-01');
    expect([platform.code, platform.err]).toEqual([2, expect.stringMatching(/--platform: "myspace" is not one of/)]);
    const past = await run('grant', 'authorize', p('token.txt'), '--key', p('key.json'), '--platform', 'action-network', '--purpose', 'x y z', '--reference', 'R', '--until', '2001-01-01');
    expect([past.code, past.err]).toEqual([2, expect.stringMatching(/--until: the date has passed/)]);
    const missing = await run('grant', 'authorize', p('token.txt'), '--key', p('key.json'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/usage: vigie grant authorize/)]);
  });
});
