import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { registerCsv } from '../../lib/officer/register-csv';
import type { RegisterEntry } from '../../lib/officer/register-service';
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

// The register moved from register.json to the officer's folder (database): the same checks as
// before, now on `--dir`, plus the move of an old register.json.
const folder = () => ['--dir', p('officer')];

describe('the register of granted accesses', () => {
  it('records each issued grant, in a database only its owner reads', async () => {
    expect((await run('grant', 'issue', p('a.json'), ...folder(), '--key', p('key.json'), '--policy', p('signed.json'))).code).toBe(0);
    expect((await run('grant', 'issue', p('b.json'), ...folder())).code).toBe(0);
    const all = JSON.parse((await run('register', 'list', ...folder(), '--all')).out);
    expect(all.map((e: RegisterEntry) => e.holder.name)).toEqual(['Alice Martin', 'Bob Gagnon']);
    expect(statSync(p('officer/officer.sqlite')).mode & 0o777).toBe(0o600);
    expect(statSync(p('officer/key.json')).mode & 0o777).toBe(0o600);
  });

  it('lists active accesses; an access whose task ended is listed with --all only', async () => {
    const active = JSON.parse((await run('register', 'list', ...folder())).out);
    expect(active.map((e: RegisterEntry) => e.holder.name)).toEqual(['Alice Martin']);
    const all = JSON.parse((await run('register', 'list', ...folder(), '--all')).out);
    expect(all.map((e: { state: string }) => e.state)).toEqual(['active', 'ended']);
  });

  it('revokes: the register says so and a new signed policy lists the grant', async () => {
    const [entry] = JSON.parse((await run('register', 'list', ...folder())).out) as RegisterEntry[];
    const r = await run('register', 'revoke', entry!.id, ...folder(), '--reason', 'Fin de mandat');
    expect(r.code).toBe(0);
    const published = JSON.parse(readFileSync(p('officer/publish/policy.signed.json'), 'utf8'));
    expect(published.payload.revokedGrants).toEqual([entry!.id]);
    expect(published.payload.version).toBe(acep.version + 1);
    const verified = await run('policy', 'verify', p('officer/publish/policy.signed.json'), '--trust', p('officer/publish/public-key.json'));
    expect(verified.code).toBe(0);
    const after = JSON.parse((await run('register', 'list', ...folder(), '--all')).out)[0];
    expect(after).toMatchObject({ state: 'revoked', revokedReason: 'Fin de mandat', revokedAt: expect.any(String) });
  });

  it('exports CSV with one row per grant and formula-safe cells', async () => {
    const { out } = await run('register', 'export', ...folder());
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,state,holder_name,holder_email,role,clearance,task,task_ends/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',revoked,Alice Martin,');
    const csv = registerCsv([{ id: 'g1', state: 'active', holder: { name: '=HYPERLINK("x")', email: 'a@b.c' }, role: 'cla', platforms: [], issuedAt: '', expiresAt: '2099-01-01T00:00:00Z', endsAt: '2099-01-01T00:00:00Z', signedBy: 'k', exportAuthorizations: [], hasToken: true }]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('refuses a grant id it does not hold, a register that is not one, and the old --register option', async () => {
    expect((await run('register', 'revoke', 'g-nope', ...folder(), '--reason', 'x')).code).toBe(2);
    writeFileSync(p('junk.json'), '{"entries": 3}');
    const r = await run('register', 'import', p('junk.json'), ...folder());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/junk\.json is not a Vigie register: /);
    const old = await run('register', 'list', '--register', p('reg.json'));
    expect(old.code).toBe(2);
    expect(old.err).toMatch(/register import REG\.json --dir FOLDER/);
  });

  it('moves an old register.json into the database, revocations kept', async () => {
    writeFileSync(p('reg.json'), JSON.stringify({ schema: 'vigie.register/1', organisation: 'acep', entries: [
      { id: 'g-legacy', holder: { name: 'Carole Old', email: 'carole@example.org' }, role: 'cla', platforms: ['action-builder'], issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z', signedBy: 'k0', revokedAt: '2026-02-01T00:00:00Z', revokedReason: 'Départ' },
    ] }));
    expect((await run('register', 'import', p('reg.json'), ...folder())).code).toBe(0);
    const all = JSON.parse((await run('register', 'list', ...folder(), '--all')).out) as RegisterEntry[];
    expect(all.find((e) => e.id === 'g-legacy')).toMatchObject({ state: 'revoked', revokedReason: 'Départ', hasToken: false });
  });

  it('asks for the passphrase of a protected key, and refuses a wrong one', async () => {
    const prior = process.env.VIGIE_PASSPHRASE;
    try {
      process.env.VIGIE_PASSPHRASE = 'une longue phrase';
      writeFileSync(p('key2.json'), readFileSync(p('key.json')));
      expect((await run('key', 'protect', '--key', p('key2.json'))).code).toBe(0);
      expect(readFileSync(p('key2.json'), 'utf8')).not.toContain('privateKey');
      expect((await run('policy', 'sign', p('policy.json'), '--key', p('key2.json'))).code).toBe(0);
      process.env.VIGIE_PASSPHRASE = 'pas la bonne phrase';
      const wrong = await run('policy', 'sign', p('policy.json'), '--key', p('key2.json'));
      expect(wrong.code).toBe(2);
      expect(wrong.err).toMatch(/wrong passphrase/);
    } finally {
      if (prior === undefined) delete process.env.VIGIE_PASSPHRASE;
      else process.env.VIGIE_PASSPHRASE = prior;
    }
  }, 60_000);

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
