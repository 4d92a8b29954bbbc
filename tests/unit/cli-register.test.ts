import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { registerCsv, type RegisterEntry } from '../../lib/cli/register';
import acep from '../../lib/packs/acep/policy.json';

const dir = mkdtempSync(join(tmpdir(), 'vigie-register-'));
const p = (name: string) => join(dir, name);

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const draft = (name: string, extra: Record<string, unknown> = {}) => ({
  schema: 'vigie.grant/1',
  organisation: 'acep',
  holder: { name, email: `${name.toLowerCase().replace(/\W/g, '.')}@example.org` },
  role: 'cla',
  platforms: ['action-builder'],
  expiresAt: '2099-01-01T00:00:00Z',
  ...extra,
});

beforeAll(async () => {
  writeFileSync(p('policy.json'), JSON.stringify(acep));
  await run('keygen', '--out', p('key.json'));
  await run('policy', 'sign', p('policy.json'), '--key', p('key.json'), '--out', p('signed.json'));
  writeFileSync(p('a.json'), JSON.stringify(draft('Alice Martin')));
  writeFileSync(p('b.json'), JSON.stringify(draft('Bob Gagnon', { task: { description: 'Relance des membres, automne', endsAt: '2026-10-31T23:59:59Z' } })));
});

describe('the register of granted accesses', () => {
  it('records each issued grant, in a file only its owner reads', async () => {
    expect((await run('grant', 'issue', p('a.json'), '--key', p('key.json'), '--register', p('reg.json'))).code).toBe(0);
    expect((await run('grant', 'issue', p('b.json'), '--key', p('key.json'), '--register', p('reg.json'))).code).toBe(0);
    const reg = JSON.parse(readFileSync(p('reg.json'), 'utf8'));
    expect(reg.entries.map((e: RegisterEntry) => e.holder.name)).toEqual(['Alice Martin', 'Bob Gagnon']);
    expect(statSync(p('reg.json')).mode & 0o777).toBe(0o600);
  });

  it('lists active accesses; an access whose task ended is listed with --all only', async () => {
    const active = JSON.parse((await run('register', 'list', '--register', p('reg.json'))).out);
    expect(active.map((e: RegisterEntry) => e.holder.name)).toEqual(['Alice Martin']);
    const all = JSON.parse((await run('register', 'list', '--register', p('reg.json'), '--all')).out);
    expect(all.map((e: { state: string }) => e.state)).toEqual(['active', 'ended']);
  });

  it('revokes: the register says so and a new signed policy lists the grant', async () => {
    const reg = JSON.parse(readFileSync(p('reg.json'), 'utf8'));
    const id = reg.entries[0].id as string;
    const r = await run('register', 'revoke', id, '--register', p('reg.json'), '--policy', p('signed.json'), '--key', p('key.json'), '--reason', 'Fin de mandat', '--policy-out', p('signed2.json'));
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(p('signed2.json'), 'utf8')).payload.revokedGrants).toEqual([id]);
    const after = JSON.parse(readFileSync(p('reg.json'), 'utf8')).entries[0];
    expect(after).toMatchObject({ revokedReason: 'Fin de mandat', revokedAt: expect.any(String) });
  });

  it('exports CSV with one row per grant and formula-safe cells', async () => {
    const { out } = await run('register', 'export', '--register', p('reg.json'));
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,state,holder_name,holder_email,role,clearance,task,task_ends/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',revoked,Alice Martin,');
    const csv = registerCsv([{ id: 'g1', holder: { name: '=HYPERLINK("x")', email: 'a@b.c' }, role: 'cla', platforms: [], issuedAt: '', expiresAt: '2099-01-01T00:00:00Z', signedBy: 'k' }], new Date());
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('refuses a grant id it does not hold, and a register that is not one', async () => {
    expect((await run('register', 'revoke', 'g-nope', '--register', p('reg.json'), '--policy', p('signed.json'), '--key', p('key.json'))).code).toBe(2);
    writeFileSync(p('junk.json'), '{"entries": 3}');
    const r = await run('register', 'list', '--register', p('junk.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/register .*junk\.json: /);
  });

  it('refuses a clearance the policy does not define', async () => {
    writeFileSync(p('c.json'), JSON.stringify(draft('Chloe Roy', { clearance: 'top-secret' })));
    const r = await run('grant', 'issue', p('c.json'), '--key', p('key.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/clearance: "top-secret"/);
  });
});

describe('vigie grant template', () => {
  it('shapes the draft by the policy it is given', async () => {
    const acepDraft = JSON.parse((await run('grant', 'template')).out);
    expect(acepDraft).toMatchObject({ organisation: 'acep', role: 'executive', section: expect.any(Object) });
    const pcqDraft = JSON.parse((await run('grant', 'template', '--policy', 'lib/packs/pcq/policy.json')).out);
    expect(pcqDraft).toMatchObject({ organisation: 'pcq', role: 'president', clearance: 'very-confidential', task: expect.any(Object) });
    expect(pcqDraft.section).toBeUndefined();
    expect(pcqDraft.platforms).toContain('nationbuilder');
    expect(pcqDraft.platforms).not.toContain('vimeo');
  });
});
