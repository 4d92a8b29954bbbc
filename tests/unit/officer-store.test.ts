import { DatabaseSync } from 'node:sqlite';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../lib/core/signature';
import { migrate, MIGRATIONS, openDatabase, schemaVersion } from '../../lib/officer/database';
import { authorizeExport, issueGrant } from '../../lib/officer/grants-service';
import { openOfficer, paths } from '../../lib/officer/officer';
import { latestPolicy, revokeGrant } from '../../lib/officer/policy-service';
import { listEntries } from '../../lib/officer/register-service';
import { importRegisterJson } from '../../lib/officer/register-import';
import { listAudit } from '../../lib/officer/audit-service';
import { isProtected, KeyError, protectKey, unlockKey } from '../../lib/officer/key-file';
import { draft, freshOfficer } from './officer-helpers';

describe('the officer database', () => {
  it('migrates step by step to the latest schema, in WAL mode, and refuses a newer one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-db-'));
    const first = new DatabaseSync(join(dir, 'db.sqlite'));
    migrate(first, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(first)).toBe(1);
    first.close();
    const db = openDatabase(join(dir, 'db.sqlite'));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'grants_by_section'").get()).toBeDefined();
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(join(dir, 'db.sqlite'))).toThrow(/newer than this Vigie/);
  });

  it('imports register.json: every entry, revocations kept, twice is harmless, a bad file is refused whole', async () => {
    const officer = await freshOfficer();
    const register = {
      schema: 'vigie.register/1',
      organisation: 'acep',
      entries: [
        { id: 'g-old-1', holder: { name: 'Alice Martin', email: 'alice@example.org' }, role: 'cla', section: '70', platforms: ['action-builder'], issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z', signedBy: 'k1' },
        { id: 'g-old-2', holder: { name: 'Bob Gagnon', email: 'bob@example.org' }, role: 'cla', platforms: ['action-builder'], task: { description: 'Relance', endsAt: '2026-02-01T00:00:00Z' }, issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z', signedBy: 'k1', revokedAt: '2026-01-15T00:00:00Z', revokedReason: 'Fin de mandat' },
      ],
    };
    expect(importRegisterJson(officer, register, 'register.json')).toEqual({ imported: 2, skipped: 0 });
    expect(importRegisterJson(officer, register, 'register.json')).toEqual({ imported: 0, skipped: 2 });
    expect(listEntries(officer).map((e) => [e.id, e.state, e.revokedReason])).toEqual([
      ['g-old-1', 'active', undefined],
      ['g-old-2', 'revoked', 'Fin de mandat'],
    ]);
    expect(listEntries(officer)[1]!.endsAt).toBe('2026-02-01T00:00:00.000Z');
    // Imported entries can still be revoked: the policy lists them.
    await revokeGrant(officer, 'g-old-1', 'Départ');
    expect(latestPolicy(officer)!.policy.revokedGrants).toEqual(['g-old-1']);
    const bad = { ...register, entries: [...register.entries, { id: 'g-3' }] };
    expect(() => importRegisterJson(officer, bad, 'x.json')).toThrow(/entries\[2\]\.holder/);
    expect(listEntries(officer)).toHaveLength(2);
  });
});

describe('two tabs (or the console and the CLI) acting at once', () => {
  it('two revocations at once: both in the policy, two new versions, none lost', async () => {
    const officer = await freshOfficer();
    const a = await issueGrant(officer, draft('A'));
    const b = await issueGrant(officer, draft('B'));
    const start = latestPolicy(officer)!.version;
    await Promise.all([revokeGrant(officer, a.grant.id, 'un'), revokeGrant(officer, b.grant.id, 'deux')]);
    const latest = latestPolicy(officer)!;
    expect(latest.version).toBe(start + 2);
    expect([...latest.policy.revokedGrants].sort()).toEqual([a.grant.id, b.grant.id].sort());
    expect(JSON.parse(readFileSync(paths(officer.dir).publishedPolicy, 'utf8')).payload.version).toBe(start + 2);
  });

  it('two connections to one database authorize exports on the same grant at once: both kept', async () => {
    const officer = await freshOfficer();
    const other = openOfficer(officer.dir, officer.key, { keyProtected: false, actor: 'cli' });
    const { grant } = await issueGrant(officer, draft('C'));
    const auth = (reference: string) => ({ platform: 'action-network', purpose: 'Envoi postal', reference, expires: '2099-01-01T00:00:00Z' });
    await Promise.all([authorizeExport(officer, grant.id, auth('A-1')), authorizeExport(other, grant.id, auth('B-2')), authorizeExport(officer, grant.id, auth('C-3'))]);
    const refs = listEntries(other)[0]!.exportAuthorizations.map((x) => x.reference).sort();
    expect(refs).toEqual(['A-1', 'B-2', 'C-3']);
    expect(listAudit(officer, { action: 'export-authorized' })).toHaveLength(3);
  });
});

describe('the private key at rest', () => {
  it('seals the private half with a passphrase; the right one opens it, a wrong one is refused', async () => {
    const key = await generateKeyPair();
    const sealed = await protectKey(key, 'correct horse battery');
    expect(isProtected(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain(key.privateKey);
    expect(await unlockKey(sealed, async () => 'correct horse battery')).toEqual({ key, protected: true });
    await expect(unlockKey(sealed, async () => 'wrong horse battery')).rejects.toThrow(KeyError);
    // A sealed key moved under another key id does not open.
    await expect(unlockKey({ ...sealed, keyId: 'x' }, async () => 'correct horse battery')).rejects.toThrow(/wrong passphrase/);
    expect(await unlockKey(key, async () => { throw new Error('not asked'); })).toEqual({ key, protected: false });
    await expect(protectKey(key, 'short')).rejects.toThrow(/8 characters/);
  }, 60_000); // scrypt is slow on purpose (about 0.2 s a try on an idle machine)
});
